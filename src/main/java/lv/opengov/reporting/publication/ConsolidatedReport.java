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
import lv.opengov.reporting.plan.Commitment;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.report.ReportDetail;
import lv.opengov.reporting.report.ReportState;

/**
 * The overview the supervisory board discusses, in one language: per commitment each measure's
 * completion, progress, challenges, next steps and funds; the challenges gathered in one place; the
 * board's table. The page, the PDF, the spreadsheet and the CSV are all made from it.
 */
public record ConsolidatedReport(ReportingCycle cycle, Locale locale, Map<Commitment, List<Entry>> byCommitment,
        List<Entry> entries, List<Entry> withChallenges, BigDecimal fundsTotal) {

    /**
     * One measure as the report shows it. Its texts are shown when the report was accepted, or, while
     * the cycle still collects, submitted; a report sent back, or not accepted by the close, shows none.
     * So are its evidence files, as a list, which the reader downloads where {@code filesDownloadable}.
     */
    public record Entry(ReportDetail detail, String title, String institutionName, boolean shown,
            List<EvidenceFile> files, boolean filesDownloadable) {

        public lv.opengov.reporting.report.Completion completion() {
            return shown ? detail.completion() : null;
        }
    }

    static ConsolidatedReport of(ReportingCycle cycle, Locale locale, List<ReportDetail> details,
            Map<Integer, Commitment> commitments, Map<String, Institution> institutions) {
        return of(cycle, locale, details, commitments, institutions, Map.of(), institution -> false);
    }

    /**
     * @param files          the cycle's evidence files by measure code
     * @param mayDownload    whether the reader may download the files of a report of the given institution
     */
    static ConsolidatedReport of(ReportingCycle cycle, Locale locale, List<ReportDetail> details,
            Map<Integer, Commitment> commitments, Map<String, Institution> institutions,
            Map<String, List<EvidenceFile>> files, Predicate<String> mayDownload) {
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
                    shown, shown ? files.getOrDefault(detail.measureCode(), List.of()) : List.of(),
                    mayDownload.test(detail.institution()));
            entries.add(entry);
            byCommitment.computeIfAbsent(commitments.get(detail.commitment()), c -> new ArrayList<>()).add(entry);
            if (shown && detail.challenges() != null) {
                withChallenges.add(entry);
            }
            if (detail.state() == ReportState.ACCEPTED && detail.fundsSpentEur() != null) {
                funds = funds.add(detail.fundsSpentEur());
            }
        }
        return new ConsolidatedReport(cycle, locale, byCommitment, entries, withChallenges, funds);
    }
}
