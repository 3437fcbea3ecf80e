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
import java.time.Instant;

/** One submission of a report, kept unchanged: who, when, which values. */
@Entity
@Table(name = "report_revision")
public class ReportRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_revision_seq")
    @SequenceGenerator(name = "report_revision_seq", sequenceName = "report_revision_seq", allocationSize = 50)
    private Long id;

    /** What was submitted. */
    @Embedded
    private ReportAnswers answers;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "revision_no", nullable = false)
    private int revisionNo;

    @Column(name = "submitted_by", nullable = false, length = 128)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** The reviewer's decision on this submission: ACCEPT or RETURN; null while it waits. */
    @Column(length = 10)
    private String decision;

    @Column(name = "review_comment", length = 10000)
    private String reviewComment;

    @Column(name = "reviewed_by", length = 128)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    protected ReportRevision() {
    }

    ReportRevision(Long reportId, int revisionNo, ReportValues values, String submittedBy, Instant submittedAt) {
        this.reportId = reportId;
        this.revisionNo = revisionNo;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.answers = ReportAnswers.of(values);
    }

    void reviewed(boolean accepted, String comment, String userId, Instant at) {
        this.decision = accepted ? "ACCEPT" : "RETURN";
        this.reviewComment = comment;
        this.reviewedBy = userId;
        this.reviewedAt = at;
    }

    public String getDecision() {
        return decision;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public int getRevisionNo() {
        return revisionNo;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }


    /** The answers of this submission. */
    public ReportAnswers getAnswers() {
        return answers != null ? answers : ReportAnswers.none();
    }
}
