package lv.opengov.reporting.cycle.web;

import lv.opengov.reporting.cycle.CycleMails;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.cycle.ReportingCycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.Commitment;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.report.Completion;
import lv.opengov.reporting.report.MeasureReport;
import lv.opengov.reporting.report.ReportRevision;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
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

    private final CycleService cycles;
    private final CycleSchedule schedule;
    private final ReportService reports;
    private final PlanService plan;
    private final Outbox outbox;
    private final LatvianCalendar calendar;
    private final Access access;

    CyclePages(CycleService cycles, CycleSchedule schedule, ReportService reports, PlanService plan, Outbox outbox,
            LatvianCalendar calendar, Access access) {
        this.cycles = cycles;
        this.schedule = schedule;
        this.reports = reports;
        this.plan = plan;
        this.outbox = outbox;
        this.calendar = calendar;
        this.access = access;
    }

    /** A measure's line on the cycle page. */
    public record Line(ReportRow row, String title, String institutionName, long daysOverdue) {
    }

    /** One institution's counts. */
    public record InstitutionLine(String code, String name, long open, long submitted, long accepted,
            long remindersSent) {
    }

    /** A date of the cycle's timeline. */
    public record Moment(LocalDate date, String what, boolean past, String note) {
    }

    /** What changed from one revision to the next. */
    public record Change(String field, String before, String after) {
    }

    /** A revision with what changed since the one before. */
    public record RevisionView(ReportRevision revision, List<Change> changes) {
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
        List<ReportRow> rows = visible(id);
        Map<String, Institution> institutions = plan.institutionsByCode();
        Map<Integer, Commitment> commitments = plan.commitmentsByNumber();

        Map<Commitment, List<Line>> byCommitment = new LinkedHashMap<>();
        List<Line> overdue = new ArrayList<>();
        Map<ReportState, Long> states = new EnumMap<>(ReportState.class);
        Map<Completion, Long> completions = new EnumMap<>(Completion.class);
        for (ReportState state : ReportState.values()) {
            states.put(state, 0L);
        }
        for (Completion completion : Completion.values()) {
            completions.put(completion, 0L);
        }
        for (ReportRow row : rows) {
            long late = row.isOverdue(today) ? ChronoUnit.DAYS.between(row.dueDate(), today) : 0;
            Line line = new Line(row, row.title(locale), institutions.get(row.institution()).name(locale), late);
            byCommitment.computeIfAbsent(commitments.get(row.commitment()), c -> new ArrayList<>()).add(line);
            if (late > 0) {
                overdue.add(line);
            }
            states.merge(row.state(), 1L, Long::sum);
            if (row.completion() != null && row.state() != ReportState.AWAITING) {
                completions.merge(row.completion(), 1L, Long::sum);
            }
        }

        List<MailMessage> mails = access.isCoordinator() ? outbox.listForCycle(id) : List.of();
        Map<String, Long> reminders = CycleMails.remindersByInstitution(mails);
        // one pass over the rows: open, submitted and accepted per institution
        Map<String, long[]> counts = new java.util.TreeMap<>();
        for (ReportRow row : rows) {
            long[] c = counts.computeIfAbsent(row.institution(), code -> new long[3]);
            c[row.state().isOpenForInstitution() ? 0 : row.state() == ReportState.SUBMITTED ? 1 : 2]++;
        }
        List<InstitutionLine> perInstitution = new ArrayList<>();
        counts.forEach((code, c) -> perInstitution.add(new InstitutionLine(code, institutions.get(code).name(locale),
                c[0], c[1], c[2], reminders.getOrDefault(code, 0L))));

        long total = rows.size();
        model.addAttribute("cycle", cycle);
        model.addAttribute("total", total);
        model.addAttribute("states", byName(states));
        model.addAttribute("completions", byName(completions));
        model.addAttribute("maxCompletion", Math.max(1, completions.values().stream().mapToLong(Long::longValue).max().orElse(1)));
        model.addAttribute("acceptedPercent", total == 0 ? 0 : 100 * states.get(ReportState.ACCEPTED) / total);
        model.addAttribute("submittedPercent", total == 0 ? 0 : 100 * states.get(ReportState.SUBMITTED) / total);
        model.addAttribute("byCommitment", byCommitment);
        model.addAttribute("overdue", overdue);
        model.addAttribute("institutions", perInstitution);
        model.addAttribute("timeline", timeline(cycle, today, locale));
        model.addAttribute("mails", mails);
        return "cycle/page";
    }

    @GetMapping("/cycles/{id}/measures/{code}")
    String measure(@PathVariable Long id, @PathVariable String code, Model model) {
        ReportingCycle cycle = cycles.find(id);
        ReportRow row = visible(id).stream().filter(r -> r.measureCode().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("No measure " + code + " in cycle " + id));
        var locale = LocaleContextHolder.getLocale();
        MeasureReport report = reports.find(row.reportId()).orElseThrow();
        List<ReportRevision> revisions = reports.revisions(row.reportId());
        List<RevisionView> views = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            views.add(new RevisionView(revisions.get(i), i == 0 ? List.of() : changes(revisions.get(i - 1), revisions.get(i))));
        }
        java.util.Collections.reverse(views);
        model.addAttribute("cycle", cycle);
        model.addAttribute("row", row);
        model.addAttribute("title", row.title(locale));
        model.addAttribute("institutionName", plan.institutionsByCode().get(row.institution()).name(locale));
        model.addAttribute("report", report);
        model.addAttribute("revisions", views);
        return "cycle/measure";
    }

    /** Counts keyed by the constant's name, which templates can index. */
    private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((key, value) -> result.put(key.name(), value));
        return result;
    }

    private List<ReportRow> visible(Long cycleId) {
        List<String> only = access.visibleInstitutions();
        return cycles.rows(cycleId, only);
    }

    private List<Moment> timeline(ReportingCycle cycle, LocalDate today, java.util.Locale locale) {
        List<Moment> moments = new ArrayList<>();
        LocalDate invitation = schedule.invitationDay(cycle.getInvitationDate());
        moments.add(new Moment(invitation, "invitation", !invitation.isAfter(today),
                invitation.equals(cycle.getInvitationDate()) ? null
                        : calendar.explainMove(cycle.getInvitationDate(), invitation, locale)));
        for (LocalDate reminder : cycles.reminderDates(cycle)) {
            moments.add(new Moment(reminder, "reminder", !reminder.isAfter(today), null));
        }
        moments.add(new Moment(cycle.getSubmissionDeadline(), "deadline", !cycle.getSubmissionDeadline().isAfter(today),
                cycle.getRequestedSubmissionDeadline().equals(cycle.getSubmissionDeadline()) ? null
                        : calendar.explainMove(cycle.getRequestedSubmissionDeadline(), cycle.getSubmissionDeadline(), locale)));
        LocalDate overdue = schedule.overdueNoticeDate(cycle.getSubmissionDeadline());
        moments.add(new Moment(overdue, "overdue", !overdue.isAfter(today), null));
        moments.add(new Moment(cycle.getLegalDeadline(), "legal", !cycle.getLegalDeadline().isAfter(today),
                cycle.getRequestedLegalDeadline().equals(cycle.getLegalDeadline()) ? null
                        : calendar.explainMove(cycle.getRequestedLegalDeadline(), cycle.getLegalDeadline(), locale)));
        return moments;
    }

    private static List<Change> changes(ReportRevision before, ReportRevision after) {
        List<Change> changes = new ArrayList<>();
        compare(changes, "completion", String.valueOf(before.getCompletion()), String.valueOf(after.getCompletion()));
        compare(changes, "progress", before.getProgress(), after.getProgress());
        compare(changes, "challenges", before.getChallenges(), after.getChallenges());
        compare(changes, "nextSteps", before.getNextSteps(), after.getNextSteps());
        compare(changes, "fundsSpentEur", Objects.toString(before.getFundsSpentEur(), null),
                Objects.toString(after.getFundsSpentEur(), null));
        compare(changes, "evidenceLinks", before.getEvidenceLinks(), after.getEvidenceLinks());
        return changes;
    }

    private static void compare(List<Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after));
        }
    }
}
