package lv.opengov.reporting.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an in-memory H2 database, with the demo users: on a real port (for
 * Camunda's REST API and web apps, and browsers), with MockMvc (for the project's own routes), the
 * cycle and refresh fixtures and a clock the tests move forward. Every test class so annotated shares one
 * application context, so they must leave the plan, the users and the calendar as they found them
 * and never move the clock back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({CycleFixture.class, RefreshFixture.class, TestClockConfig.class})
@ActiveProfiles({"demo", "test"})
public @interface ReportingTest {
}
