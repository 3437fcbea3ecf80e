package lv.opengov.reporting.cycle;

import lv.opengov.reporting.cycle.internal.ReportingCycleRepository;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.plan.MeasureView;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.report.ReportAccepted;
import lv.opengov.reporting.report.ReportProcesses;
import lv.opengov.reporting.report.ReportReturned;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ContributionRole;
import lv.opengov.reporting.report.ContributionRow;
import lv.opengov.reporting.report.ContributionService;
import lv.opengov.reporting.report.ContributionSubmitted;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.report.ReportTasks;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InputDates;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the reporting-cycle process, each called by its delegate or listener in the job or
 * task completion that runs it, and each safe to run twice: opening the reports with invitations,
 * reminders and notices, following the reports' reviews, withdrawing what is still open, publishing.
 */
@Service
@Transactional
public class CycleSteps {

    private final CycleQuery query;
    private final ReportService reports;
    private final ReportProcesses reportProcesses;
    private final PlanService plan;
    private final CycleSchedule schedule;
    private final CycleMails mails;
    private final CycleTimers timers;
    private final LatvianCalendar calendar;
    private final RuntimeService runtimeService;
    private final lv.opengov.reporting.identity.GroupEmails groupEmails;
    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final ContributionService contributions;

    CycleSteps(CycleQuery query, ReportService reports, ReportProcesses reportProcesses, PlanService plan,
            CycleSchedule schedule, CycleMails mails, CycleTimers timers, LatvianCalendar calendar,
            RuntimeService runtimeService, lv.opengov.reporting.identity.GroupEmails groupEmails, Clock clock, AuditLog audit,
            EntityManager entityManager, ContributionService contributions) {
        this.contributions = contributions;
        this.query = query;
        this.reports = reports;
        this.reportProcesses = reportProcesses;
        this.plan = plan;
        this.schedule = schedule;
        this.mails = mails;
        this.timers = timers;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.groupEmails = groupEmails;
        this.clock = clock;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /**
     * Opens one report per measure of the plan, due on the cycle's deadline, and queues one invitation
     * per responsible institution and one copy per co-responsible institution. The process then calls
     * one measure-report process per report, in batches, each batch in a job of its own.
     */
    public void openReports(Long cycleId) {
        ReportingCycle cycle = lock(cycleId);
        if (cycle.getStatus() != CycleStatus.SCHEDULED) {
            return;
        }
        Map<String, Institution> institutions = institutionsByCode();
        List<MeasureView> measures = plan.listMeasures();
        Map<String, Long> measureIds = plan.measureIdsByCode();
        List<ReportService.Opening> openings = new ArrayList<>();
        for (MeasureView measure : measures) {
            openings.add(new ReportService.Opening(measureIds.get(measure.code()),
                    institutions.get(measure.responsible()).getId()));
        }
        reports.openReports(cycleId, openings, cycle.getSubmissionDeadline());
        cycle.opened(clock.instant());
        // written now and let go (the cycle stays locked): each invitation below looks up the outbox,
        // and the session would first check the plan's and the reports' ten thousand entities for
        // changes, once per institution; what follows only reads them
        entityManager.flush();
        entityManager.clear();

        List<ReportRow> rows = CycleQuery.sorted(reports.rows(cycleId));
        Map<String, List<ReportRow>> byInstitution = rows.stream()
                .collect(Collectors.groupingBy(ReportRow::institution, LinkedHashMap::new, Collectors.toList()));
        byInstitution.forEach((code, own) -> mails.invitation(cycle, institutions.get(code), own));

        Map<String, ReportRow> rowByMeasure = rows.stream()
                .collect(Collectors.toMap(ReportRow::measureCode, Function.identity()));
        // each co-responsible institution and other implementer contributes to the report, in a task of its own
        List<ContributionService.Opening> contributing = new ArrayList<>();
        Map<String, List<ReportRow>> shared = new LinkedHashMap<>();
        for (MeasureView measure : measures) {
            ReportRow report = rowByMeasure.get(measure.code());
            for (String partner : measure.contributors()) {
                contributing.add(new ContributionService.Opening(report.reportId(), institutions.get(partner).getId(),
                        measure.coResponsible().contains(partner) ? ContributionRole.CO_RESPONSIBLE
                                : ContributionRole.IMPLEMENTER));
                shared.computeIfAbsent(partner, p -> new ArrayList<>()).add(report);
            }
        }
        LocalDate contributionDue = schedule.contributionDueDate(cycle.getSubmissionDeadline());
        contributions.open(contributing, contributionDue);
        shared.forEach((code, list) -> mails.invitationCopy(cycle, institutions.get(code), list, institutions,
                contributionDue));
    }

    /**
     * Sends what is due on the cycle's next notice date: a reminder digest to each institution with
     * reports still open whose deadline is a reminder's distance away, and an overdue notice to each
     * institution whose reports' deadline was the day before.
     */
    public void sendDueNotices(Long cycleId) {
        ReportingCycle cycle = lock(cycleId);
        LocalDate date = schedule.nextNoticeDate(cycleId).orElse(null);
        // a timer can fire before its date once the deadlines moved, or on a day declared off since
        if (date == null || cycle.getStatus() != CycleStatus.COLLECTING || date.isAfter(schedule.today())
                || !calendar.isWorkingDay(schedule.today())) {
            return;
        }
        Map<String, Institution> institutions = institutionsByCode();
        java.util.Set<LocalDate> dueDates = new java.util.TreeSet<>(reports.openDueDates(cycleId));
        dueDates.addAll(contributions.openDueDates(cycleId));
        List<LocalDate> remindedDeadlines = dueDates.stream()
                .filter(deadline -> schedule.reminderDates(deadline, cycle.getInvitationDate()).contains(date))
                .toList();
        Digests reminders = new Digests(reports.openRowsDueOn(cycleId, remindedDeadlines),
                contributions.openRowsDueOn(cycleId, remindedDeadlines));
        reminders.institutions().forEach(code -> mails.reminder(cycle, institutions.get(code), reminders.rowsOf(code),
                reminders.contributionsOf(code), institutions, date));
        List<LocalDate> overdueDeadlines = dueDates.stream()
                .filter(deadline -> schedule.overdueNoticeDate(deadline).equals(date)).toList();
        Digests overdue = new Digests(reports.openRowsDueOn(cycleId, overdueDeadlines),
                contributions.openRowsDueOn(cycleId, overdueDeadlines));
        overdue.institutions().forEach(code -> mails.overdue(cycle, institutions.get(code), overdue.rowsOf(code),
                overdue.contributionsOf(code), institutions, date));
        cycle.noticesSentFor(date);
    }

    /**
     * After each acceptance, in the transaction of the review: when no report is left to accept, the
     * cycle stops collecting. The cycle's row lock makes the last of two simultaneous acceptances see
     * both.
     */
    @EventListener
    public void onReportAccepted(ReportAccepted accepted) {
        Long cycleId = accepted.cycleId();
        ReportingCycle cycle = lock(cycleId);
        if (reports.countNotAccepted(cycleId) == 0 && cycle.startConsolidation(false)) {
            runtimeService.createMessageCorrelation(ReportingCycleProcess.MESSAGE_REPORTS_COMPLETE)
                    .processInstanceId(cycle.getProcessInstanceId())
                    .correlate();
        }
    }

    /**
     * Records the end of collection: the reports not accepted are withdrawn from the institutions
     * (recorded as missing), and the overview awaits the coordinators' approval.
     */
    public void withdrawOpenReports(Long cycleId) {
        ReportingCycle cycle = lock(cycleId);
        // closed from the follow-up task, the cycle is still collecting
        cycle.startConsolidation(true);
        if (cycle.getStatus() != CycleStatus.CONSOLIDATING) {
            return;
        }
        reportProcesses.withdrawOpen(cycleId);
        cycle.consolidated(clock.instant());
    }

    /** Publishes the approved overview and tells the board. */
    public void publish(Long cycleId, String approvedEarlierBy) {
        ReportingCycle cycle = lock(cycleId);
        if (cycle.getStatus() != CycleStatus.AWAITING_APPROVAL) {
            return;
        }
        if (cycle.getApprovedBy() == null) {
            cycle.approved(approvedEarlierBy);
        }
        cycle.published(clock.instant());
        audit.record(AuditAction.CYCLE_PUBLISHED, cycle.getApprovedBy(), cycleId, null, null, cycle.getName(), null);
        Map<ReportState, Long> counts = reports.countByState(cycleId);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        mails.published(cycle, groupEmails.of(lv.opengov.reporting.identity.Groups.BOARD), counts.get(ReportState.ACCEPTED), total);
    }

    /**
     * After each return, in the transaction of the review: sends the institution the reviewer's
     * comment. A notice queued before for the same revision is not queued again.
     */
    @EventListener
    public void onReportReturned(ReportReturned returned) {
        ReportingCycle cycle = lock(returned.cycleId());
        ReportRow row = reports.row(returned.reportId());
        mails.returned(cycle, plan.findInstitution(row.institution()).orElseThrow(), row,
                returned.reviewComment(), returned.revision());
        // a report returned after the last notice brings the reminders and notices back
        timers.rescheduleCycle(cycle);
    }

    /**
     * A contribution sent: the notice dates it owed are no longer due, so the waiting notice timer
     * moves to what is still owed. The cycle's row lock orders contributions sent at the same time.
     */
    @EventListener
    public void onContributionSubmitted(ContributionSubmitted submitted) {
        timers.rescheduleCycle(lock(submitted.cycleId()));
    }

    /** The follow-up task closed the collection: the cycle stops collecting in the same transaction. */
    public void closeFromFollowUp(Long cycleId) {
        ReportingCycle cycle = lock(cycleId);
        if (cycle.startConsolidation(true)) {
            audit.record(AuditAction.CYCLE_CLOSED, null, cycleId, null, null, cycle.getName(), "follow-up task");
        }
    }

    /**
     * The approval of the overview opened (again): a cycle whose corrections were all accepted awaits
     * approval once more.
     */
    public void approvalOpened(Long cycleId) {
        lock(cycleId).corrected();
    }

    /**
     * The coordinator sent reports back from the approval: each returns to its institution with the
     * comment (and the mail a reviewer's return sends), due the configured working days from today, and
     * the cycle collects their corrections. All or nothing.
     */
    public void sendBack(Long cycleId, java.util.Collection<String> measureCodes, String comment, String userId) {
        ReportingCycle cycle = lock(cycleId);
        if (cycle.getStatus() != CycleStatus.AWAITING_APPROVAL) {
            throw new IllegalStateException("Cycle " + cycleId + " is not awaiting approval: " + cycle.getStatus());
        }
        cycle.sentBackForCorrection();
        reports.sendBack(cycleId, measureCodes, comment, userId, schedule.correctionDueDate());
        audit.record(AuditAction.CYCLE_SENT_BACK, userId, cycleId, null, null, cycle.getName(),
                String.join(", ", measureCodes) + ": " + comment);
    }

    /**
     * Reminds every coordinator of the overview's approval on its due day, or tells them it is overdue
     * the working day after; once for each due date, and not when the approval is no longer open.
     */
    public void remindApprovers(Long cycleId, boolean overdue) {
        ReportingCycle cycle = lock(cycleId);
        if (cycle.getStatus() != CycleStatus.AWAITING_APPROVAL || cycle.getApprovalDueDate() == null) {
            return;
        }
        mails.approvalDue(cycle, groupEmails.of(lv.opengov.reporting.identity.Groups.COORDINATORS), overdue);
    }

    /** The coordinators approved the overview (approve-consolidation completed); it is published next. */
    public void recordApproval(Long cycleId, String userId) {
        ReportingCycle cycle = lock(cycleId);
        cycle.approved(userId);
        audit.record(AuditAction.CYCLE_APPROVED, userId, cycleId, null, null, cycle.getName(), null);
    }

    private ReportingCycle lock(Long cycleId) {
        return query.locked(cycleId);
    }

    private Map<String, Institution> institutionsByCode() {
        return plan.listInstitutions().stream().collect(Collectors.toMap(Institution::getCode, Function.identity()));
    }

    /** What one notice date owes each institution: its own reports and its contributions to others'. */
    private record Digests(List<ReportRow> rows, List<ContributionRow> contributions) {

        java.util.SortedSet<String> institutions() {
            java.util.SortedSet<String> codes = new java.util.TreeSet<>();
            rows.forEach(r -> codes.add(r.institution()));
            contributions.forEach(c -> codes.add(c.contributor()));
            return codes;
        }

        List<ReportRow> rowsOf(String code) {
            return rows.stream().filter(r -> r.institution().equals(code)).toList();
        }

        List<ContributionRow> contributionsOf(String code) {
            return contributions.stream().filter(c -> c.contributor().equals(code)).toList();
        }
    }

}
