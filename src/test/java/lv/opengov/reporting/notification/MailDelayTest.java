package lv.opengov.reporting.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a cycle's mails count as late, and why, as the cycle's page and JSON say it. */
class MailDelayTest {

    private static final Instant NOW = Instant.parse("2026-01-08T09:30:00Z");
    private static final Duration NOTICE_AFTER = Duration.ofMinutes(5);

    private static MailDelay.Tally tally() {
        return new MailDelay.Tally(NOW, NOTICE_AFTER);
    }

    @Test
    void sentMailsAndMailsQueuedAMomentAgoAreNotLate() {
        MailDelay.Tally tally = tally();
        tally.add(MailStatus.SENT, NOW.minus(Duration.ofHours(3)));
        tally.add(MailStatus.QUEUED, NOW.minus(Duration.ofMinutes(4)));
        tally.add(MailStatus.SENDING, NOW.minusSeconds(10));
        assertThat(tally.result(true)).isNull();
    }

    @Test
    void aFailedAttemptIsLateAtOnceAndSaysTheServerDoesNotAnswerSinceTheOldest() {
        MailDelay.Tally tally = tally();
        tally.add(MailStatus.RETRYING, NOW.minusSeconds(40));
        tally.add(MailStatus.QUEUED, NOW.minus(Duration.ofMinutes(30)));
        tally.add(MailStatus.QUEUED, NOW.minusSeconds(5));
        tally.add(MailStatus.FAILED, NOW.minus(Duration.ofHours(20)));
        assertThat(tally.result(true)).isEqualTo(new MailDelay(2, 1, NOW.minus(Duration.ofHours(20)),
                MailDelay.Reason.MAIL_SERVER_NOT_ANSWERING));
    }

    @Test
    void mailsQueuedTooLongWaitForTheDispatcherOrForAMailServer() {
        MailDelay.Tally tally = tally();
        tally.add(MailStatus.QUEUED, NOW.minus(Duration.ofMinutes(6)));
        tally.add(MailStatus.SENDING, NOW.minus(Duration.ofMinutes(9)));
        assertThat(tally.result(true)).isEqualTo(new MailDelay(2, 0, NOW.minus(Duration.ofMinutes(9)),
                MailDelay.Reason.NOT_SENT_YET));
        assertThat(tally.result(false).reason()).isEqualTo(MailDelay.Reason.NO_MAIL_SERVER);
    }

    @Test
    void onlyGivenUpMailsHaveNoReasonToWait() {
        MailDelay.Tally tally = tally();
        tally.add(MailStatus.FAILED, NOW.minus(Duration.ofDays(1)));
        assertThat(tally.result(true)).isEqualTo(new MailDelay(0, 1, NOW.minus(Duration.ofDays(1)), null));
    }
}
