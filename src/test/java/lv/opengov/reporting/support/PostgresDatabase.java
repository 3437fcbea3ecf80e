package lv.opengov.reporting.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The PostgreSQL database of the test run: {@code POSTGRES_URL}, {@code POSTGRES_USER} and
 * {@code POSTGRES_PASSWORD} as for the application's postgres profile (CI creates a fresh database and
 * passes it so). Without {@code POSTGRES_URL} the tests make a fresh database of their own on the
 * local server (127.0.0.1:5432, user postgres) and drop it when the test run ends.
 */
public final class PostgresDatabase implements ExecutionCondition {

    public static final String REQUIRED_PROPERTY = "reporting.test.postgres.required";
    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);
    private static final Deque<Runnable> DROPS = new ArrayDeque<>();
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
            dropWhenTheRunEnds(LOCAL_SERVER + "postgres", name);
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
        dropWhenTheRunEnds(base, name);
        return base.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
    }

    /**
     * Drops the database when the JVM ends, after Spring Boot's shutdown hook has closed every
     * application context: dropped while a context still runs, its engine would wait on its
     * connection pool when it closes, and keep the JVM from ending. The newest database goes first,
     * since it may be reached through an older one.
     */
    private static void dropWhenTheRunEnds(String connectTo, String name) {
        if (DROPS.isEmpty()) {
            SpringApplication.getShutdownHandlers().add(PostgresDatabase::dropAll);
        }
        DROPS.push(() -> execute(connectTo, "drop database if exists " + name + " with (force)"));
    }

    private static synchronized void dropAll() {
        while (!DROPS.isEmpty()) {
            try {
                DROPS.pop().run();
            } catch (IllegalStateException e) {
                log.warn("A test database is left behind: {}", e.getMessage());
            }
        }
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

    /** Points a Spring test context at this database; the postgres profile does the rest. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-postgres", Map.of(
                    "spring.datasource.url", url(), "spring.datasource.username", user(),
                    "spring.datasource.password", password())));
        }
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
