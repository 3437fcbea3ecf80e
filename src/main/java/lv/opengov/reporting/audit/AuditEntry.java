package lv.opengov.reporting.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the audit log; written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final int ACTOR_LENGTH = 128;
    static final int CODE_LENGTH = 32;
    static final int SUBJECT_LENGTH = 200;
    static final int DETAILS_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = ACTOR_LENGTH)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AuditAction action;

    @Column(name = "cycle_id")
    private Long cycleId;

    @Column(name = "measure_code", length = CODE_LENGTH)
    private String measureCode;

    @Column(name = "institution_code", length = CODE_LENGTH)
    private String institutionCode;

    @Column(length = SUBJECT_LENGTH)
    private String subject;

    @Column(length = DETAILS_LENGTH)
    private String details;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, AuditAction action, Long cycleId, String measureCode,
            String institutionCode, String subject, String details) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.cycleId = cycleId;
        this.measureCode = measureCode;
        this.institutionCode = institutionCode;
        this.subject = subject;
        this.details = details;
    }

    Long getId() {
        return id;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }

    String getActor() {
        return actor;
    }

    AuditAction getAction() {
        return action;
    }

    Long getCycleId() {
        return cycleId;
    }

    String getMeasureCode() {
        return measureCode;
    }

    String getInstitutionCode() {
        return institutionCode;
    }

    String getSubject() {
        return subject;
    }

    String getDetails() {
        return details;
    }
}
