package lv.opengov.reporting.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.report.MilestoneState;
import lv.opengov.reporting.report.ProgressRefusedException;
import lv.opengov.reporting.report.ReportProgress;
import lv.opengov.reporting.report.TaskToReturnTo;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A report's milestones and indicators: Tasklist's forms cannot list a measure's milestones, so the
 * submit-report form links here, as it does to the evidence page. The institution saves each
 * milestone's state and each indicator's value; a refused save answers with the page again, what was
 * typed kept and each problem beside its field.
 */
@Controller
class ProgressPages {

    private final ReportProgress progress;
    private final ServiceZone zone;
    private final TaskToReturnTo returnTo;

    ProgressPages(ReportProgress progress, ServiceZone zone, TaskToReturnTo returnTo) {
        this.progress = progress;
        this.zone = zone;
        this.returnTo = returnTo;
    }

    @GetMapping("/reports/{reportId}/progress")
    String page(@PathVariable Long reportId, Model model) {
        return show(progress.page(reportId), Map.of(), Map.of(), model);
    }

    @PostMapping("/reports/{reportId}/progress")
    String save(@PathVariable Long reportId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            progress.save(reportId, form);
        } catch (ProgressRefusedException refused) {
            response.setStatus(refused.problems().containsKey("report") ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            return show(progress.page(reportId), form, refused.problems(), model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reports/" + reportId + "/progress";
    }

    private String show(ReportProgress.Page page, Map<String, String> typed, Map<String, String> problems,
            Model model) {
        model.addAttribute("page", page);
        model.addAttribute("report", page.report());
        model.addAttribute("reportTitle", page.report().title(LocaleContextHolder.getLocale()));
        model.addAttribute("states", Arrays.asList(MilestoneState.values()));
        model.addAttribute("typed", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("refused", !problems.isEmpty() && !problems.containsKey("report"));
        model.addAttribute("today", zone.today());
        model.addAttribute("taskUrl", returnTo.tasklistUrl(page.processInstanceId(), page.report().institution()));
        return "report/progress";
    }
}
