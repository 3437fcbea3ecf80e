package lv.opengov.reporting.cycle.web;

import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.ReportingCycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportState;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page of institution users and reviewers: the reports of the cycles now collecting that
 * are theirs to work on, with the way into Tasklist.
 */
@Controller
class MyReportsPages {

    private final CycleQuery cycles;
    private final CycleSchedule schedule;
    private final Access access;

    MyReportsPages(CycleQuery cycles, CycleSchedule schedule, Access access) {
        this.cycles = cycles;
        this.schedule = schedule;
        this.access = access;
    }

    /** A report on the start page. */
    public record Item(ReportingCycle cycle, ReportRow row, String title, boolean overdue) {
    }

    @GetMapping("/my")
    String my(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean reviewer = access.groupIds().contains(lv.opengov.reporting.identity.Groups.REVIEWERS);
        List<String> institutions = access.institutionCodes();
        List<Item> toSubmit = new ArrayList<>();
        List<Item> toReview = new ArrayList<>();
        List<Item> done = new ArrayList<>();
        for (ReportingCycle cycle : cycles.collecting()) {
            for (ReportRow row : cycles.rows(cycle.getId(), reviewer ? null : institutions)) {
                Item item = new Item(cycle, row, row.title(locale), row.isOverdue(schedule.today()));
                if (!reviewer && row.state().isOpenForInstitution()) {
                    toSubmit.add(item);
                } else if (reviewer && row.state() == ReportState.SUBMITTED) {
                    toReview.add(item);
                } else if (!reviewer) {
                    done.add(item);
                }
            }
        }
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("institutions", institutions);
        model.addAttribute("toSubmit", toSubmit);
        model.addAttribute("toReview", toReview);
        model.addAttribute("done", done);
        return "cycle/my";
    }
}
