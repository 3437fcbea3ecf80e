package lv.opengov.reporting.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One reporting cycle: a period reported on, its dates and where it stands. */
@Entity
@Table(name = "reporting_cycle")
public class ReportingCycle {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reporting_cycle_seq")
    @SequenceGenerator(name = "reporting_cycle_seq", sequenceName = "reporting_cycle_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(name = "invitation_date", nullable = false)
    private LocalDate invitationDate;

    @Column(name = "submission_deadline", nullable = false)
    private LocalDate submissionDeadline;

    @Column(name = "legal_deadline", nullable = false)
    private LocalDate legalDeadline;

    /** The deadlines as requested, before a day off moved them to the next working day. */
    @Column(name = "requested_submission_deadline", nullable = false)
    private LocalDate requestedSubmissionDeadline;

    @Column(name = "requested_legal_deadline", nullable = false)
    private LocalDate requestedLegalDeadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CycleStatus status;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_by", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    /** The last notice date whose reminders and overdue notices have been sent. */
    @Column(name = "notices_done_through")
    private LocalDate noticesDoneThrough;

    @Column(name = "consolidated_at")
    private Instant consolidatedAt;

    @Column(name = "closed_early", nullable = false)
    private boolean closedEarly;

    /** The plan's final report, covering the whole plan period: marked as such wherever the cycle shows. */
    @Column(name = "final_report", nullable = false)
    private boolean finalReport;

    @Column(name = "approved_by", length = 128)
    private String approvedBy;

    /** When the current approval of the overview is due; none before it opens, or after a send-back. */
    @Column(name = "approval_due_date")
    private LocalDate approvalDueDate;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected ReportingCycle() {
    }

    ReportingCycle(CycleRequest.Valid request, String createdBy, Instant now) {
        this.name = request.name();
        this.periodFrom = request.periodFrom();
        this.periodTo = request.periodTo();
        this.invitationDate = request.invitationDate();
        this.submissionDeadline = request.submissionDeadline();
        this.legalDeadline = request.legalDeadline();
        this.requestedSubmissionDeadline = request.requestedSubmissionDeadline();
        this.requestedLegalDeadline = request.requestedLegalDeadline();
        this.finalReport = request.finalReport();
        this.status = CycleStatus.SCHEDULED;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void opened(Instant at) {
        this.status = CycleStatus.COLLECTING;
        this.openedAt = at;
    }

    /** Moves to consolidation; answers false when the cycle is no longer collecting. */
    boolean startConsolidation(boolean early) {
        if (status != CycleStatus.COLLECTING) {
            return false;
        }
        this.status = CycleStatus.CONSOLIDATING;
        this.closedEarly = early;
        return true;
    }

    void consolidated(Instant at) {
        this.status = CycleStatus.AWAITING_APPROVAL;
        this.consolidatedAt = at;
    }

    void approved(String approvedBy) {
        this.approvedBy = approvedBy;
    }

    /** The approval's due date, set once per approval round. */
    void approvalDue(LocalDate dueDate) {
        this.approvalDueDate = dueDate;
    }

    /**
     * Reports sent back at approval: the cycle collects their corrections, and the overview comes to
     * approval again once they are accepted.
     */
    void sentBackForCorrection() {
        this.status = CycleStatus.CORRECTING;
        this.approvedBy = null;
        this.approvalDueDate = null;
    }

    /** The corrections accepted: the overview awaits approval again. Answers false when not correcting. */
    boolean corrected() {
        if (status != CycleStatus.CORRECTING) {
            return false;
        }
        this.status = CycleStatus.AWAITING_APPROVAL;
        return true;
    }

    void published(Instant at) {
        this.status = CycleStatus.PUBLISHED;
        this.publishedAt = at;
    }

    void noticesSentFor(LocalDate date) {
        this.noticesDoneThrough = date;
    }

    void extendTo(LocalDate requested, LocalDate deadline) {
        this.requestedSubmissionDeadline = requested;
        this.submissionDeadline = deadline;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public LocalDate getInvitationDate() {
        return invitationDate;
    }

    public LocalDate getSubmissionDeadline() {
        return submissionDeadline;
    }

    public LocalDate getLegalDeadline() {
        return legalDeadline;
    }

    public LocalDate getRequestedSubmissionDeadline() {
        return requestedSubmissionDeadline;
    }

    public LocalDate getRequestedLegalDeadline() {
        return requestedLegalDeadline;
    }

    public CycleStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public LocalDate getNoticesDoneThrough() {
        return noticesDoneThrough;
    }

    public Instant getConsolidatedAt() {
        return consolidatedAt;
    }

    public LocalDate getApprovalDueDate() {
        return approvalDueDate;
    }

    public boolean isFinalReport() {
        return finalReport;
    }

    public boolean isClosedEarly() {
        return closedEarly;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
