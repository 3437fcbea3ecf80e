package lv.opengov.reporting.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests move forward, in place of the system clock; imported by every test context, and
 * no configuration class, so that the application started on its own never scans it.
 */
public class TestClockConfig {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
