package lv.opengov.reporting.report;

import java.time.LocalDate;
import java.util.Locale;
import lv.opengov.reporting.plan.Titles;

/**
 * A milestone of a report's measure with what the report says of it.
 *
 * @param state null while the institution has said nothing of it
 */
public record MilestoneProgress(Long reportId, String measureCode, Long milestoneId, int number, String titleLv,
        String titleEn, LocalDate dueDate, MilestoneState state, LocalDate stateDate) {

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }

    /** Due before today and neither done nor dropped; never, where the page gives no today. */
    public boolean isOverdue(LocalDate today) {
        return today != null && dueDate.isBefore(today) && (state == null || !state.isClosed());
    }

    /** Days since it was due, for an overdue milestone. */
    public long daysOverdue(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(dueDate, today);
    }
}
