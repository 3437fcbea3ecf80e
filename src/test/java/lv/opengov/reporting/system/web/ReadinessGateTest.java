package lv.opengov.reporting.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request before the service is ready waits for it, and gets a clear 503 when it does not come. */
class ReadinessGateTest {

    private static final Object SOURCE = new Object();

    @Test
    void beforeReadinessARequestIsHeldThenRefusedWithAMessageAndTheProbesAnswer() throws Exception {
        ReadinessGate gate = new ReadinessGate(Duration.ofMillis(50));
        gate.onApplicationEvent(new AvailabilityChangeEvent<>(SOURCE, LivenessState.CORRECT));
        gate.onApplicationEvent(new AvailabilityChangeEvent<>(SOURCE, ReadinessState.REFUSING_TRAFFIC));

        MockHttpServletResponse login = new MockHttpServletResponse();
        MockFilterChain loginChain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("POST", "/login"), login, loginChain);
        assertThat(login.getStatus()).isEqualTo(503);
        assertThat(login.getHeader("Retry-After")).isEqualTo("10");
        assertThat(login.getContentAsString()).contains("The service is still starting; please try again in a moment.")
                .contains("Pakalpojums vēl tiek palaists");
        assertThat(loginChain.getRequest()).as("the request went no further").isNull();

        MockHttpServletResponse probe = new MockHttpServletResponse();
        MockFilterChain probeChain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"), probe, probeChain);
        assertThat(probeChain.getRequest()).as("the probe answers at once").isNotNull();
    }

    @Test
    void aRequestWaitingForReadinessGoesOnOnceTheServiceIsReady() throws Exception {
        ReadinessGate gate = new ReadinessGate(Duration.ofSeconds(30));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        Thread ready = new Thread(() -> gate.onApplicationEvent(
                new AvailabilityChangeEvent<>(SOURCE, ReadinessState.ACCEPTING_TRAFFIC)));
        ready.start();
        gate.doFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/"), response, chain);
        ready.join();
        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(gate.isReady()).isTrue();
    }
}
