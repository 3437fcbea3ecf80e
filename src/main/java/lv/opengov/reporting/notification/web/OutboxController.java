package lv.opengov.reporting.notification.web;

import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.MailStatus;
import lv.opengov.reporting.notification.Outbox;

import java.time.Instant;
import java.util.List;
import lv.opengov.reporting.common.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the outbox holds, for coordinators: queued, sent and failed messages, newest first. */
@RestController
@RequestMapping("/api/outbox")
@PreAuthorize("@access.isCoordinator()")
class OutboxController {

    private final Outbox outbox;
    private final MessageSource messages;

    OutboxController(Outbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    record MessageView(long id, String idempotencyKey, String messageId, String template, List<String> to,
            List<String> cc, String subject, String language, Long cycleId, MailStatus status, int attempts,
            String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

        static MessageView of(MailMessage m) {
            return new MessageView(m.getId(), m.getIdempotencyKey(), m.getMessageId(), m.getTemplate(),
                    m.recipientList(), m.ccList(), m.getSubject(), m.getLanguage(), m.getCycleId(), m.getStatus(),
                    m.getAttempts(), m.getLastError(), m.getCreatedAt(),
                    m.getStatus() == MailStatus.SENT || m.getStatus() == MailStatus.FAILED ? null
                            : m.getNextAttemptAt(),
                    m.getSentAt());
        }
    }

    @GetMapping
    List<MessageView> list(@RequestParam(required = false) MailStatus status,
            @RequestParam(defaultValue = "200") int limit) {
        return outbox.list(status, limit).stream().map(MessageView::of).toList();
    }

    @PostMapping("/{id}/retry")
    MessageView retry(@PathVariable long id) {
        return outbox.retry(id).map(MessageView::of)
                .orElseThrow(() -> new NotFoundException(
                        messages.getMessage("outbox.not-failed", new Object[] {id}, LocaleContextHolder.getLocale())));
    }
}
