package lv.opengov.reporting.publication.web;

import lv.opengov.reporting.publication.OpenData;

import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.evidence.EvidenceQuery;
import java.util.Map;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.refresh.RefreshQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public's pages, without login: the published cycles, the refreshes whose schedule is public and
 * the plan's measures with their latest published completion; a published cycle with every measure's
 * report and the evidence files its institution made public. The same as open data is
 * {@link OpenDataController}'s.
 */
@Controller
@RequestMapping("/public")
class PublicPages {

    private final OpenData openData;
    private final CycleQuery cycles;
    private final PlanService plan;
    private final RefreshQuery refreshes;
    private final EvidenceQuery evidence;

    PublicPages(OpenData openData, CycleQuery cycles, PlanService plan, RefreshQuery refreshes,
            EvidenceQuery evidence) {
        this.evidence = evidence;
        this.openData = openData;
        this.cycles = cycles;
        this.plan = plan;
        this.refreshes = refreshes;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("cycles", cycles.published());
        model.addAttribute("refreshes", refreshes.list().stream().filter(r -> r.getSchedulePublishedAt() != null)
                .toList());
        model.addAttribute("measures", openData.measures());
        model.addAttribute("locale", LocaleContextHolder.getLocale());
        return "publication/index";
    }

    @GetMapping("/cycles/{id}")
    String cycle(@PathVariable Long id, Model model) {
        model.addAttribute("cycle", openData.published(id));
        var rows = cycles.rows(id, null);
        model.addAttribute("rows", rows);
        Map<String, ReportState> states = rows.stream()
                .collect(java.util.stream.Collectors.toMap(ReportRow::measureCode, ReportRow::state));
        model.addAttribute("files", evidence.publicFilesByMeasure(id, states::get));
        model.addAttribute("institutions", plan.institutionsByCode());
        model.addAttribute("locale", LocaleContextHolder.getLocale());
        return "publication/cycle";
    }
}
