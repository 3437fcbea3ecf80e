package lv.opengov.reporting.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link ReportingTest} on PostgreSQL with the application's postgres profile, in the test run's
 * database ({@link PostgresDatabase}); every test class so annotated shares one application context.
 * A subclass of a {@code @ReportingTest} class runs that class's tests on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({CycleFixture.class, RefreshFixture.class, TestClockConfig.class})
@ActiveProfiles({"demo", "test", "postgres"})
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
public @interface ReportingPostgresTest {
}
