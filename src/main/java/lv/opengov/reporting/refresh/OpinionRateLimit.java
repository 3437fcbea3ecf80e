package lv.opengov.reporting.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lv.opengov.reporting.common.ClientAddress;
import lv.opengov.reporting.common.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the opinions one address may send: at most {@code reporting.refresh.opinions-per-address}
 * within {@code reporting.refresh.opinion-window} (by default 5 an hour). The address is the
 * client's as {@link lv.opengov.reporting.common.ClientAddress} finds it behind a trusted proxy.
 * Kept in memory, and forgotten once outside the window: a restart forgives, which is acceptable
 * for a spam brake.
 */
@Component
public class OpinionRateLimit {

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ClientAddress clientAddress;

    OpinionRateLimit(@Value("${reporting.refresh.opinions-per-address:5}") int limit,
            @Value("${reporting.refresh.opinion-window:PT1H}") Duration window, Clock clock,
            ClientAddress clientAddress) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.clientAddress = clientAddress;
    }

    public void check(jakarta.servlet.http.HttpServletRequest request) {
        check(clientAddress.of(request));
    }

    /** Addresses with no opinion inside the window are forgotten. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${reporting.refresh.opinion-cleanup-interval:PT10M}")
    void forgetOld() {
        Instant horizon = clock.instant().minus(window);
        recent.values().removeIf(times -> {
            synchronized (times) {
                return times.isEmpty() || times.peekLast().isBefore(horizon);
            }
        });
    }

    int remembered() {
        return recent.size();
    }

    public void check(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                throw new TooManyRequestsException();
            }
            times.addLast(now);
        }
    }
}
