package lv.opengov.reporting.audit;

import lv.opengov.reporting.audit.internal.AuditEntryRepository;

import java.time.Clock;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.plan.PlanChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit log. Called by the services that make a change, inside their transaction: an entry
 * exists exactly when its change was committed. Without a transaction the call fails, so that no
 * caller can record a change that might still be lost, or lose an entry of a change that is kept.
 */
@Service
public class AuditLog {

    /** The actor of changes made by the engine on its own (timers, asynchronous steps, the first load). */
    public static final String SYSTEM = CurrentUser.SYSTEM;

    private final AuditEntryRepository entries;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, CurrentUser currentUser, Clock clock) {
        this.entries = entries;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records one change.
     *
     * @param actor who made it; null for the current user (see {@link #currentActor()})
     * @param institutionCode the institution the change concerns, whose users may then see the entry
     * @param subject a short name of what changed (a report id, a file, a date)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String actor, Long cycleId, String measureCode, String institutionCode,
            String subject, String details) {
        String who = actor == null || actor.isBlank() ? currentActor() : actor;
        entries.save(new AuditEntry(clock.instant(), cut(who, AuditEntry.ACTOR_LENGTH), action, cycleId,
                cut(measureCode, AuditEntry.CODE_LENGTH), cut(institutionCode, AuditEntry.CODE_LENGTH),
                cut(subject, AuditEntry.SUBJECT_LENGTH), cut(details, AuditEntry.DETAILS_LENGTH)));
    }

    /** An import of the plan is recorded in the transaction that made it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onPlanChanged(PlanChangedEvent event) {
        var tables = event.result().tables();
        record(AuditAction.PLAN_IMPORTED, null, null, null, null, String.join(", ", tables.keySet()),
                tables.toString());
    }

    /** The user on whose behalf the code runs ({@link CurrentUser}). */
    public String currentActor() {
        return currentUser.id();
    }

    private static String cut(String value, int length) {
        if (value == null) {
            return null;
        }
        return value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }
}
