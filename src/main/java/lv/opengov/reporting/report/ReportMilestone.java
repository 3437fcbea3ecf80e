package lv.opengov.reporting.report;

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
import java.time.LocalDate;

/** A milestone's state as one report gives it: the latest the institution saved. */
@Entity
@Table(name = "report_milestone")
public class ReportMilestone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_milestone_seq")
    @SequenceGenerator(name = "report_milestone_seq", sequenceName = "report_milestone_seq", allocationSize = 50)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "milestone_id", nullable = false)
    private Long milestoneId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MilestoneState state;

    @Column(name = "state_date")
    private LocalDate stateDate;

    @Column(name = "updated_by", nullable = false, length = 128)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReportMilestone() {
    }

    ReportMilestone(Long reportId, Long milestoneId) {
        this.reportId = reportId;
        this.milestoneId = milestoneId;
    }

    /** Sets the state; whether it changed. */
    boolean update(MilestoneState state, LocalDate stateDate, String by, Instant at) {
        boolean changed = this.state != state || !java.util.Objects.equals(this.stateDate, stateDate);
        if (changed) {
            this.state = state;
            this.stateDate = stateDate;
            this.updatedBy = by;
            this.updatedAt = at;
        }
        return changed;
    }

    public Long getReportId() {
        return reportId;
    }

    public Long getMilestoneId() {
        return milestoneId;
    }

    public MilestoneState getState() {
        return state;
    }

    public LocalDate getStateDate() {
        return stateDate;
    }
}
