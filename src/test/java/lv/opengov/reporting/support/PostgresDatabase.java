package lv.opengov.reporting.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL database of the test run: {@code POSTGRES_URL}, {@code POSTGRES_USER} and
 * {@code POSTGRES_PASSWORD} as for the application's postgres profile (CI creates a fresh database and
 * passes it so). Without {@code POSTGRES_URL} the tests make a fresh database of their own on the
 * local server (127.0.0.1:5432, user postgres) and drop it when the test run ends.
 */
public final class PostgresDatabase implements ExecutionCondition {

    public static final String REQUIRED_PROPERTY = "reporting.test.postgres.required";
    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static volatile String ownDatabaseUrl;

    public static String url() {
        String given = System.getenv("POSTGRES_URL");
        if (given != null && !given.isBlank()) {
            return given;
        }
        return ownDatabase();
    }

    private static synchronized String ownDatabase() {
        if (ownDatabaseUrl == null) {
            String name = "reporting_test_" + Long.toString(System.nanoTime(), 36);
            execute(LOCAL_SERVER + "postgres", "create database " + name);
            ownDatabaseUrl = LOCAL_SERVER + name;
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> execute(LOCAL_SERVER + "postgres", "drop database if exists " + name + " with (force)")));
        }
        return ownDatabaseUrl;
    }

    /**
     * A further fresh database on the same server, for a test that must not share its data; dropped
     * when the test run ends.
     */
    public static synchronized String createDatabase(String prefix) {
        String name = prefix + "_" + Long.toString(System.nanoTime(), 36);
        String base = url();
        execute(base, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> execute(base, "drop database if exists " + name + " with (force)")));
        return base.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
    }

    private static void execute(String url, String sql) {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        try (Connection connection = DriverManager.getConnection(url, properties);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
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
                    + "=true) but PostgreSQL does not answer at " + target() + ": " + problem);
        }
        return ConditionEvaluationResult.disabled("PostgreSQL does not answer at " + target() + " (" + problem
                + "); run with -D" + REQUIRED_PROPERTY + "=true to make this a failure");
    }

    private static String target() {
        String given = System.getenv("POSTGRES_URL");
        return given != null && !given.isBlank() ? given : LOCAL_SERVER;
    }

    private static String reachability() {
        String url;
        try {
            url = url();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        properties.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
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
