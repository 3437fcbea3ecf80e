package lv.opengov.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** One line of a cycle's overview: a measure's report with what the tables show of it. */
public record ReportRow(Long reportId, String measureCode, String titleLv, String titleEn, int commitment,
        String institution, ReportState state, Completion completion, Instant submittedAt, LocalDate dueDate,
        String processInstanceId, java.math.BigDecimal fundsSpentEur) {

    public String title(Locale locale) {
        return lv.opengov.reporting.plan.Titles.in(locale, titleLv, titleEn);
    }

    /** Still owed by the institution after its deadline. */
    public boolean isOverdue(LocalDate today) {
        return state.isOpenForInstitution() && dueDate != null && dueDate.isBefore(today);
    }
}
