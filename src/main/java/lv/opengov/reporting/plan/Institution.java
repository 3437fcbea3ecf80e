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

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InstitutionKind kind = InstitutionKind.INSTITUTION;

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

    /** Sets what the import's {@code kind} column says; answers whether it changed. */
    boolean changeKind(InstitutionKind kind) {
        boolean changed = this.kind != kind;
        this.kind = kind;
        return changed;
    }

    public InstitutionKind getKind() {
        return kind;
    }

    public boolean isImplementer() {
        return kind == InstitutionKind.IMPLEMENTER;
    }

    /**
     * The Camunda group whose members act for this institution, e.g. {@code inst-vk}, or for an
     * other implementer, e.g. {@code impl-lpa}.
     */
    public String groupId() {
        return kind.groupIdFor(code);
    }

    /** The group of an institution (not an other implementer), by its code. */
    public static String groupIdFor(String institutionCode) {
        return InstitutionKind.INSTITUTION.groupIdFor(institutionCode);
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
