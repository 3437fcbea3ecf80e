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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/** Money the coordinator holds for one or more measures, possibly for one year. */
@Entity
@Table(name = "funding_line")
public class FundingLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "funding_line_seq")
    @SequenceGenerator(name = "funding_line_seq", sequenceName = "funding_line_seq", allocationSize = 50)
    private Long id;

    @Column(name = "funding_year")
    private Integer year;

    @Column(name = "amount_eur", nullable = false, precision = 14, scale = 2)
    private BigDecimal amountEur;

    private Integer projects;

    @Column(nullable = false, length = 2000)
    private String purpose;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "funding_line_measure",
            joinColumns = @JoinColumn(name = "funding_line_id"),
            inverseJoinColumns = @JoinColumn(name = "measure_id"))
    private Set<Measure> measures = new LinkedHashSet<>();

    protected FundingLine() {
    }

    FundingLine(Integer year, BigDecimal amountEur, Integer projects, String purpose, Set<Measure> measures) {
        this.year = year;
        this.amountEur = amountEur;
        this.projects = projects;
        this.purpose = purpose;
        this.measures.addAll(measures);
    }

    public Long getId() {
        return id;
    }

    public Integer getYear() {
        return year;
    }

    public BigDecimal getAmountEur() {
        return amountEur;
    }

    public Integer getProjects() {
        return projects;
    }

    public String getPurpose() {
        return purpose;
    }

    public Set<Measure> getMeasures() {
        return measures;
    }
}
