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
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/** A measure's milestone n of the plan's table, with the date it is due. Keyed by measure and number. */
@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "milestone_seq")
    @SequenceGenerator(name = "milestone_seq", sequenceName = "milestone_seq", allocationSize = 50)
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

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    protected Milestone() {
    }

    Milestone(Measure measure, int number) {
        this.measure = measure;
        this.number = number;
    }

    /** Sets what the import read; whether anything changed. */
    boolean update(String titleLv, String titleEn, LocalDate dueDate) {
        boolean changed = !Objects.equals(this.titleLv, titleLv) || !Objects.equals(this.titleEn, titleEn)
                || !Objects.equals(this.dueDate, dueDate);
        this.titleLv = titleLv;
        this.titleEn = titleEn;
        this.dueDate = dueDate;
        return changed;
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

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }
}
