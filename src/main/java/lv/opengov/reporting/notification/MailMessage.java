package lv.opengov.reporting.notification;

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
import java.util.Arrays;
import java.util.List;

/** One message of the outbox, rendered when it was queued so that a retry sends the same text. */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_message_seq")
    @SequenceGenerator(name = "mail_message_seq", sequenceName = "mail_message_seq", allocationSize = 50)
    private Long id;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(name = "message_id", nullable = false, length = 320)
    private String messageId;

    @Column(nullable = false, length = 100)
    private String template;

    @Column(nullable = false, length = 2000)
    private String recipients;

    @Column(length = 2000)
    private String cc;

    @Column(nullable = false, length = 1000)
    private String subject;

    @Column(name = "body_text", nullable = false, length = 200000)
    private String bodyText;

    @Column(name = "body_html", nullable = false, length = 200000)
    private String bodyHtml;

    @Column(nullable = false, length = 2)
    private String language;

    @Column(name = "cycle_id")
    private Long cycleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected MailMessage() {
    }

    MailMessage(String idempotencyKey, String messageId, String template, List<String> recipients, List<String> cc,
            RenderedMail rendered, String language, Long cycleId, Instant now) {
        this.idempotencyKey = idempotencyKey;
        this.messageId = messageId;
        this.template = template;
        this.recipients = String.join(",", recipients);
        this.cc = cc.isEmpty() ? null : String.join(",", cc);
        this.subject = rendered.subject();
        this.bodyText = rendered.text();
        this.bodyHtml = rendered.html();
        this.language = language;
        this.cycleId = cycleId;
        this.status = MailStatus.QUEUED;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void claim(Instant leaseEnd) {
        this.status = MailStatus.SENDING;
        this.nextAttemptAt = leaseEnd;
    }

    void markSent(Instant now) {
        this.status = MailStatus.SENT;
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
    }

    void markFailed(String error, Instant nextAttempt, boolean giveUp) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        this.status = giveUp ? MailStatus.FAILED : MailStatus.RETRYING;
        this.nextAttemptAt = nextAttempt;
    }

    void requeue(Instant now) {
        this.status = MailStatus.QUEUED;
        this.nextAttemptAt = now;
    }

    public List<String> recipientList() {
        return Arrays.asList(recipients.split(","));
    }

    public List<String> ccList() {
        return cc == null ? List.of() : Arrays.asList(cc.split(","));
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getTemplate() {
        return template;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getLanguage() {
        return language;
    }

    public Long getCycleId() {
        return cycleId;
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
