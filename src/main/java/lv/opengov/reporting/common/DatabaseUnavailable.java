package lv.opengov.reporting.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that the database cannot be reached: it is down or restarting, refuses
 * connections, or a connection broke while in use. Such a failure is no fault of the request and no
 * bug of the service, so it is answered 503 with a message to try again, not 500, and a login that
 * meets it is no wrong password. This is the one place that decides it, for the project's API and
 * pages, the login, the engine's REST API and the mail dispatcher.
 *
 * <p>The whole chain of causes is read, since the engine, MyBatis, Hibernate and Spring each wrap what
 * the driver or the connection pool threw: Spring's {@link DataAccessResourceFailureException} (with
 * {@code CannotGetJdbcConnectionException}), {@link CannotCreateTransactionException} and
 * {@link TransientDataAccessResourceException}, JDBC's {@link SQLTransientConnectionException} (the
 * pool's timeout) and {@link SQLNonTransientConnectionException}, and any {@link SQLException} whose
 * SQLState says so: class {@code 08} (connection exception) or PostgreSQL's {@code 57P01} to
 * {@code 57P03} (the server shutting down or not yet accepting connections).
 *
 * <p>One more, without an SQLState: the connection pool (HikariCP) answers every call on a connection
 * it has thrown away as broken with "Connection is closed". That is what the rollback after a
 * connection broke in use meets, and Spring then throws the rollback's failure in place of the one
 * that broke the connection (logging that one as "Application exception overridden by rollback
 * exception"): without it, a connection cut in the middle of a request would be answered 500.
 */
public final class DatabaseUnavailable {

    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final Set<String> SERVER_NOT_SERVING = Set.of("57P01", "57P02", "57P03");
    private static final String POOLED_CONNECTION_CLOSED = "Connection is closed";

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or anything in its chain of causes, says that the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (saysSo(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysSo(Throwable cause) {
        if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state == null ? POOLED_CONNECTION_CLOSED.equals(sql.getMessage())
                    : state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_NOT_SERVING.contains(state);
        }
        return false;
    }
}
