package lv.opengov.reporting.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** An indicator's current value as one report gives it, with the institution's note. */
@Entity
@Table(name = "report_indicator")
public class ReportIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_indicator_seq")
    @SequenceGenerator(name = "report_indicator_seq", sequenceName = "report_indicator_seq", allocationSize = 50)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "indicator_id", nullable = false)
    private Long indicatorId;

    @Column(name = "indicator_value", nullable = false, precision = 18, scale = 4)
    private BigDecimal value;

    @Column(length = 2000)
    private String note;

    @Column(name = "updated_by", nullable = false, length = 128)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReportIndicator() {
    }

    ReportIndicator(Long reportId, Long indicatorId) {
        this.reportId = reportId;
        this.indicatorId = indicatorId;
    }

    /** Sets the value and note; whether either changed. */
    boolean update(BigDecimal value, String note, String by, Instant at) {
        boolean changed = this.value == null || this.value.compareTo(value) != 0 || !Objects.equals(this.note, note);
        if (changed) {
            this.value = value;
            this.note = note;
            this.updatedBy = by;
            this.updatedAt = at;
        }
        return changed;
    }

    public Long getReportId() {
        return reportId;
    }

    public Long getIndicatorId() {
        return indicatorId;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getNote() {
        return note;
    }
}
