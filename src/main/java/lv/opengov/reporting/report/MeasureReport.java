package lv.opengov.reporting.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/**
 * One measure's report in one cycle. It holds the latest submission; every submission is also kept
 * as a {@link ReportRevision}. The measure and the institution are referenced by id: the institution
 * is the one responsible when the cycle opened the report.
 */
@Entity
@Table(name = "measure_report")
public class MeasureReport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "measure_report_seq")
    @SequenceGenerator(name = "measure_report_seq", sequenceName = "measure_report_seq", allocationSize = 50)
    private Long id;

    /** The latest answers; none before the first submission. */
    @Embedded
    private ReportAnswers answers;

    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;

    @Column(name = "measure_id", nullable = false)
    private Long measureId;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportState state;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by", length = 128)
    private String submittedBy;

    @Column(name = "review_comment", length = 10000)
    private String reviewComment;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by", length = 128)
    private String reviewedBy;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    /** When the report was withdrawn from its institution, its cycle having stopped collecting. */
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /** The version of the plan this report was written against (1: the plan as approved). */
    @Column(name = "plan_version")
    private Integer planVersion;

    @Version
    private long version;

    protected MeasureReport() {
    }

    MeasureReport(Long cycleId, Long measureId, Long institutionId, LocalDate dueDate, int planVersion) {
        this.planVersion = planVersion;
        this.cycleId = cycleId;
        this.measureId = measureId;
        this.institutionId = institutionId;
        this.dueDate = dueDate;
        this.state = ReportState.AWAITING;
    }

    void submit(ReportValues values, String userId, Instant at) {
        this.answers = ReportAnswers.of(values);
        this.submittedBy = userId;
        this.submittedAt = at;
        this.state = ReportState.SUBMITTED;
    }

    void review(boolean accepted, String comment, String userId, Instant at) {
        this.state = accepted ? ReportState.ACCEPTED : ReportState.RETURNED;
        this.reviewComment = comment;
        this.reviewedBy = userId;
        this.reviewedAt = at;
    }

    void extendTo(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    /**
     * Sent back at the approval of the overview: open for its institution again, with the approver's
     * comment and a new due date, and without a process until the cycle starts the correction's.
     */
    void sendBack(String comment, String userId, Instant at, LocalDate dueDate) {
        this.state = ReportState.RETURNED;
        this.reviewComment = comment;
        this.reviewedBy = userId;
        this.reviewedAt = at;
        this.dueDate = dueDate;
        this.processInstanceId = null;
    }

    public Long getId() {
        return id;
    }

    public Long getCycleId() {
        return cycleId;
    }

    public Long getMeasureId() {
        return measureId;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public ReportState getState() {
        return state;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Integer getPlanVersion() {
        return planVersion;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    /** The latest answers, all empty before the first submission. */
    public ReportAnswers getAnswers() {
        return answers != null ? answers : ReportAnswers.none();
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }
}
