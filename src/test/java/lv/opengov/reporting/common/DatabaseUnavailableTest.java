package lv.opengov.reporting.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean that the database cannot be reached, however deep the layers wrap them. */
class DatabaseUnavailableTest {

    private static final String PERSISTENCE_LAYER = "An exception occurred in the persistence layer.";

    /** What the pool throws when no connection comes within its timeout, the driver's refusal inside. */
    private static SQLTransientConnectionException poolTimeout() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out",
                "08001", new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
    }

    @Test
    void springsConnectionAndTransactionFailuresSaySo() {
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                poolTimeout()))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new DataAccessResourceFailureException("I/O error"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new TransientDataAccessResourceException("connection reset"))).isTrue();
    }

    @Test
    void jdbcConnectionFailuresSaySoWithoutAState() {
        assertThat(DatabaseUnavailable.isCause(new SQLTransientConnectionException("timed out"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLNonTransientConnectionException("closed"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P02", "57P03"})
    void anSqlStateOfALostOrRefusedConnectionSaysSo(String state) {
        assertThat(DatabaseUnavailable.isCause(new SQLException("the server went away", state))).isTrue();
    }

    @Test
    void theEnginesAndMyBatisWrappingsAreSeenThrough() {
        SQLException brokenInUse = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailable.isCause(new ProcessEnginePersistenceException(PERSISTENCE_LAYER,
                new PersistenceException("### Error querying database", brokenInUse)))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("ENGINE-03004", new ServletException(
                "wrapped", new CannotCreateTransactionException("no transaction", poolTimeout()))))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new JDBCConnectionException("Unable to acquire JDBC Connection",
                poolTimeout()))).isTrue();
    }

    @Test
    void theRollbackOnAConnectionThePoolThrewAwaySaysSo() {
        // what Spring throws in place of the failure that broke the connection
        assertThat(DatabaseUnavailable.isCause(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void otherFailuresDoNot() {
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("syntax error"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("ENGINE-13043 no condition"))).isFalse();
    }

    @Test
    void aChainOfCausesThatLoopsEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        first.initCause(second);
        second.initCause(first);
        assertThat(DatabaseUnavailable.isCause(first)).isFalse();
    }
}
