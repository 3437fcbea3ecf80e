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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** One refresh of the four-year plan at mid-term, with the evidence OGP asks for. */
@Entity
@Table(name = "plan_refresh")
public class PlanRefresh {

    /** The schedule is published at least this many days before co-creation starts. */
    public static final int SCHEDULE_LEAD_DAYS = 14;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_refresh_seq")
    @SequenceGenerator(name = "plan_refresh_seq", sequenceName = "plan_refresh_seq", allocationSize = 50)
    private Long id;

    @Column(name = "co_creation_start", nullable = false)
    private LocalDate coCreationStart;

    @Column(name = "co_creation_end", nullable = false)
    private LocalDate coCreationEnd;

    @Column(name = "ogp_deadline", nullable = false)
    private LocalDate ogpDeadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RefreshStatus status;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "schedule_text", length = 20000)
    private String scheduleText;

    @Column(name = "schedule_published_at")
    private Instant schedulePublishedAt;

    @Column(name = "opinions_published_at")
    private Instant opinionsPublishedAt;

    @Column(name = "document_generated_at")
    private Instant documentGeneratedAt;

    @Column(name = "document_lv", length = 200000)
    private String documentLv;

    @Column(name = "document_en", length = 200000)
    private String documentEn;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by", length = 128)
    private String submittedBy;

    @Column(name = "version_id")
    private Long versionId;

    @Column(name = "created_by", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected PlanRefresh() {
    }

    PlanRefresh(LocalDate coCreationStart, LocalDate coCreationEnd, LocalDate ogpDeadline, String createdBy,
            Instant now) {
        this.coCreationStart = coCreationStart;
        this.coCreationEnd = coCreationEnd;
        this.ogpDeadline = ogpDeadline;
        this.status = RefreshStatus.PREPARING_SCHEDULE;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void scheduleWritten(String text) {
        this.scheduleText = text;
    }

    void schedulePublished(Instant at) {
        this.schedulePublishedAt = at;
        this.status = RefreshStatus.COLLECTING_OPINIONS;
    }

    void moveTo(RefreshStatus status) {
        this.status = status;
    }

    void opinionsPublished(Instant at, String documentLv, String documentEn, Long versionId) {
        this.opinionsPublishedAt = at;
        this.documentGeneratedAt = at;
        this.documentLv = documentLv;
        this.documentEn = documentEn;
        this.versionId = versionId;
        this.status = RefreshStatus.SUBMITTING;
    }

    void versioned(Long versionId) {
        this.versionId = versionId;
    }

    void submitted(String userId, Instant at) {
        this.submittedBy = userId;
        this.submittedAt = at;
        this.status = RefreshStatus.SUBMITTED;
    }

    /** The day the schedule is due: two weeks before co-creation starts. */
    /** OGP's deadline for a refreshed plan when none is given: the first 28 June after co-creation ends. */
    public static LocalDate defaultOgpDeadline(LocalDate coCreationEnd) {
        LocalDate june28 = LocalDate.of(coCreationEnd.getYear(), java.time.Month.JUNE, 28);
        return june28.isAfter(coCreationEnd) ? june28 : june28.plusYears(1);
    }

    public LocalDate scheduleDue() {
        return coCreationStart.minusDays(SCHEDULE_LEAD_DAYS);
    }

    /** The changes document in the reader's language, Latvian unless English is asked for; null until published. */
    public String document(Locale locale) {
        return "en".equals(locale.getLanguage()) ? documentEn : documentLv;
    }

    /** How the audit log names a refresh. */
    static String subject(Long refreshId) {
        return "refresh " + refreshId;
    }

    public boolean isOpenForOpinions(LocalDate today) {
        return schedulePublishedAt != null && !today.isBefore(coCreationStart) && !today.isAfter(coCreationEnd);
    }

    public Long getId() {
        return id;
    }

    public LocalDate getCoCreationStart() {
        return coCreationStart;
    }

    public LocalDate getCoCreationEnd() {
        return coCreationEnd;
    }

    public LocalDate getOgpDeadline() {
        return ogpDeadline;
    }

    public RefreshStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getScheduleText() {
        return scheduleText;
    }

    public Instant getSchedulePublishedAt() {
        return schedulePublishedAt;
    }

    public Instant getOpinionsPublishedAt() {
        return opinionsPublishedAt;
    }

    public Instant getDocumentGeneratedAt() {
        return documentGeneratedAt;
    }

    public String getDocumentLv() {
        return documentLv;
    }

    public String getDocumentEn() {
        return documentEn;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Long getVersionId() {
        return versionId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
