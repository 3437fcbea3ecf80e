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
import lv.opengov.reporting.report.ReportState;

/**
 * The overview the supervisory board discusses, in one language: per commitment each measure's
 * completion, progress, challenges, next steps and funds, with the contributions of its co-responsible
 * institutions and other implementers (and who has not sent theirs); the challenges gathered in one
 * place; the board's table. The page, the PDF, the spreadsheet and the CSV are all made from it.
 */
public record ConsolidatedReport(ReportingCycle cycle, Locale locale, Map<Commitment, List<Entry>> byCommitment,
        List<Entry> entries, List<Entry> withChallenges, BigDecimal fundsTotal,
        lv.opengov.reporting.plan.FundingOverview funding) {

    /**
     * One measure as the report shows it. Its texts are shown when the report was accepted, or, while
     * the cycle still collects, submitted; a report sent back, or not accepted by the close, shows none.
     */
    public record Entry(ReportDetail detail, String title, String institutionName, boolean shown,
            List<lv.opengov.reporting.report.ContributionRow> contributions) {

        public lv.opengov.reporting.report.Completion completion() {
            return shown ? detail.completion() : null;
        }

        /** The contributions sent, shown with the report's own texts. */
        public List<lv.opengov.reporting.report.ContributionRow> sentContributions() {
            return shown ? contributions.stream().filter(c -> c.isSubmitted()).toList() : List.of();
        }

        /** The contributors whose part is missing. */
        public List<String> missingContributors() {
            return contributions.stream().filter(c -> !c.isSubmitted())
                    .map(lv.opengov.reporting.report.ContributionRow::contributor).toList();
        }
    }

    static ConsolidatedReport of(ReportingCycle cycle, Locale locale, List<ReportDetail> details,
            Map<Integer, Commitment> commitments, Map<String, Institution> institutions,
            List<lv.opengov.reporting.report.ContributionRow> contributions,
            List<lv.opengov.reporting.plan.FundingView> fundingLines) {
        Map<String, List<lv.opengov.reporting.report.ContributionRow>> byMeasure = new java.util.HashMap<>();
        contributions.forEach(c -> byMeasure.computeIfAbsent(c.measureCode(), k -> new ArrayList<>()).add(c));
        Map<Commitment, List<Entry>> byCommitment = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<Entry> withChallenges = new ArrayList<>();
        BigDecimal funds = BigDecimal.ZERO;
        boolean collecting = cycle.getStatus() == lv.opengov.reporting.cycle.CycleStatus.COLLECTING
                || cycle.getStatus() == lv.opengov.reporting.cycle.CycleStatus.SCHEDULED;
        for (ReportDetail detail : details) {
            boolean shown = detail.state() == ReportState.ACCEPTED
                    || collecting && detail.state() == ReportState.SUBMITTED;
            Entry entry = new Entry(detail, detail.title(locale), institutions.get(detail.institution()).name(locale),
                    shown, byMeasure.getOrDefault(detail.measureCode(), List.of()));
            entries.add(entry);
            byCommitment.computeIfAbsent(commitments.get(detail.commitment()), c -> new ArrayList<>()).add(entry);
            if (shown && detail.challenges() != null) {
                withChallenges.add(entry);
            }
            if (detail.state() == ReportState.ACCEPTED && detail.fundsSpentEur() != null) {
                funds = funds.add(detail.fundsSpentEur());
            }
        }
        // money planned against what the reports shown, and their contributions sent, spent
        List<Entry> shown = entries.stream().filter(Entry::shown).toList();
        var funding = lv.opengov.reporting.plan.FundingOverview.of(fundingLines,
                lv.opengov.reporting.report.ReportSpending.byMeasure(shown.stream().map(Entry::detail).toList(),
                        shown.stream().flatMap(e -> e.sentContributions().stream()).toList()));
        return new ConsolidatedReport(cycle, locale, byCommitment, entries, withChallenges, funds, funding);
    }
}
