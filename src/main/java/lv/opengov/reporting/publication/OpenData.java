package lv.opengov.reporting.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.CycleStatus;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.plan.MeasureView;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.plan.Titles;
import lv.opengov.reporting.report.ReportDetail;
import lv.opengov.reporting.report.ReportService;
import org.springframework.stereotype.Service;

/**
 * What the public reads without logging in: the plan's measures with their latest published
 * completion, and the published cycles with every measure's report, its text only once accepted. No
 * official's name or address appears here: institutions are named, people are not.
 */
@Service
public class OpenData {

    private final CycleQuery cycles;
    private final ReportService reports;
    private final PlanService plan;

    OpenData(CycleQuery cycles, ReportService reports, PlanService plan) {
        this.cycles = cycles;
        this.reports = reports;
        this.plan = plan;
    }

    /** A measure of the plan with its latest published completion. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OpenMeasure(String code, int commitment, String titleLv, String titleEn, String responsible,
            List<String> coResponsible, String latestCompletion, Long latestCycleId, String latestCycle) {

        public String title(Locale locale) {
            return Titles.in(locale, titleLv, titleEn);
        }
    }

    /** A published report on a measure. */
    public record OpenReport(String code, int commitment, String titleLv, String titleEn, String institution,
            String state, String completion, String progress, String challenges, String nextSteps,
            BigDecimal fundsSpentEur, String evidenceLinks) {
    }

    public List<OpenMeasure> measures() {
        Map<String, CycleQuery.LatestCompletion> latest = cycles.latestCompletions();
        return plan.listMeasures().stream().map(m -> open(m, latest.get(m.code()))).toList();
    }

    /** The reports of a published cycle. */
    public List<OpenReport> reports(Long cycleId) {
        published(cycleId);
        return reports.details(cycleId).stream().map(OpenData::open).toList();
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
                latest == null ? null : latest.completion().name(), latest == null ? null : latest.cycleId(),
                latest == null ? null : latest.cycleName());
    }

    private static OpenReport open(ReportDetail d) {
        boolean reported = d.reportedCompletion() != null && d.state().name().equals("ACCEPTED");
        return new OpenReport(d.measureCode(), d.commitment(), d.titleLv(), d.titleEn(), d.institution(),
                d.state().name(), reported ? d.completion().name() : null, reported ? d.progress() : null,
                reported ? d.challenges() : null, reported ? d.nextSteps() : null,
                reported ? d.fundsSpentEur() : null, reported ? d.evidenceLinks() : null);
    }
}
