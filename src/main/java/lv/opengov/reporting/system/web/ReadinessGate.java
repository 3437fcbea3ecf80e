package lv.opengov.reporting.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request that comes before the service is ready: the port opens before the plan, the
 * groups and (in the demo profile) the users are created, and a login answered then would fail as if
 * the password were wrong. Spring Boot declares the service ready (readiness {@code ACCEPTING_TRAFFIC})
 * once those start-up steps are done; until then a request waits, at most {@code reporting.startup.wait},
 * and is then answered 503 with a message saying to try again, never a stack trace. The health probes
 * ({@code /actuator/health/**}) answer at once, so that an orchestrator sees the service is not ready.
 */
public class ReadinessGate extends OncePerRequestFilter implements ApplicationListener<AvailabilityChangeEvent<?>> {

    private final CountDownLatch ready = new CountDownLatch(1);
    private final Duration wait;

    public ReadinessGate(Duration wait) {
        this.wait = wait;
    }

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            ready.countDown();
        }
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isReady() || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean nowReady;
        try {
            nowReady = ready.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            nowReady = false;
        }
        if (nowReady) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, "10");
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("Pakalpojums vēl tiek palaists; lūdzu, mēģiniet vēlreiz pēc brīža. / "
                + "The service is still starting; please try again in a moment.\n");
    }
}
