package lv.opengov.reporting.notification;

/** A message's subject and bodies, rendered in the recipient's language. */
record RenderedMail(String subject, String text, String html) {
}
