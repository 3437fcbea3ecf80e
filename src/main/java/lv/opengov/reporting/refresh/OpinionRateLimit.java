package lv.opengov.reporting.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lv.opengov.reporting.system.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the opinions one address may send: at most {@code reporting.refresh.opinions-per-address}
 * within {@code reporting.refresh.opinion-window} (by default 5 an hour). Kept in memory: a
 * restart forgives, which is acceptable for a spam brake.
 */
@Component
class OpinionRateLimit {

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    OpinionRateLimit(@Value("${reporting.refresh.opinions-per-address:5}") int limit,
            @Value("${reporting.refresh.opinion-window:PT1H}") Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    void check(String address) {
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
