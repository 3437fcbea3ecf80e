package lv.opengov.reporting.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.CycleStatus;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.evidence.EvidenceFile;
import lv.opengov.reporting.evidence.EvidenceQuery;
import lv.opengov.reporting.plan.MeasureView;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.plan.Titles;
import lv.opengov.reporting.report.ReportDetail;
import lv.opengov.reporting.report.ContributionRow;
import lv.opengov.reporting.report.ContributionService;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import org.springframework.stereotype.Service;

/**
 * What the public reads without logging in: the plan's measures with their latest published
 * completion, and the published cycles with every measure's report, its text only once accepted, and
 * the evidence files its institution marked public. No official's name or address appears here:
 * institutions are named, people are not (a file records who uploaded it; that is not given).
 */
@Service
public class OpenData {

    private final CycleQuery cycles;
    private final ReportService reports;
    private final PlanService plan;
    private final ContributionService contributions;
    private final lv.opengov.reporting.report.ProgressQuery progress;
    private final EvidenceQuery evidence;

    OpenData(CycleQuery cycles, ReportService reports, PlanService plan, ContributionService contributions,
            lv.opengov.reporting.report.ProgressQuery progress, EvidenceQuery evidence) {
        this.progress = progress;
        this.evidence = evidence;
        this.contributions = contributions;
        this.cycles = cycles;
        this.reports = reports;
        this.plan = plan;
    }

    /** A measure of the plan with its latest published completion. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OpenMeasure(String code, int commitment, String titleLv, String titleEn, String responsible,
            List<String> coResponsible, List<String> implementers, String latestCompletion, Long latestCycleId,
            String latestCycle) {

        public String title(Locale locale) {
            return Titles.in(locale, titleLv, titleEn);
        }
    }

    /** A published report on a measure, with the contributions of its other institutions and implementers. */
    public record OpenReport(String code, int commitment, String titleLv, String titleEn, String institution,
            String state, String completion, String progress, String challenges, String nextSteps,
            BigDecimal fundsSpentEur, String evidenceLinks, List<OpenContribution> contributions,
            List<OpenMilestone> milestones, List<OpenIndicator> indicators, List<OpenFile> evidenceFiles) {
    }

    /**
     * An evidence file of a published report that its institution marked public, once the report was
     * accepted; {@code path} downloads it without login.
     */
    public record OpenFile(String institution, String fileName, String mediaType, long size, String sha256,
            String path) {

        static OpenFile of(EvidenceFile file) {
            return new OpenFile(file.institution(), file.fileName(), file.mediaType(), file.size(), file.sha256(),
                    "/public/evidence/" + file.id());
        }
    }

    /** A milestone of a published report's measure: its state once the report was accepted. */
    public record OpenMilestone(int number, String titleLv, String titleEn, java.time.LocalDate dueDate, String state,
            java.time.LocalDate stateDate) {
    }

    /** An indicator of a published report's measure: its value once the report was accepted. */
    public record OpenIndicator(int number, String titleLv, String titleEn, String unit, BigDecimal baseline,
            BigDecimal target, java.time.LocalDate targetDate, BigDecimal value) {
    }

    /** A contribution to a published report: its texts once sent and the report accepted. */
    public record OpenContribution(String contributor, String role, String state, String progress, String challenges,
            BigDecimal fundsSpentEur, String evidenceLinks) {
    }

    public List<OpenMeasure> measures() {
        Map<String, CycleQuery.LatestCompletion> latest = cycles.latestCompletions();
        return plan.listMeasures().stream().map(m -> open(m, latest.get(m.code()))).toList();
    }

    /** The reports of a published cycle. */
    public List<OpenReport> reports(Long cycleId) {
        published(cycleId);
        Map<String, List<ContributionRow>> byMeasure = contributions.rows(cycleId).stream()
                .collect(Collectors.groupingBy(ContributionRow::measureCode));
        Map<String, List<lv.opengov.reporting.report.MilestoneProgress>> milestones = progress.milestonesOfCycle(cycleId);
        Map<String, List<lv.opengov.reporting.report.IndicatorProgress>> indicators = progress.indicatorsOfCycle(cycleId);
        List<ReportDetail> details = reports.details(cycleId);
        Map<String, ReportState> states = details.stream()
                .collect(Collectors.toMap(ReportDetail::measureCode, ReportDetail::state));
        Map<String, List<EvidenceFile>> files = evidence.publicFilesByMeasure(cycleId, states::get);
        return details.stream()
                .map(d -> open(d, byMeasure.getOrDefault(d.measureCode(), List.of()),
                        milestones.getOrDefault(d.measureCode(), List.of()),
                        indicators.getOrDefault(d.measureCode(), List.of()),
                        files.getOrDefault(d.measureCode(), List.of()))).toList();
    }

    /** The cycle, when it is published; else, for the public, there is none. */
    public ReportingCycle published(Long cycleId) {
        ReportingCycle cycle = cycles.find(cycleId);
        if (cycle.getStatus() != CycleStatus.PUBLISHED) {
            throw new NotFoundException("Cycle " + cycleId + " is not published");
        }
        return cycle;
    }

    private static OpenMeasure open(MeasureView m, CycleQuery.LatestCompletion latest) {
        return new OpenMeasure(m.code(), m.commitment(), m.titleLv(), m.titleEn(), m.responsible(), m.coResponsible(),
                m.implementers(), latest == null ? null : latest.completion().name(), latest == null ? null : latest.cycleId(),
                latest == null ? null : latest.cycleName());
    }

    private static OpenReport open(ReportDetail d, List<ContributionRow> contributions,
            List<lv.opengov.reporting.report.MilestoneProgress> milestones,
            List<lv.opengov.reporting.report.IndicatorProgress> indicators, List<EvidenceFile> files) {
        boolean reported = d.reportedCompletion() != null && d.state().name().equals("ACCEPTED");
        List<OpenContribution> open = contributions.stream().map(c -> {
            boolean sent = reported && c.isSubmitted();
            return new OpenContribution(c.contributor(), c.role().name(), c.state().name(), sent ? c.progress() : null,
                    sent ? c.challenges() : null, sent ? c.fundsSpentEur() : null, sent ? c.evidenceLinks() : null);
        }).toList();
        return new OpenReport(d.measureCode(), d.commitment(), d.titleLv(), d.titleEn(), d.institution(),
                d.state().name(), reported ? d.completion().name() : null, reported ? d.progress() : null,
                reported ? d.challenges() : null, reported ? d.nextSteps() : null,
                reported ? d.fundsSpentEur() : null, reported ? d.evidenceLinks() : null, open,
                milestones.stream().map(m -> new OpenMilestone(m.number(), m.titleLv(), m.titleEn(), m.dueDate(),
                        reported && m.state() != null ? m.state().name() : null, reported ? m.stateDate() : null))
                        .toList(),
                indicators.stream().map(i -> new OpenIndicator(i.number(), i.titleLv(), i.titleEn(), i.unit(),
                        i.baseline(), i.target(), i.targetDate(), reported ? i.value() : null)).toList(),
                files.stream().map(OpenFile::of).toList());
    }
}
