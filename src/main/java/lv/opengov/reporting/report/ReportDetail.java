package lv.opengov.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** One measure's report with its texts, for the consolidated report and its exports. */
public record ReportDetail(String measureCode, int commitment, String titleLv, String titleEn, String institution,
        ReportState state, Completion completion, String progress, String challenges, String nextSteps,
        BigDecimal fundsSpentEur, String evidenceLinks, Instant submittedAt) {

    public String title(Locale locale) {
        return lv.opengov.reporting.plan.Titles.in(locale, titleLv, titleEn);
    }

    /** The completion as reported; none while nothing was submitted. */
    public Completion reportedCompletion() {
        return state == ReportState.AWAITING ? null : completion;
    }
}
