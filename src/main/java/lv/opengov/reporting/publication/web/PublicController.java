package lv.opengov.reporting.publication.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.cycle.CycleStatus;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.plan.MeasureView;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.report.ReportDetail;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.common.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What the public reads without logging in: the published cycles with every measure's report, the
 * plan's measures with their latest published completion, and the same as open data (CSV, JSON).
 * No official's name or address appears here: institutions are named, people are not.
 */
@Controller
@RequestMapping("/public")
class PublicController {

    private final CycleService cycles;
    private final ReportService reports;
    private final PlanService plan;
    private final lv.opengov.reporting.refresh.RefreshQuery refreshes;

    PublicController(CycleService cycles, ReportService reports, PlanService plan,
            lv.opengov.reporting.refresh.RefreshQuery refreshes) {
        this.refreshes = refreshes;
        this.cycles = cycles;
        this.reports = reports;
        this.plan = plan;
    }

    /** A measure of the plan with its latest published completion, as open data. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OpenMeasure(String code, int commitment, String titleLv, String titleEn, String responsible,
            List<String> coResponsible, String latestCompletion, Long latestCycleId, String latestCycle) {

        public String title(Locale locale) {
            return lv.opengov.reporting.plan.Titles.in(locale, titleLv, titleEn);
        }
    }

    /** A published report on a measure, as open data. */
    record OpenReport(String code, int commitment, String titleLv, String titleEn, String institution, String state,
            String completion, String progress, String challenges, String nextSteps, java.math.BigDecimal fundsSpentEur,
            String evidenceLinks) {
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("cycles", cycles.published());
        model.addAttribute("refreshes", refreshes.list().stream().filter(r -> r.getSchedulePublishedAt() != null)
                .toList());
        model.addAttribute("measures", openMeasures());
        model.addAttribute("locale", LocaleContextHolder.getLocale());
        return "public/index";
    }

    @GetMapping("/cycles/{id}")
    String cycle(@PathVariable Long id, Model model) {
        ReportingCycle cycle = published(id);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("cycle", cycle);
        model.addAttribute("rows", cycles.rows(id, null));
        model.addAttribute("institutions", plan.institutionsByCode());
        model.addAttribute("locale", locale);
        return "public/cycle";
    }

    @GetMapping(path = "/data/measures.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<OpenMeasure> measuresJson() {
        return openMeasures();
    }

    @GetMapping("/data/measures.csv")
    ResponseEntity<String> measuresCsv() {
        return csv(new String[] {"code", "commitment", "title_lv", "title_en", "responsible", "co_responsible",
            "latest_completion", "latest_cycle_id", "latest_cycle"}, openMeasures().stream().map(m -> new Object[] {
                m.code(), m.commitment(), m.titleLv(), m.titleEn(), m.responsible(), String.join(" ", m.coResponsible()),
                m.latestCompletion(), m.latestCycleId(), m.latestCycle()}).toList());
    }

    @GetMapping(path = "/data/cycles/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<OpenReport> cycleJson(@PathVariable Long id) {
        return openReports(id);
    }

    @GetMapping("/data/cycles/{id}.csv")
    ResponseEntity<String> cycleCsv(@PathVariable Long id) {
        return csv(new String[] {"code", "commitment", "title_lv", "title_en", "institution", "state", "completion",
            "progress", "challenges", "next_steps", "funds_spent_eur", "evidence_links"}, openReports(id).stream()
                .map(r -> new Object[] {r.code(), r.commitment(), r.titleLv(), r.titleEn(), r.institution(), r.state(),
                    r.completion(), r.progress(), r.challenges(), r.nextSteps(), r.fundsSpentEur(), r.evidenceLinks()})
                .toList());
    }

    private List<OpenMeasure> openMeasures() {
        Map<String, CycleService.LatestCompletion> latest = cycles.latestCompletions();
        return plan.listMeasures().stream().map(m -> open(m, latest.get(m.code()))).toList();
    }

    private static OpenMeasure open(MeasureView m, CycleService.LatestCompletion latest) {
        return new OpenMeasure(m.code(), m.commitment(), m.titleLv(), m.titleEn(), m.responsible(), m.coResponsible(),
                latest == null ? null : latest.completion().name(), latest == null ? null : latest.cycleId(),
                latest == null ? null : latest.cycleName());
    }

    private List<OpenReport> openReports(Long id) {
        published(id);
        return reports.details(id).stream().map(PublicController::open).toList();
    }

    private static OpenReport open(ReportDetail d) {
        boolean reported = d.reportedCompletion() != null && d.state().name().equals("ACCEPTED");
        return new OpenReport(d.measureCode(), d.commitment(), d.titleLv(), d.titleEn(), d.institution(),
                d.state().name(), reported ? d.completion().name() : null, reported ? d.progress() : null,
                reported ? d.challenges() : null, reported ? d.nextSteps() : null,
                reported ? d.fundsSpentEur() : null, reported ? d.evidenceLinks() : null);
    }

    private ReportingCycle published(Long id) {
        ReportingCycle cycle = cycles.find(id);
        if (cycle.getStatus() != CycleStatus.PUBLISHED) {
            throw new NotFoundException("Cycle " + id + " is not published");
        }
        return cycle;
    }

    private static ResponseEntity<String> csv(String[] header, List<Object[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (Object[] row : rows) {
                printer.printRecord(Arrays.stream(row)
                        .map(cell -> cell instanceof String text ? SpreadsheetCells.neutralise(text) : cell).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString());
    }
}
