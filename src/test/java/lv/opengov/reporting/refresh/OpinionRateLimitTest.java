package lv.opengov.reporting.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import lv.opengov.reporting.support.TestClock;
import lv.opengov.reporting.common.ClientAddress;
import lv.opengov.reporting.common.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The opinion limit counts per client, behind a trusted proxy the one it names, and forgets. */
class OpinionRateLimitTest {

    private final TestClock clock = new TestClock();
    private final OpinionRateLimit limit = new OpinionRateLimit(2, Duration.ofHours(1), clock,
            new ClientAddress(List.of("10.0.0.0/8")));

    @Test
    void countsTheClientBehindATrustedProxyAndNotTheProxy() {
        limit.check(fromProxy("203.0.113.9"));
        limit.check(fromProxy("203.0.113.9"));
        assertThatThrownBy(() -> limit.check(fromProxy("203.0.113.9"))).isInstanceOf(TooManyRequestsException.class);
        // another citizen behind the same proxy is not held back
        limit.check(fromProxy("198.51.100.4"));
    }

    @Test
    void aClientThatIsNoProxyCannotNameAnotherAddress() {
        MockHttpServletRequest first = direct("192.0.2.50", "203.0.113.1");
        MockHttpServletRequest second = direct("192.0.2.50", "203.0.113.2");
        limit.check(first);
        limit.check(second);
        assertThatThrownBy(() -> limit.check(direct("192.0.2.50", "203.0.113.3")))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void forgetsAddressesOnceTheirWindowHasPassed() {
        limit.check(fromProxy("203.0.113.77"));
        limit.check(direct("192.0.2.60", null));
        assertThat(limit.remembered()).isEqualTo(2);
        clock.moveTo(clock.instant().plus(Duration.ofMinutes(61)));
        limit.forgetOld();
        assertThat(limit.remembered()).isZero();
        limit.check(fromProxy("203.0.113.77"));
        limit.check(fromProxy("203.0.113.77"));
    }

    private static MockHttpServletRequest fromProxy(String client) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("X-Forwarded-For", client);
        return request;
    }

    private static MockHttpServletRequest direct(String address, String forwarded) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        if (forwarded != null) {
            request.addHeader("X-Forwarded-For", forwarded);
        }
        return request;
    }
}
