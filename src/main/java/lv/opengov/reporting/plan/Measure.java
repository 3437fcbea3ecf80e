package lv.opengov.reporting.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A measure of the plan: the unit institutions report on. */
@Entity
@Table(name = "measure")
public class Measure {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "measure_seq")
    @SequenceGenerator(name = "measure_seq", sequenceName = "measure_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commitment_id")
    private Commitment commitment;

    @Column(name = "title_lv", length = 2000)
    private String titleLv;

    @Column(name = "title_en", length = 2000)
    private String titleEn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "responsible_institution_id")
    private Institution responsible;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "measure_co_responsible",
            joinColumns = @JoinColumn(name = "measure_id"),
            inverseJoinColumns = @JoinColumn(name = "institution_id"))
    private Set<Institution> coResponsible = new LinkedHashSet<>();

    /** Other implementers (order No. 78): they contribute to the measure's report. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "measure_implementer",
            joinColumns = @JoinColumn(name = "measure_id"),
            inverseJoinColumns = @JoinColumn(name = "institution_id"))
    private Set<Institution> implementers = new LinkedHashSet<>();

    /** The deadline as the plan states it; set by a refresh. */
    @Column(length = 100)
    private String deadline;

    /** Removed from the plan by a refresh; kept because reports point at it. */
    @Column(nullable = false)
    private boolean removed;

    protected Measure() {
    }

    public Measure(String code) {
        this.code = code;
    }

    boolean update(Commitment commitment, String titleLv, String titleEn, Institution responsible,
            Set<Institution> coResponsible) {
        boolean changed = this.commitment != commitment || !Objects.equals(titleLv, this.titleLv)
                || !Objects.equals(titleEn, this.titleEn) || this.responsible != responsible
                || !this.coResponsible.equals(coResponsible);
        this.commitment = commitment;
        this.titleLv = titleLv;
        this.titleEn = titleEn;
        this.responsible = responsible;
        this.coResponsible.clear();
        this.coResponsible.addAll(coResponsible);
        return changed;
    }

    /** Sets the other implementers; answers whether they changed. */
    boolean changeImplementers(Set<Institution> implementers) {
        boolean changed = !this.implementers.equals(implementers);
        this.implementers.clear();
        this.implementers.addAll(implementers);
        return changed;
    }

    void changeDeadline(String deadline) {
        this.deadline = deadline;
    }

    void markRemoved() {
        this.removed = true;
    }

    public String getDeadline() {
        return deadline;
    }

    public boolean isRemoved() {
        return removed;
    }

    /** The title in the given language, falling back to the other one where it is missing. */
    public String title(Locale locale) {
        return lv.opengov.reporting.plan.Titles.in(locale, titleLv, titleEn);
    }

    public List<Institution> implementersByCode() {
        return implementers.stream().sorted(Comparator.comparing(Institution::getCode)).toList();
    }

    public List<Institution> coResponsibleByCode() {
        return coResponsible.stream().sorted(Comparator.comparing(Institution::getCode)).toList();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Commitment getCommitment() {
        return commitment;
    }

    public String getTitleLv() {
        return titleLv;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public Institution getResponsible() {
        return responsible;
    }

    public Set<Institution> getCoResponsible() {
        return coResponsible;
    }
}
