package lv.opengov.reporting.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox's settings ({@code reporting.mail.*}).
 *
 * @param from            the sender of every message
 * @param messageIdDomain the right-hand side of the Message-ID header
 * @param batchSize       messages a dispatch run takes at most
 * @param maxAttempts     attempts before a message is given up as FAILED
 * @param initialBackoff  the wait after the first failure; it doubles after each further one
 * @param maxBackoff      the longest wait between attempts
 * @param sendingLease    how long a claimed message may stay unconfirmed before it is attempted again;
 *                        a process killed between the server's acceptance and the confirmation sends
 *                        that message a second time after this lease, with the same Message-ID
 * @param delayNoticeAfter how long a message may wait for its first attempt before its cycle's page
 *                        says it is late ({@link MailDelay}); one that failed an attempt is late at once
 */
@ConfigurationProperties("reporting.mail")
public record MailProperties(String from, String messageIdDomain, int batchSize, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, Duration sendingLease, Duration delayNoticeAfter) {

    Duration backoffAfter(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
