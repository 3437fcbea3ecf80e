package lv.opengov.reporting.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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

    public static boolean isPlausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
