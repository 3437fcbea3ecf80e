package lv.opengov.reporting.report;

import java.math.BigDecimal;
import java.util.List;

/** What an institution reports on a measure, as validated. */
public record ReportValues(Completion completion, String progress, String challenges, String nextSteps,
        BigDecimal fundsSpentEur, List<String> evidenceLinks) {

    public String evidenceLinksText() {
        return evidenceLinks.isEmpty() ? null : String.join("\n", evidenceLinks);
    }
}
