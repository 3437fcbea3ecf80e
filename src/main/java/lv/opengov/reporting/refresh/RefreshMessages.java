package lv.opengov.reporting.refresh;

import java.util.Locale;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The refresh's messages, in the language of the request unless one is named. */
@Component
class RefreshMessages {

    private final MessageSource messages;

    RefreshMessages(MessageSource messages) {
        this.messages = messages;
    }

    String get(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    String in(Locale locale, String code) {
        return messages.getMessage(code, null, locale);
    }

    FieldProblem problem(String field, String code, Object... args) {
        return new FieldProblem(field, get(code, args));
    }

    NotFoundException unknownRefresh(Long refreshId) {
        return new NotFoundException(get("refresh.unknown", refreshId));
    }
}
