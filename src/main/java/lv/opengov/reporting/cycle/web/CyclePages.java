package lv.opengov.reporting.cycle.web;

import lv.opengov.reporting.cycle.CycleMails;
import lv.opengov.reporting.cycle.CycleProgress;
import lv.opengov.reporting.cycle.CycleTimeline;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.ReportingCycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lv.opengov.reporting.evidence.EvidenceQuery;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.report.MeasureReport;
import lv.opengov.reporting.report.ReportAnswers;
import lv.opengov.reporting.report.ReportRevision;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ContributionService;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.common.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The coordinators' and the board's pages of a cycle: its progress, each measure's report with its
 * revisions, and the consolidated report. Institution users see their own institutions' measures.
 * Every page reads with a fixed number of statements, whatever the number of measures.
 */
@Controller
class CyclePages {

    private final CycleQuery cycles;
    private final CycleSchedule schedule;
    private final ReportService reports;
    private final PlanService plan;
    private final Outbox outbox;
    private final CycleTimeline timeline;
    private final Access access;
    private final ContributionService contributions;
    private final EvidenceQuery evidence;
    private final lv.opengov.reporting.report.ProgressQuery progress;

    CyclePages(CycleQuery cycles, CycleSchedule schedule, ReportService reports, PlanService plan, Outbox outbox,
            CycleTimeline timeline, Access access, ContributionService contributions, EvidenceQuery evidence,
            lv.opengov.reporting.report.ProgressQuery progress) {
        this.progress = progress;
        this.contributions = contributions;
        this.evidence = evidence;
        this.cycles = cycles;
        this.schedule = schedule;
        this.reports = reports;
        this.plan = plan;
        this.outbox = outbox;
        this.timeline = timeline;
        this.access = access;
    }

    /** A revision with what changed since the one before. */
    public record RevisionView(ReportRevision revision, List<ReportAnswers.Change> changes) {
    }

    @GetMapping("/cycles")
    String list(Model model) {
        model.addAttribute("cycles", cycles.list());
        return "cycle/list";
    }

    @GetMapping("/cycles/{id}")
    String cycle(@PathVariable Long id, Model model) {
        ReportingCycle cycle = cycles.find(id);
        var locale = LocaleContextHolder.getLocale();
        LocalDate today = schedule.today();
        List<MailMessage> mails = access.isCoordinator() ? outbox.listForCycle(id) : List.of();
        List<ReportRow> rows = cycles.rows(cycle, access.visibleInstitutions());
        CycleProgress progress = CycleProgress.of(rows, plan.institutionsByCode(), plan.commitmentsByNumber(),
                CycleMails.remindersByInstitution(mails), today, locale);
        model.addAttribute("cycle", cycle);
        model.addAttribute("total", progress.total());
        model.addAttribute("states", progress.states());
        model.addAttribute("completions", progress.completions());
        model.addAttribute("maxCompletion", progress.maxCompletion());
        model.addAttribute("acceptedPercent", progress.acceptedPercent());
        model.addAttribute("submittedPercent", progress.submittedPercent());
        model.addAttribute("byCommitment", progress.byCommitment());
        model.addAttribute("overdue", progress.overdue());
        model.addAttribute("institutions", progress.institutions());
        model.addAttribute("timeline", timeline.of(cycle, today, locale));
        model.addAttribute("mails", mails);
        // what of them is late, told from the list itself (coordinators only, as the list is)
        model.addAttribute("mailDelay", outbox.delayOf(mails));
        List<lv.opengov.reporting.report.ContributionRow> contributed = contributions.rows(id);
        model.addAttribute("contributions", ContributionCounts.of(contributed, today));
        // money planned against spent, for those who see every measure: submitted and accepted reports count
        model.addAttribute("funding", access.visibleInstitutions() != null ? null
                : lv.opengov.reporting.plan.FundingOverview.of(plan.fundingLines(),
                        lv.opengov.reporting.report.ReportSpending.byMeasureOfRows(rows, contributed)));
        // milestones past their due date and neither done nor dropped, of the measures the user sees
        java.util.Set<Long> visible = rows.stream().map(ReportRow::reportId).collect(java.util.stream.Collectors.toSet());
        model.addAttribute("overdueMilestones", this.progress.overdueMilestones(id, visible, today));
        // every indicator of the measures the user sees, with the value its report gives
        model.addAttribute("indicators", this.progress.indicatorsOfCycle(id).values().stream().flatMap(List::stream)
                .filter(i -> visible.contains(i.reportId())).toList());
        model.addAttribute("today", today);
        return "cycle/page";
    }

    @GetMapping("/cycles/{id}/measures/{code}")
    String measure(@PathVariable Long id, @PathVariable String code, Model model) {
        ReportingCycle cycle = cycles.find(id);
        ReportRow row = cycles.rows(cycle, access.visibleInstitutions()).stream()
                .filter(r -> r.measureCode().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("No measure " + code + " in cycle " + id));
        var locale = LocaleContextHolder.getLocale();
        MeasureReport report = reports.find(row.reportId()).orElseThrow();
        List<ReportRevision> revisions = reports.revisions(row.reportId());
        List<RevisionView> views = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            views.add(new RevisionView(revisions.get(i), i == 0 ? List.of()
                    : revisions.get(i).getAnswers().changesSince(revisions.get(i - 1).getAnswers())));
        }
        java.util.Collections.reverse(views);
        model.addAttribute("cycle", cycle);
        model.addAttribute("row", row);
        model.addAttribute("measureTitle", row.title(locale));
        model.addAttribute("institutionName", plan.institutionsByCode().get(row.institution()).name(locale));
        model.addAttribute("report", report);
        model.addAttribute("revisions", views);
        model.addAttribute("contributions", contributions.rowsOfReport(row.reportId()));
        model.addAttribute("today", schedule.today());
        // the same rule as for the report itself: whoever sees the report sees and downloads its files
        model.addAttribute("files", evidence.files(evidence.report(row.reportId())));
        model.addAttribute("submissions", revisions.size());
        model.addAttribute("milestones", progress.milestonesOfReport(row.reportId()));
        model.addAttribute("indicators", progress.indicatorsOfReport(row.reportId()));
        return "cycle/measure";
    }
}
