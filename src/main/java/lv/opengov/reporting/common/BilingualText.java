package lv.opengov.reporting.common;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A message as Camunda's web apps show what a process holds: the same text to every reader, whatever
 * the language of their browser, so the Latvian and the English side by side, "Būtiska / Substantial",
 * as the task names are written.
 */
@Component
public class BilingualText {

    private static final Locale LATVIAN = Locale.forLanguageTag("lv");

    private final MessageSource messages;

    BilingualText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String code) {
        return messages.getMessage(code, null, LATVIAN) + " / " + messages.getMessage(code, null, Locale.ENGLISH);
    }
}
