package lv.opengov.reporting.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the measures spent, by measure code: the reports' funds and the contributions' funds added up. */
public final class ReportSpending {

    private ReportSpending() {
    }

    /**
     * The spending of the given reports (each counted as given: the caller decides which to count)
     * and of the contributions among those given that were sent.
     */
    public static Map<String, BigDecimal> byMeasure(List<ReportDetail> reports, List<ContributionRow> contributions) {
        Map<String, BigDecimal> spent = new HashMap<>();
        for (ReportDetail report : reports) {
            if (report.fundsSpentEur() != null) {
                spent.merge(report.measureCode(), report.fundsSpentEur(), BigDecimal::add);
            }
        }
        return withContributions(spent, contributions);
    }

    /** {@link #byMeasure} for a cycle's overview rows: those submitted or accepted count. */
    public static Map<String, BigDecimal> byMeasureOfRows(List<ReportRow> rows, List<ContributionRow> contributions) {
        Map<String, BigDecimal> spent = new HashMap<>();
        for (ReportRow row : rows) {
            if (row.fundsSpentEur() != null
                    && (row.state() == ReportState.SUBMITTED || row.state() == ReportState.ACCEPTED)) {
                spent.merge(row.measureCode(), row.fundsSpentEur(), BigDecimal::add);
            }
        }
        return withContributions(spent, contributions);
    }

    private static Map<String, BigDecimal> withContributions(Map<String, BigDecimal> spent,
            List<ContributionRow> contributions) {
        for (ContributionRow contribution : contributions) {
            if (contribution.isSubmitted() && contribution.fundsSpentEur() != null) {
                spent.merge(contribution.measureCode(), contribution.fundsSpentEur(), BigDecimal::add);
            }
        }
        return spent;
    }
}
