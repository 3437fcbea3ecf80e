package lv.opengov.reporting.refresh;

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
import java.util.Locale;
import lv.opengov.reporting.plan.PlanEdit;
import lv.opengov.reporting.plan.Titles;

/** One change or addition to the plan, recorded during a refresh, with its reason. */
@Entity
@Table(name = "plan_change")
public class PlanChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_change_seq")
    @SequenceGenerator(name = "plan_change_seq", sequenceName = "plan_change_seq", allocationSize = 50)
    private Long id;

    @Column(name = "refresh_id", nullable = false)
    private Long refreshId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private PlanEdit.Kind kind;

    @Column(name = "measure_code", nullable = false, length = 32)
    private String measureCode;

    private Integer commitment;

    @Column(name = "title_lv", length = 2000)
    private String titleLv;

    @Column(name = "title_en", length = 2000)
    private String titleEn;

    @Column(length = 32)
    private String responsible;

    @Column(length = 100)
    private String deadline;

    @Column(name = "reason_lv", length = 5000)
    private String reasonLv;

    @Column(name = "reason_en", length = 5000)
    private String reasonEn;

    @Column(name = "recorded_by", nullable = false, length = 128)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected PlanChange() {
    }

    PlanChange(Long refreshId, PlanEdit edit, String reasonLv, String reasonEn, String recordedBy, Instant at) {
        this.refreshId = refreshId;
        this.kind = edit.kind();
        this.measureCode = edit.measureCode();
        this.commitment = edit.commitment();
        this.titleLv = edit.titleLv();
        this.titleEn = edit.titleEn();
        this.responsible = edit.responsible();
        this.deadline = edit.deadline();
        this.reasonLv = reasonLv;
        this.reasonEn = reasonEn;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    public PlanEdit edit() {
        return new PlanEdit(kind, measureCode, commitment, titleLv, titleEn, responsible, deadline);
    }

    public Long getId() {
        return id;
    }

    public PlanEdit.Kind getKind() {
        return kind;
    }

    public String getMeasureCode() {
        return measureCode;
    }

    public String getTitleLv() {
        return titleLv;
    }

    public String getTitleEn() {
        return titleEn;
    }

    /** The new title in the reader's language ({@link Titles}), or null when the change gives none. */
    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }

    public String getResponsible() {
        return responsible;
    }

    public String getDeadline() {
        return deadline;
    }

    public String getReasonLv() {
        return reasonLv;
    }

    public String getReasonEn() {
        return reasonEn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
