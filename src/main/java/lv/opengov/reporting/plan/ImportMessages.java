package lv.opengov.reporting.plan;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Import messages in the language of the request (Latvian unless the client asks for English). */
final class ImportMessages {

    private final MessageSource messageSource;

    ImportMessages(MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    String get(String code, Object... args) {
        return messageSource.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
