package lv.opengov.reporting.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * One clock for the whole application, so that time can be set in tests. In the demo profile it is a
 * clock a coordinator may move forward to rehearse a cycle (the cycle module's {@code Rehearsal});
 * in every other profile it is the system's, and nothing can move it.
 */
@Configuration
class ClockConfig {

    @Bean
    @Profile("!demo")
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Profile("demo")
    MovableClock rehearsalClock() {
        return new MovableClock();
    }
}
