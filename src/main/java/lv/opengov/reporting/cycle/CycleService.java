package lv.opengov.reporting.cycle;

import lv.opengov.reporting.cycle.internal.ReportingCycleRepository;

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
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.report.ReportTasks;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InputDates;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting cycles: starting one, the steps its process takes (opening reports with invitations,
 * reminders and notices, withdrawal of the reports still open, publication), how it follows its
 * reports' reviews, and what coordinators do to it (extend, close).
 */
@Service
@Transactional
public class CycleService {

    private final ReportingCycleRepository cycles;
    private final ReportService reports;
    private final ReportTasks reportTasks;
    private final ReportProcesses reportProcesses;
    private final PlanService plan;
    private final CycleSchedule schedule;
    private final CycleMails mails;
    private final CycleTimers timers;
    private final LatvianCalendar calendar;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditLog audit;

    CycleService(ReportingCycleRepository cycles, ReportService reports, ReportTasks reportTasks,
            ReportProcesses reportProcesses, PlanService plan, CycleSchedule schedule, CycleMails mails,
            CycleTimers timers, LatvianCalendar calendar, RuntimeService runtimeService,
            IdentityService identityService, MessageSource messages, Clock clock, AuditLog audit) {
        this.cycles = cycles;
        this.reports = reports;
        this.reportTasks = reportTasks;
        this.reportProcesses = reportProcesses;
        this.plan = plan;
        this.schedule = schedule;
        this.mails = mails;
        this.timers = timers;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.messages = messages;
        this.clock = clock;
        this.audit = audit;
    }

    // --- starting -----------------------------------------------------------------------------

    /** Checks the request, records the cycle and starts its process, all in one transaction. */
    public ReportingCycle start(CycleRequest request, String userId) {
        ReportingCycle cycle = register(request, userId);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ReportingCycleProcess.KEY,
                cycle.getId().toString(), Map.of(ReportingCycleProcess.VAR_CYCLE_ID, cycle.getId()));
        cycle.started(instance.getId());
        return cycle;
    }

    /** Records a cycle whose process was started from Tasklist's start form. */
    ReportingCycle registerStarted(CycleRequest request, String userId, String processInstanceId) {
        ReportingCycle cycle = register(request, userId);
        cycle.started(processInstanceId);
        return cycle;
    }

    private ReportingCycle register(CycleRequest request, String userId) {
        CycleRequest.Valid valid = validate(request);
        ReportingCycle cycle = cycles.save(new ReportingCycle(valid, userId, clock.instant()));
        audit.record(AuditAction.CYCLE_STARTED, userId, cycle.getId(), null, null, cycle.getName(),
                cycle.getPeriodFrom() + " – " + cycle.getPeriodTo() + ", deadline " + cycle.getSubmissionDeadline());
        return cycle;
    }

    CycleRequest.Valid validate(CycleRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty()) {
            problems.add(problem("name", "cycle.required"));
        } else if (name.length() > 200) {
            problems.add(problem("name", "cycle.name.too-long"));
        } else if (lv.opengov.reporting.common.TextRules.unsafeForOneLine(name)) {
            // the name goes into mail subjects and pages: no line breaks, control characters or markup
            problems.add(problem("name", "cycle.name.invalid"));
        }
        LocalDate periodFrom = date("periodFrom", request.periodFrom(), problems);
        LocalDate periodTo = date("periodTo", request.periodTo(), problems);
        LocalDate invitation = date("invitationDate", request.invitationDate(), problems);
        LocalDate deadline = date("submissionDeadline", request.submissionDeadline(), problems);
        LocalDate legal = date("legalDeadline", request.legalDeadline(), problems);
        LocalDate today = schedule.today();
        if (periodFrom != null && periodTo != null && periodTo.isBefore(periodFrom)) {
            problems.add(problem("periodTo", "cycle.period.order", periodFrom));
        }
        for (Map.Entry<String, LocalDate> date : Map.of("invitationDate", nullSafe(invitation),
                "submissionDeadline", nullSafe(deadline), "legalDeadline", nullSafe(legal)).entrySet()) {
            if (date.getValue() != LocalDate.MAX && date.getValue().isBefore(today)) {
                problems.add(problem(date.getKey(), "cycle.date.past", date.getValue()));
            }
        }
        if (invitation != null && deadline != null && invitation.isAfter(deadline)) {
            problems.add(problem("invitationDate", "cycle.invitation.after-deadline", deadline));
        }
        if (deadline != null && legal != null && deadline.isAfter(legal)) {
            problems.add(problem("submissionDeadline", "cycle.deadline.after-legal", legal));
        }
        if (periodFrom != null && periodTo != null) {
            cycles.findFirstByPeriodFromAndPeriodToAndStatusIn(periodFrom, periodTo, CycleStatus.ACTIVE)
                    .ifPresent(c -> problems.add(problem("periodFrom", "cycle.period.active", c.getId())));
        }
        if (problems.isEmpty() && Boolean.FALSE.equals(request.acceptMovedDates())) {
            // from the start form: a date on a day off is pointed out before the cycle starts
            Map<String, LocalDate> asked = new LinkedHashMap<>();
            asked.put("invitationDate", invitation);
            asked.put("submissionDeadline", deadline);
            asked.put("legalDeadline", legal);
            asked.forEach((field, date) -> calendar.whyNotWorking(date, LocaleContextHolder.getLocale())
                    .ifPresent(why -> problems.add(problem(field, "cycle.day-off.confirm", date, why,
                            calendar.onOrAfter(date)))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid cycle", problems);
        }
        return new CycleRequest.Valid(name, periodFrom, periodTo, invitation, calendar.deadline(deadline),
                calendar.deadline(legal), deadline, legal);
    }

    // --- the process's steps --------------------------------------------------------------------

    /**
     * Opens one report per measure of the plan, due on the cycle's deadline, and queues one invitation
     * per responsible institution and one copy per co-responsible institution. The process then calls
     * one measure-report process per report, each started in a job of its own.
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

        List<ReportRow> rows = sorted(reports.rows(cycleId));
        Map<String, List<ReportRow>> byInstitution = rows.stream()
                .collect(Collectors.groupingBy(ReportRow::institution, LinkedHashMap::new, Collectors.toList()));
        byInstitution.forEach((code, own) -> mails.invitation(cycle, institutions.get(code), own));

        Map<String, ReportRow> rowByMeasure = rows.stream()
                .collect(Collectors.toMap(ReportRow::measureCode, Function.identity()));
        Map<String, List<ReportRow>> shared = new LinkedHashMap<>();
        for (MeasureView measure : measures) {
            for (String partner : measure.coResponsible()) {
                shared.computeIfAbsent(partner, p -> new ArrayList<>()).add(rowByMeasure.get(measure.code()));
            }
        }
        shared.forEach((code, list) -> mails.invitationCopy(cycle, institutions.get(code), list, institutions));
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
        List<LocalDate> remindedDeadlines = new ArrayList<>();
        for (LocalDate deadline : reports.openDueDates(cycleId)) {
            if (schedule.reminderDates(deadline, cycle.getInvitationDate()).contains(date)) {
                remindedDeadlines.add(deadline);
            }
        }
        byInstitution(reports.openRowsDueOn(cycleId, remindedDeadlines))
                .forEach((code, rows) -> mails.reminder(cycle, institutions.get(code), rows, date));
        List<LocalDate> overdueDeadlines = reports.openDueDates(cycleId).stream()
                .filter(deadline -> schedule.overdueNoticeDate(deadline).equals(date)).toList();
        byInstitution(reports.openRowsDueOn(cycleId, overdueDeadlines))
                .forEach((code, rows) -> mails.overdue(cycle, institutions.get(code), rows, date));
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

    /** A coordinator closes the cycle with the reports accepted so far; the rest are recorded as missing. */
    public ReportingCycle close(Long cycleId) {
        ReportingCycle cycle = lock(cycleId);
        if (!cycle.startConsolidation(true)) {
            throw new InvalidInputException("not collecting", List.of(problem("status", "cycle.not-collecting",
                    cycleId, cycle.getStatus())));
        }
        audit.record(AuditAction.CYCLE_CLOSED, null, cycleId, null, null, cycle.getName(), null);
        runtimeService.createMessageCorrelation(ReportingCycleProcess.MESSAGE_CYCLE_CLOSED)
                .processInstanceId(cycle.getProcessInstanceId())
                .correlate();
        return cycle;
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
    public void publish(Long cycleId, String approvedBy) {
        ReportingCycle cycle = lock(cycleId);
        if (cycle.getStatus() != CycleStatus.AWAITING_APPROVAL) {
            return;
        }
        cycle.published(approvedBy, clock.instant());
        audit.record(AuditAction.CYCLE_PUBLISHED, approvedBy, cycleId, null, null, cycle.getName(), null);
        Map<ReportState, Long> counts = reports.countByState(cycleId);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<String> board = identityService.createUserQuery().memberOfGroup(lv.opengov.reporting.identity.Groups.BOARD)
                .list().stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).sorted().toList();
        mails.published(cycle, board, counts.get(ReportState.ACCEPTED), total);
    }

    /**
     * After each return, in the transaction of the review: sends the institution the reviewer's
     * comment. A notice queued before for the same revision is not queued again.
     */
    @EventListener
    public void onReportReturned(ReportReturned returned) {
        ReportingCycle cycle = find(returned.cycleId());
        ReportRow row = reports.row(returned.reportId());
        mails.returned(cycle, institutionsByCode().get(row.institution()), row, returned.reviewComment(),
                returned.revision());
        // a report returned after the last notice brings the reminders and notices back
        timers.rescheduleCycle(lock(returned.cycleId()));
    }

    /** The follow-up task closed the collection: the cycle stops collecting in the same transaction. */
    public void closeFromFollowUp(Long cycleId) {
        ReportingCycle cycle = lock(cycleId);
        if (cycle.startConsolidation(true)) {
            audit.record(AuditAction.CYCLE_CLOSED, null, cycleId, null, null, cycle.getName(), "follow-up task");
        }
    }

    /** The coordinators approved the overview (approve-consolidation completed); it is published next. */
    public void recordApproval(Long cycleId, String userId) {
        audit.record(AuditAction.CYCLE_APPROVED, userId, cycleId, null, null, find(cycleId).getName(), null);
    }

    /** The reports still owed, as a line each, for the coordinators' follow-up task. */
    @Transactional(readOnly = true)
    public List<ReportRow> missing(Long cycleId) {
        return sorted(reports.rows(cycleId)).stream().filter(r -> r.state() != ReportState.ACCEPTED).toList();
    }

    // --- coordinators' changes ------------------------------------------------------------------

    /**
     * Moves the deadline of the whole cycle (measureCode null) or of one measure's report. The reports
     * and their open tasks get the new due date ({@link ReportTasks#extend}); the process's timers
     * follow ({@link CycleTimers}).
     */
    public ReportingCycle extend(Long cycleId, String measureCode, String newDeadline) {
        ReportingCycle cycle = lock(cycleId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate deadline = date("submissionDeadline", newDeadline, problems);
        if (cycle.getStatus() != CycleStatus.COLLECTING && cycle.getStatus() != CycleStatus.SCHEDULED) {
            problems.add(problem("status", "cycle.not-collecting", cycleId, cycle.getStatus()));
        }
        if (deadline != null && deadline.isBefore(schedule.today())) {
            problems.add(problem("submissionDeadline", "cycle.extend.before-today"));
        }
        if (deadline != null && deadline.isBefore(cycle.getInvitationDate())) {
            problems.add(problem("submissionDeadline", "cycle.invitation.after-deadline", deadline));
        }
        if (deadline != null && deadline.isAfter(cycle.getLegalDeadline())) {
            problems.add(problem("submissionDeadline", "cycle.extend.after-legal", cycle.getLegalDeadline()));
        }
        Long measureId = null;
        if (measureCode != null) {
            measureId = plan.measureIdsByCode().get(measureCode);
            if (measureId == null || cycle.getStatus() == CycleStatus.SCHEDULED
                    || reports.rows(cycleId).stream().noneMatch(r -> r.measureCode().equals(measureCode))) {
                problems.add(problem("measureCode", "cycle.measure.unknown", cycleId, measureCode));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid extension", problems);
        }
        LocalDate requested = deadline;
        deadline = calendar.deadline(requested);
        if (deadline.isAfter(cycle.getLegalDeadline())) {
            throw new InvalidInputException("invalid extension", List.of(problem("submissionDeadline",
                    "cycle.extend.after-legal", cycle.getLegalDeadline())));
        }
        if (measureCode == null) {
            cycle.extendTo(requested, deadline);
        }
        reportTasks.extend(cycleId, measureId, deadline);
        audit.record(AuditAction.DEADLINE_EXTENDED, null, cycleId, measureCode, measureCode == null ? null
                : reports.rowForBusinessKey(MeasureReportProcess.businessKey(cycleId, measureCode)).institution(), cycle.getName(),
                "submission deadline " + deadline + (deadline.equals(requested) ? "" : " (asked " + requested + ")"));
        timers.rescheduleCycle(cycle);
        return cycle;
    }

    // --- reading --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ReportingCycle> list() {
        return cycles.findAllByOrderByCreatedAtDesc();
    }

    @Transactional(readOnly = true)
    public List<ReportingCycle> published() {
        return cycles.findByStatusOrderByPublishedAtDesc(CycleStatus.PUBLISHED);
    }

    /** Each measure's completion in the latest published cycle that accepted a report on it. */
    @Transactional(readOnly = true)
    public Map<String, LatestCompletion> latestCompletions() {
        Map<String, LatestCompletion> latest = new LinkedHashMap<>();
        for (ReportingCycle cycle : published()) {
            for (ReportRow row : reports.rows(cycle.getId())) {
                if (row.state() == ReportState.ACCEPTED && row.completion() != null) {
                    latest.putIfAbsent(row.measureCode(), new LatestCompletion(row.completion(), cycle.getId(),
                            cycle.getName(), cycle.getPeriodTo()));
                }
            }
        }
        return latest;
    }

    /** A measure's completion as last published. */
    public record LatestCompletion(lv.opengov.reporting.report.Completion completion, Long cycleId, String cycleName,
            LocalDate periodTo) {
    }

    @Transactional(readOnly = true)
    public List<ReportingCycle> collecting() {
        return cycles.findByStatus(CycleStatus.COLLECTING);
    }

    @Transactional(readOnly = true)
    public ReportingCycle find(Long cycleId) {
        return cycles.findById(cycleId).orElseThrow(() -> new NotFoundException(
                messages.getMessage("cycle.not-found", new Object[] {cycleId}, LocaleContextHolder.getLocale())));
    }

    /** The reports of the cycle, in plan order; for institution users only their own institutions'. */
    @Transactional(readOnly = true)
    public List<ReportRow> rows(Long cycleId, List<String> onlyInstitutions) {
        find(cycleId);
        return sorted(reports.rows(cycleId)).stream()
                .filter(r -> onlyInstitutions == null || onlyInstitutions.contains(r.institution()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Map<ReportState, Long> counts(Long cycleId) {
        return reports.countByState(cycleId);
    }

    public List<LocalDate> reminderDates(ReportingCycle cycle) {
        return schedule.reminderDates(cycle.getSubmissionDeadline(), cycle.getInvitationDate());
    }

    // --- helpers --------------------------------------------------------------------------------

    private ReportingCycle lock(Long cycleId) {
        return cycles.lockById(cycleId).orElseThrow(() -> new NotFoundException(
                messages.getMessage("cycle.not-found", new Object[] {cycleId}, LocaleContextHolder.getLocale())));
    }

    private Map<String, Institution> institutionsByCode() {
        return plan.listInstitutions().stream().collect(Collectors.toMap(Institution::getCode, Function.identity()));
    }

    private static Map<String, List<ReportRow>> byInstitution(List<ReportRow> rows) {
        return sorted(rows).stream()
                .collect(Collectors.groupingBy(ReportRow::institution, LinkedHashMap::new, Collectors.toList()));
    }

    static List<ReportRow> sorted(List<ReportRow> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(ReportRow::measureCode,
                PlanService.MEASURE_CODE_ORDER)).toList();
    }

    private LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "cycle.required"));
            return null;
        }
        return InputDates.read(field, value, problems, messages);
    }

    private static LocalDate nullSafe(LocalDate date) {
        return date == null ? LocalDate.MAX : date;
    }

    private FieldProblem problem(String field, String code, Object... args) {
        return new FieldProblem(field, messages.getMessage(code, args, LocaleContextHolder.getLocale()));
    }
}
