package lv.opengov.reporting.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * A cycle's mails that are late, for its coordinators: while the mail server does not answer the
 * outbox keeps them and tries again ({@link MailDispatcher}), and nobody would know. Made by
 * {@link Outbox#delayOf} and {@link Outbox#delayForCycle}, which say null when nothing is late.
 *
 * @param waiting how many are not sent yet though they should have gone: retrying after a failed
 *                attempt, or queued (or being sent) for longer than {@code reporting.mail.delay-notice-after}
 * @param failed  how many were given up after every attempt failed ({@link MailStatus#FAILED}); a
 *                coordinator sends them again ({@code POST /api/outbox/{id}/retry})
 * @param since   when the oldest of them was queued. A message is first attempted within the dispatch
 *                interval of being queued, so while one is retrying this is when the mail server was
 *                first found not answering
 * @param reason  why the waiting ones wait; null when none waits
 */
public record MailDelay(int waiting, int failed, Instant since, Reason reason) {

    public enum Reason {
        /** An attempt failed: the mail server did not answer or refused; the dispatcher tries again. */
        MAIL_SERVER_NOT_ANSWERING,
        /** None attempted yet, though due: the dispatcher is behind, or was stopped while sending. */
        NOT_SENT_YET,
        /** No mail server is set up ({@code spring.mail.host}): the messages stay in the outbox. */
        NO_MAIL_SERVER
    }

    /** Counts a cycle's messages one by one, the same way whether they come as entities or as states. */
    static final class Tally {

        private final Instant lateBefore;
        private int waiting;
        private int failed;
        private boolean retrying;
        private Instant since;

        Tally(Instant now, Duration noticeAfter) {
            this.lateBefore = now.minus(noticeAfter);
        }

        void add(MailStatus status, Instant createdAt) {
            boolean late = switch (status) {
                case FAILED, RETRYING -> true;
                case QUEUED, SENDING -> createdAt.isBefore(lateBefore);
                case SENT -> false;
            };
            if (!late) {
                return;
            }
            if (status == MailStatus.FAILED) {
                failed++;
            } else {
                waiting++;
                retrying |= status == MailStatus.RETRYING;
            }
            since = since == null || createdAt.isBefore(since) ? createdAt : since;
        }

        MailDelay result(boolean delivering) {
            if (waiting == 0 && failed == 0) {
                return null;
            }
            Reason reason = waiting == 0 ? null
                    : !delivering ? Reason.NO_MAIL_SERVER
                    : retrying ? Reason.MAIL_SERVER_NOT_ANSWERING : Reason.NOT_SENT_YET;
            return new MailDelay(waiting, failed, since, reason);
        }
    }
}
