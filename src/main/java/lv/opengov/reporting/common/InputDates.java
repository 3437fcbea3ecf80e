package lv.opengov.reporting.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Dates as the API accepts them: ISO {@code yyyy-MM-dd} within years a plan can concern. Dates that
 * {@link LocalDate} can hold but no plan can ({@code +999999999-12-31}) would only overflow the working-day
 * arithmetic and the holiday tables further on.
 */
public final class InputDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private InputDates() {
    }

    /** The date written, or {@link DateTimeParseException} for text that is not one or is out of range. */
    public static LocalDate parse(String text) {
        LocalDate date = LocalDate.parse(text.strip());
        if (!isPlausible(date)) {
            throw new DateTimeParseException("Date out of range", text, 0);
        }
        return date;
    }

    /**
     * A date field of a request: the date written, null when the field is empty, or null with the field's
     * problem added, in the request's language, when the text is no date or out of range. Whether an empty
     * field is a problem is the caller's to say.
     */
    public static LocalDate read(String field, String value, List<FieldProblem> problems, MessageSource messages) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, messages.getMessage("input.date.invalid", new Object[] {value},
                    LocaleContextHolder.getLocale())));
            return null;
        }
    }

    public static boolean isPlausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
