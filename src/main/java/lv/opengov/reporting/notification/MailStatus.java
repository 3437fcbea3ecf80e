package lv.opengov.reporting.notification;

/** Where a message is on its way out. */
public enum MailStatus {
    /** Waiting for its first attempt. */
    QUEUED,
    /** Claimed by a dispatcher; if the claim expires before it is marked sent, it is attempted again. */
    SENDING,
    /** An attempt failed; the next one is due at {@code nextAttemptAt}. */
    RETRYING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Every attempt failed; a coordinator can send it again. */
    FAILED
}
