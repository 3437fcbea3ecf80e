package lv.opengov.reporting.publication;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.cycle.CycleStatus;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.system.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the public reads without logging in: the published cycles and, for each, every measure's
 * state and completion. No official's name or address appears here.
 */
@Controller
@RequestMapping("/public")
class PublicController {

    private final CycleService cycles;
    private final PlanService plan;

    PublicController(CycleService cycles, PlanService plan) {
        this.cycles = cycles;
        this.plan = plan;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("cycles", cycles.published());
        return "public/index";
    }

    @GetMapping("/cycles/{id}")
    String cycle(@PathVariable Long id, Model model) {
        ReportingCycle cycle = cycles.find(id);
        if (cycle.getStatus() != CycleStatus.PUBLISHED) {
            throw new NotFoundException("Cycle " + id + " is not published");
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Institution> institutions = plan.listInstitutions().stream()
                .collect(Collectors.toMap(Institution::getCode, Function.identity()));
        model.addAttribute("cycle", cycle);
        model.addAttribute("rows", cycles.rows(id, null));
        model.addAttribute("institutions", institutions);
        model.addAttribute("locale", locale);
        return "public/cycle";
    }
}
