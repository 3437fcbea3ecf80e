package lv.opengov.reporting.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message to queue. The idempotency key names the occasion (for example
 * {@code invitation:12:VK}); queuing the same key twice queues one message.
 *
 * @param template the name of the pair {@code templates/mail/<template>.html} and {@code .txt}; the
 *                 subject is the message {@code mail.<template>.subject}, given the model's
 *                 {@code subjectArgs}
 */
public record OutgoingMail(String idempotencyKey, String template, List<String> to, List<String> cc,
        Locale language, Map<String, Object> model, List<Object> subjectArgs, Long cycleId) {

    public OutgoingMail {
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least one recipient");
        }
        cc = cc == null ? List.of() : List.copyOf(cc);
        model = model == null ? Map.of() : Map.copyOf(model);
        subjectArgs = subjectArgs == null ? List.of() : List.copyOf(subjectArgs);
    }
}
