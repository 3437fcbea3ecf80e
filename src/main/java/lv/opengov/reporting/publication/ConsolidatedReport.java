package lv.opengov.reporting.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.plan.Commitment;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.report.ReportDetail;

/**
 * The overview the supervisory board discusses, in one language: per commitment each measure's
 * completion, progress, challenges, next steps and funds; the challenges gathered in one place; the
 * board's table. The page, the PDF, the spreadsheet and the CSV are all made from it.
 */
public record ConsolidatedReport(ReportingCycle cycle, Locale locale, Map<Commitment, List<Entry>> byCommitment,
        List<Entry> entries, List<Entry> withChallenges, BigDecimal fundsTotal) {

    /** One measure as the report shows it. */
    public record Entry(ReportDetail detail, String title, String institutionName) {
    }

    static ConsolidatedReport of(ReportingCycle cycle, Locale locale, List<ReportDetail> details,
            Map<Integer, Commitment> commitments, Map<String, Institution> institutions) {
        Map<Commitment, List<Entry>> byCommitment = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<Entry> withChallenges = new ArrayList<>();
        BigDecimal funds = BigDecimal.ZERO;
        for (ReportDetail detail : details) {
            Entry entry = new Entry(detail, detail.title(locale), institutions.get(detail.institution()).name(locale));
            entries.add(entry);
            byCommitment.computeIfAbsent(commitments.get(detail.commitment()), c -> new ArrayList<>()).add(entry);
            if (detail.challenges() != null && detail.reportedCompletion() != null) {
                withChallenges.add(entry);
            }
            if (detail.fundsSpentEur() != null && detail.reportedCompletion() != null) {
                funds = funds.add(detail.fundsSpentEur());
            }
        }
        return new ConsolidatedReport(cycle, locale, byCommitment, entries, withChallenges, funds);
    }
}
