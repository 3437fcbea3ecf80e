package lv.opengov.reporting.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server of the test run: {@code POSTGRES_URL}, {@code POSTGRES_USER} and
 * {@code POSTGRES_PASSWORD} as for the application's postgres profile, by default the local server's
 * {@code test} database with trust authentication.
 */
public final class PostgresDatabase implements ExecutionCondition {

    public static final String REQUIRED_PROPERTY = "reporting.test.postgres.required";

    public static String url() {
        return env("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return env("POSTGRES_USER", "postgres");
    }

    public static String password() {
        return env("POSTGRES_PASSWORD", "");
    }

    /** Points a Spring test context at this database with the application's postgres profile. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::url);
        registry.add("spring.datasource.username", PostgresDatabase::user);
        registry.add("spring.datasource.password", PostgresDatabase::password);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = reachability();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + url());
        }
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            throw new IllegalStateException("The PostgreSQL suite is required (" + REQUIRED_PROPERTY
                    + "=true) but PostgreSQL does not answer at " + url() + ": " + problem);
        }
        return ConditionEvaluationResult.disabled("PostgreSQL does not answer at " + url() + " (" + problem
                + "); run with -D" + REQUIRED_PROPERTY + "=true to make this a failure");
    }

    private static String reachability() {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        properties.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(url(), properties)) {
            return connection.isValid(5) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
