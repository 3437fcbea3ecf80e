package lv.opengov.reporting.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

/**
 * A test in headless Chromium ({@link Browser}) against the whole application, on a database of the
 * browser tests' own: Tasklist's login and session must not meet what other tests left behind. Every
 * browser test class shares this one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Browser.class)
@ReportingTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1")
public @interface BrowserApplication {
}
