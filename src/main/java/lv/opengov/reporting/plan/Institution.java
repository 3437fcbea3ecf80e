package lv.opengov.reporting.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Locale;

/** A responsible or co-responsible institution of the action plan. */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "institution_seq")
    @SequenceGenerator(name = "institution_seq", sequenceName = "institution_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String code;

    @Column(name = "name_lv", nullable = false, length = 500)
    private String nameLv;

    @Column(name = "name_en", nullable = false, length = 500)
    private String nameEn;

    @Column(name = "contact_email", nullable = false, length = 320)
    private String contactEmail;

    @Column(name = "head_email", length = 320)
    private String headEmail;

    @Column(nullable = false, length = 2)
    private String language;

    protected Institution() {
    }

    public Institution(String code) {
        this.code = code;
    }

    /** Applies the values of an imported row; answers whether anything changed. */
    boolean update(String nameLv, String nameEn, String contactEmail, String headEmail, String language) {
        boolean changed = !nameLv.equals(this.nameLv) || !nameEn.equals(this.nameEn)
                || !contactEmail.equals(this.contactEmail) || !java.util.Objects.equals(headEmail, this.headEmail)
                || !language.equals(this.language);
        this.nameLv = nameLv;
        this.nameEn = nameEn;
        this.contactEmail = contactEmail;
        this.headEmail = headEmail;
        this.language = language;
        return changed;
    }

    /** The Camunda group whose members act for this institution, e.g. {@code inst-vk}. */
    public String groupId() {
        return groupIdFor(code);
    }

    public static String groupIdFor(String institutionCode) {
        return "inst-" + institutionCode.toLowerCase(Locale.ROOT);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameLv;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameLv() {
        return nameLv;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getHeadEmail() {
        return headEmail;
    }

    public String getLanguage() {
        return language;
    }
}
