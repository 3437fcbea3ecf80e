package lv.opengov.reporting.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A measure's result indicator n of the plan's table: what is counted, in which unit, from which
 * baseline to which target by when (each of the last three when the plan gives it). Keyed by measure
 * and number.
 */
@Entity
@Table(name = "indicator")
public class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_seq")
    @SequenceGenerator(name = "indicator_seq", sequenceName = "indicator_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "measure_id")
    private Measure measure;

    @Column(nullable = false)
    private int number;

    @Column(name = "title_lv", length = 2000)
    private String titleLv;

    @Column(name = "title_en", length = 2000)
    private String titleEn;

    @Column(nullable = false, length = 100)
    private String unit;

    @Column(precision = 18, scale = 4)
    private BigDecimal baseline;

    @Column(precision = 18, scale = 4)
    private BigDecimal target;

    @Column(name = "target_date")
    private LocalDate targetDate;

    protected Indicator() {
    }

    Indicator(Measure measure, int number) {
        this.measure = measure;
        this.number = number;
    }

    /** Sets what the import read; whether anything changed. */
    boolean update(String titleLv, String titleEn, String unit, BigDecimal baseline, BigDecimal target,
            LocalDate targetDate) {
        boolean changed = !Objects.equals(this.titleLv, titleLv) || !Objects.equals(this.titleEn, titleEn)
                || !Objects.equals(this.unit, unit) || !same(this.baseline, baseline) || !same(this.target, target)
                || !Objects.equals(this.targetDate, targetDate);
        this.titleLv = titleLv;
        this.titleEn = titleEn;
        this.unit = unit;
        this.baseline = baseline;
        this.target = target;
        this.targetDate = targetDate;
        return changed;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public Long getId() {
        return id;
    }

    public Measure getMeasure() {
        return measure;
    }

    public int getNumber() {
        return number;
    }

    public String getTitleLv() {
        return titleLv;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getBaseline() {
        return baseline;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public LocalDate getTargetDate() {
        return targetDate;
    }

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }
}
