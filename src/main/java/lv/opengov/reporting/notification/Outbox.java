package lv.opengov.reporting.notification;

import lv.opengov.reporting.notification.internal.MailMessageRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail outbox. A feature queues a message in the same transaction as the change that causes it:
 * if that transaction rolls back, the message was never queued; if it commits, the dispatcher will
 * deliver it. The Message-ID is derived from the idempotency key, so a message delivered twice after a
 * crash is recognisable as the same message.
 */
@Service
public class Outbox {

    private final MailMessageRepository repository;
    private final MailTemplates templates;
    private final MailProperties properties;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mailSender;

    Outbox(MailMessageRepository repository, MailTemplates templates, MailProperties properties, Clock clock,
            ObjectProvider<JavaMailSender> mailSender) {
        this.repository = repository;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
        this.mailSender = mailSender;
    }

    /**
     * Queues the message unless one with the same idempotency key is already queued or sent.
     * Joins the caller's transaction, which it requires.
     *
     * @return the message of that key
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MailMessage queue(OutgoingMail mail) {
        Optional<MailMessage> existing = repository.findByIdempotencyKey(mail.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        RenderedMail rendered = templates.render(mail.template(), mail.language(), mail.model(),
                mail.subjectArgs().toArray());
        return repository.save(new MailMessage(mail.idempotencyKey(), messageIdFor(mail.idempotencyKey()),
                mail.template(), mail.to(), mail.cc(), rendered, mail.language().getLanguage(), mail.cycleId(),
                clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<MailMessage> list(MailStatus status, int limit) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 1000)));
        return status == null ? repository.findAllByOrderByCreatedAtDesc(page)
                : repository.findByStatusOrderByCreatedAtDesc(status, page);
    }

    /** The messages of one cycle, oldest first. */
    @Transactional(readOnly = true)
    public List<MailMessage> listForCycle(Long cycleId) {
        return repository.findByCycleIdOrderByCreatedAtAscIdAsc(cycleId);
    }

    /** How late the cycle's messages of {@link #listForCycle} are, or null when none is: no further query. */
    public MailDelay delayOf(Collection<MailMessage> cycleMessages) {
        MailDelay.Tally tally = new MailDelay.Tally(clock.instant(), properties.delayNoticeAfter());
        cycleMessages.forEach(m -> tally.add(m.getStatus(), m.getCreatedAt()));
        return tally.result(mailSender.getIfAvailable() != null);
    }

    /** How late the cycle's messages are, or null when none is, from the states of those not sent yet. */
    @Transactional(readOnly = true)
    public MailDelay delayForCycle(Long cycleId) {
        MailDelay.Tally tally = new MailDelay.Tally(clock.instant(), properties.delayNoticeAfter());
        repository.findByCycleIdAndStatusNot(cycleId, MailStatus.SENT)
                .forEach(m -> tally.add(m.getStatus(), m.getCreatedAt()));
        return tally.result(mailSender.getIfAvailable() != null);
    }

    @Transactional(readOnly = true)
    public Optional<MailMessage> find(String idempotencyKey) {
        return repository.findByIdempotencyKey(idempotencyKey);
    }

    /** Sends a message that was given up once more, from its first attempt's schedule. */
    @Transactional
    public Optional<MailMessage> retry(long id) {
        return repository.findById(id).filter(m -> m.getStatus() == MailStatus.FAILED).map(m -> {
            m.requeue(clock.instant());
            return m;
        });
    }

    /** {@code <hash of the key>@<domain>}: the same key always gives the same Message-ID. */
    String messageIdFor(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@" + properties.messageIdDomain() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
