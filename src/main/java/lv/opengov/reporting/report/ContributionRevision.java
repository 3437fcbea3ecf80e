package lv.opengov.reporting.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One submission of a contribution, kept unchanged: who, when, which values. */
@Entity
@Table(name = "contribution_revision")
public class ContributionRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contribution_revision_seq")
    @SequenceGenerator(name = "contribution_revision_seq", sequenceName = "contribution_revision_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "contribution_id", nullable = false)
    private Long contributionId;

    @Column(name = "revision_no", nullable = false)
    private int revisionNo;

    @Embedded
    private ReportAnswers answers;

    @Column(name = "submitted_by", nullable = false, length = 128)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    protected ContributionRevision() {
    }

    ContributionRevision(Long contributionId, int revisionNo, ReportValues values, String submittedBy,
            Instant submittedAt) {
        this.contributionId = contributionId;
        this.revisionNo = revisionNo;
        this.answers = ReportAnswers.of(values);
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public Long getContributionId() {
        return contributionId;
    }

    public int getRevisionNo() {
        return revisionNo;
    }

    public ReportAnswers getAnswers() {
        return answers;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
