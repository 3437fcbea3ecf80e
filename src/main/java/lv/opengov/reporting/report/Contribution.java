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
 * One contributor's part of a measure's report in a cycle: what a co-responsible institution or an
 * other implementer did, its problems, the funds it spent and its evidence. Its contribute-report
 * task is recorded here when created, so that the task's listeners find the contribution by the
 * task's id and never by a variable. The latest submission's answers; each submission is also kept
 * as a {@link ContributionRevision}.
 */
@Entity
@Table(name = "contribution")
public class Contribution {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contribution_seq")
    @SequenceGenerator(name = "contribution_seq", sequenceName = "contribution_seq", allocationSize = 50)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ContributionRole role;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ContributionState state;

    @Column(name = "task_id", length = 64)
    private String taskId;

    @Embedded
    private ReportAnswers answers;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by", length = 128)
    private String submittedBy;

    @Version
    private long version;

    protected Contribution() {
    }

    Contribution(Long reportId, Long institutionId, ContributionRole role, LocalDate dueDate) {
        this.reportId = reportId;
        this.institutionId = institutionId;
        this.role = role;
        this.dueDate = dueDate;
        this.state = ContributionState.AWAITING;
        this.answers = ReportAnswers.none();
    }

    void taskCreated(String taskId) {
        this.taskId = taskId;
    }

    void submit(ReportValues values, String userId, Instant at) {
        this.answers = ReportAnswers.of(values);
        this.state = ContributionState.SUBMITTED;
        this.submittedBy = userId;
        this.submittedAt = at;
    }

    void moveDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public ContributionRole getRole() {
        return role;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public ContributionState getState() {
        return state;
    }

    public String getTaskId() {
        return taskId;
    }

    public ReportAnswers getAnswers() {
        return answers == null ? ReportAnswers.none() : answers;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }
}
