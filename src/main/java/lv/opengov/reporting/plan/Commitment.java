package lv.opengov.reporting.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Objects;

/** One of the plan's commitments; measures belong to it. */
@Entity
@Table(name = "commitment")
public class Commitment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
    @SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private int number;

    @Column(name = "ogp_id", length = 32)
    private String ogpId;

    @Column(name = "title_lv", nullable = false, length = 1000)
    private String titleLv;

    @Column(name = "title_en", nullable = false, length = 1000)
    private String titleEn;

    protected Commitment() {
    }

    public Commitment(int number) {
        this.number = number;
    }

    boolean update(String ogpId, String titleLv, String titleEn) {
        boolean changed = !Objects.equals(ogpId, this.ogpId) || !titleLv.equals(this.titleLv)
                || !titleEn.equals(this.titleEn);
        this.ogpId = ogpId;
        this.titleLv = titleLv;
        this.titleEn = titleEn;
        return changed;
    }

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }

    public Long getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public String getOgpId() {
        return ogpId;
    }

    public String getTitleLv() {
        return titleLv;
    }

    public String getTitleEn() {
        return titleEn;
    }
}
