package lv.opengov.reporting.notification;

import lv.opengov.reporting.notification.internal.MailMessageRepository;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lv.opengov.reporting.common.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the outbox holds. Each message is first claimed (a versioned update, so that two
 * dispatchers, even in two processes, never send the same message at once), then sent outside any
 * transaction, then marked sent or scheduled for another attempt with exponential backoff. Without an
 * SMTP host ({@code spring.mail.host}) nothing is sent and the messages wait in the outbox.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Set<MailStatus> DUE = EnumSet.of(MailStatus.QUEUED, MailStatus.RETRYING, MailStatus.SENDING);

    private final MailMessageRepository repository;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailDispatcher(MailMessageRepository repository, ObjectProvider<JavaMailSender> mailSender,
            MailProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reporting.mail.dispatch-interval}", initialDelayString = "${reporting.mail.dispatch-initial-delay:PT5S}")
    public void dispatchScheduled() {
        try {
            dispatchDue(clock.instant());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            // the next run tries again; nothing was claimed, or a claim runs out with its lease. A stack
            // trace every dispatch interval would say nothing the one line does not
            log.warn("Mail dispatch skipped, the database is unavailable: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
    }

    /**
     * Attempts every message due at {@code now}, up to the batch size.
     *
     * @return how many were accepted by the SMTP server
     */
    public int dispatchDue(Instant now) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        List<Long> due = repository.findDueIds(DUE, now, PageRequest.of(0, properties.batchSize()));
        int sent = 0;
        for (Long id : due) {
            MailMessage message = claim(id, now);
            if (message != null && send(sender, message, now)) {
                sent++;
            }
        }
        return sent;
    }

    private MailMessage claim(Long id, Instant now) {
        try {
            return transaction.execute(status -> {
                MailMessage message = repository.findById(id).orElse(null);
                if (message == null || !DUE.contains(message.getStatus()) || message.getNextAttemptAt().isAfter(now)) {
                    return null;
                }
                // the lease runs from the claim, not from the start of the batch
                message.claim(clock.instant().plus(properties.sendingLease()));
                return repository.saveAndFlush(message);
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            return null; // another dispatcher claimed it first
        }
    }

    private boolean send(JavaMailSender sender, MailMessage message, Instant now) {
        try {
            sender.send(toMime(sender, message));
        } catch (MailException | MessagingException e) {
            int failedAttempts = message.getAttempts() + 1;
            boolean giveUp = failedAttempts >= properties.maxAttempts();
            Instant next = now.plus(properties.backoffAfter(failedAttempts));
            log.warn("Mail {} ({}) failed, attempt {}{}: {}", message.getId(), message.getTemplate(), failedAttempts,
                    giveUp ? ", given up" : "", e.getMessage());
            record(message.getId(), m -> m.markFailed(e.getMessage(), next, giveUp));
            return false;
        }
        record(message.getId(), m -> m.markSent(clock.instant()));
        return true;
    }

    private void record(Long id, java.util.function.Consumer<MailMessage> change) {
        transaction.executeWithoutResult(status -> repository.findById(id).ifPresent(change));
    }

    private MimeMessage toMime(JavaMailSender sender, MailMessage message) throws MessagingException {
        Session session = sender.createMimeMessage().getSession();
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", message.getMessageId());
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.recipientList().toArray(String[]::new));
        if (!message.ccList().isEmpty()) {
            helper.setCc(message.ccList().toArray(String[]::new));
        }
        helper.setSubject(message.getSubject());
        helper.setText(message.getBodyText(), message.getBodyHtml());
        mime.setHeader("Content-Language", message.getLanguage());
        mime.setHeader("X-Reporting-Key", message.getIdempotencyKey());
        return mime;
    }
}
