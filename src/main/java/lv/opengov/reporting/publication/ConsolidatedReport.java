package lv.opengov.reporting.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.evidence.EvidenceFile;
import lv.opengov.reporting.report.IndicatorProgress;
import lv.opengov.reporting.report.MilestoneProgress;
import lv.opengov.reporting.plan.Commitment;
import lv.opengov.reporting.plan.FundingOverview;
import lv.opengov.reporting.plan.FundingView;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.report.ContributionRow;
import lv.opengov.reporting.report.ReportDetail;
import lv.opengov.reporting.report.ReportSpending;
import lv.opengov.reporting.report.ReportState;

/**
 * The overview the supervisory board discusses, in one language: per commitment each measure's
 * completion, progress, challenges, next steps and funds, its evidence files, and the contributions of
 * its co-responsible institutions and other implementers (and who has not sent theirs); the challenges
 * gathered in one place; money planned against spent; the board's table. The page, the PDF, the
 * spreadsheet and the CSV are all made from it.
 */
public record ConsolidatedReport(ReportingCycle cycle, Locale locale, Map<Commitment, List<Entry>> byCommitment,
        List<Entry> entries, List<Entry> withChallenges, FundingOverview funding) {

    /** What the reports shown and their contributions sent spent in total: the funding table's total. */
    public BigDecimal fundsTotal() {
        return funding.spentTotal();
    }


    /**
     * One measure as the report shows it. Its texts are shown when the report was accepted, or, while
     * the cycle still collects, submitted; a report sent back, or not accepted by the close, shows none.
     * So are its evidence files, as a list, which the reader downloads where {@code filesDownloadable}.
     */
    public record Entry(ReportDetail detail, String title, String institutionName, boolean shown,
            List<ContributionRow> contributions, List<EvidenceFile> files, boolean filesDownloadable,
            List<MilestoneProgress> milestones, List<IndicatorProgress> indicators) {

        public lv.opengov.reporting.report.Completion completion() {
            return shown ? detail.completion() : null;
        }

        /** The contributions sent, shown with the report's own texts. */
        public List<ContributionRow> sentContributions() {
            return shown ? contributions.stream().filter(ContributionRow::isSubmitted).toList() : List.of();
        }

        /** The contributors whose part is missing. */
        public List<String> missingContributors() {
            return contributions.stream().filter(c -> !c.isSubmitted()).map(ContributionRow::contributor).toList();
        }
    }

    /** The report of the given reports alone: no contributions, funding or files. */
    static ConsolidatedReport of(ReportingCycle cycle, Locale locale, List<ReportDetail> details,
            Map<Integer, Commitment> commitments, Map<String, Institution> institutions) {
        return of(cycle, locale, details, commitments, institutions, List.of(), List.of(), Map.of(),
                institution -> false, Map.of(), Map.of());
    }

    /**
     * @param contributions the contributions to the reports
     * @param fundingLines  the plan's funding lines, against which the reports' spending is set
     * @param files         the cycle's evidence files by measure code
     * @param mayDownload   whether the reader may download the files of a report of the given institution
     * @param milestones    the milestones of the cycle's reports with their states, by measure code; a report
     *                      not shown shows its milestones without what it says of them
     * @param indicators    the indicators of the cycle's reports with their values, by measure code, alike
     */
    static ConsolidatedReport of(ReportingCycle cycle, Locale locale, List<ReportDetail> details,
            Map<Integer, Commitment> commitments, Map<String, Institution> institutions,
            List<ContributionRow> contributions, List<FundingView> fundingLines,
            Map<String, List<EvidenceFile>> files, Predicate<String> mayDownload,
            Map<String, List<MilestoneProgress>> milestones, Map<String, List<IndicatorProgress>> indicators) {
        Map<String, List<ContributionRow>> byMeasure = new java.util.HashMap<>();
        contributions.forEach(c -> byMeasure.computeIfAbsent(c.measureCode(), k -> new ArrayList<>()).add(c));
        Map<Commitment, List<Entry>> byCommitment = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<Entry> withChallenges = new ArrayList<>();
        boolean collecting = cycle.getStatus() == lv.opengov.reporting.cycle.CycleStatus.COLLECTING
                || cycle.getStatus() == lv.opengov.reporting.cycle.CycleStatus.SCHEDULED;
        for (ReportDetail detail : details) {
            boolean shown = detail.state() == ReportState.ACCEPTED
                    || collecting && detail.state() == ReportState.SUBMITTED;
            Entry entry = new Entry(detail, detail.title(locale), institutions.get(detail.institution()).name(locale),
                    shown, byMeasure.getOrDefault(detail.measureCode(), List.of()),
                    shown ? files.getOrDefault(detail.measureCode(), List.of()) : List.of(),
                    mayDownload.test(detail.institution()),
                    milestones.getOrDefault(detail.measureCode(), List.of()).stream()
                            .map(m -> shown ? m : new MilestoneProgress(m.reportId(), m.measureCode(), m.milestoneId(),
                                    m.number(), m.titleLv(), m.titleEn(), m.dueDate(), null, null)).toList(),
                    indicators.getOrDefault(detail.measureCode(), List.of()).stream()
                            .map(i -> shown ? i : new IndicatorProgress(i.reportId(), i.measureCode(), i.indicatorId(),
                                    i.number(), i.titleLv(), i.titleEn(), i.unit(), i.baseline(), i.target(),
                                    i.targetDate(), null, null)).toList());
            entries.add(entry);
            byCommitment.computeIfAbsent(commitments.get(detail.commitment()), c -> new ArrayList<>()).add(entry);
            if (shown && detail.challenges() != null) {
                withChallenges.add(entry);
            }
        }
        // money planned against what the reports shown, and their contributions sent, spent
        List<Entry> shown = entries.stream().filter(Entry::shown).toList();
        FundingOverview funding = FundingOverview.of(fundingLines,
                ReportSpending.byMeasure(shown.stream().map(Entry::detail).toList(),
                        shown.stream().flatMap(e -> e.sentContributions().stream()).toList()));
        return new ConsolidatedReport(cycle, locale, byCommitment, entries, withChallenges, funding);
    }
}
