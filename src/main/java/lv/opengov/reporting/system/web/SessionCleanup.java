package lv.opengov.reporting.system.web;

import lv.opengov.reporting.common.DatabaseUnavailable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Removes the expired sessions that the postgres profile keeps in the database (Spring Session JDBC),
 * once a minute on each node, as Spring Session's own clean-up would; but while the database cannot be
 * reached, it writes one warning a minute instead of an error with a stack trace.
 */
@Configuration
class SessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

    private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

    SessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
        this.sessions = sessions;
    }

    /** Spring Session's own schedule off: this one takes its place. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> noBuiltInSessionCleanup() {
        return repository -> repository.setCleanupCron(Scheduled.CRON_DISABLED);
    }

    @Scheduled(cron = "${spring.session.jdbc.cleanup-cron:0 * * * * *}")
    void removeExpiredSessions() {
        sessions.ifAvailable(repository -> {
            try {
                repository.cleanUpExpiredSessions();
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                log.warn("Expired sessions not removed, the database is unavailable: {}", e.getMessage());
            }
        });
    }
}
