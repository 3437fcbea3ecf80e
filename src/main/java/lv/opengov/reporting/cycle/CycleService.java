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
 * What coordinators do to reporting cycles: start one (checked against the calendar and the cycles
 * already running), move its deadline, close it early. Each command is one transaction.
 */
@Service
@Transactional
public class CycleService {

    private final ReportingCycleRepository cycles;
    private final CycleQuery query;
    private final ReportService reports;
    private final ReportTasks reportTasks;
    private final PlanService plan;
    private final CycleSchedule schedule;
    private final CycleTimers timers;
    private final LatvianCalendar calendar;
    private final RuntimeService runtimeService;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditLog audit;
    private final LegalCycles legalCycles;

    CycleService(ReportingCycleRepository cycles, CycleQuery query, ReportService reports, ReportTasks reportTasks,
            PlanService plan, CycleSchedule schedule, CycleTimers timers, LatvianCalendar calendar,
            RuntimeService runtimeService, MessageSource messages, Clock clock, AuditLog audit,
            LegalCycles legalCycles) {
        this.legalCycles = legalCycles;
        this.cycles = cycles;
        this.query = query;
        this.reports = reports;
        this.reportTasks = reportTasks;
        this.plan = plan;
        this.schedule = schedule;
        this.timers = timers;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.messages = messages;
        this.clock = clock;
        this.audit = audit;
    }

    // --- starting -----------------------------------------------------------------------------

    /** Checks the request, records the cycle and starts its process, all in one transaction. */
    public ReportingCycle start(CycleRequest request, String userId) {
        ReportingCycle cycle = register(request, userId);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ReportingCycleProcess.KEY,
                ReportingCycleProcess.businessKey(cycle.getId()),
                // handed over unstored: the start listener sees the cycle is recorded, the process keeps only its key
                org.camunda.bpm.engine.variable.Variables.createVariables().putValueTyped(
                        ReportingCycleProcess.VAR_CYCLE_ID,
                        org.camunda.bpm.engine.variable.Variables.longValue(cycle.getId(), true)));
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

    CycleRequest.Valid validate(CycleRequest given) {
        List<FieldProblem> problems = new ArrayList<>();
        CycleRequest request = withPreset(given, problems);
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
        boolean finalReport = Boolean.TRUE.equals(request.finalReport());
        if (finalReport && periodFrom != null && periodTo != null) {
            // the final report covers the whole plan period, as the final preset does
            legalCycles.finalCycle().filter(f -> !f.periodFrom().equals(periodFrom) || !f.periodTo().equals(periodTo))
                    .ifPresent(f -> problems.add(problem("finalReport", "cycle.final.period", f.periodFrom(),
                            f.periodTo())));
        }
        if (problems.isEmpty() && Boolean.FALSE.equals(request.acceptMovedDates())
                && legalCycles.isShortWindow(invitation, deadline)) {
            // from the start form: a window shorter than the order's is pointed out before the cycle starts
            problems.add(problem("submissionDeadline", "cycle.window.short.confirm", legalCycles.windowWeeks(),
                    invitation.plusWeeks(legalCycles.windowWeeks())));
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
                calendar.deadline(legal), deadline, legal, finalReport);
    }

    /**
     * The request with what its preset proposes wherever the request says nothing; the request itself
     * when it names none. An unknown preset or a bad invitation week is a problem of the request.
     */
    private CycleRequest withPreset(CycleRequest request, List<FieldProblem> problems) {
        String key = request.preset() == null ? null : request.preset().strip();
        if (key == null || key.isEmpty()) {
            return request;
        }
        LegalCycle preset = legalCycles.find(key).orElse(null);
        if (preset == null) {
            problems.add(problem("preset", "cycle.preset.unknown", key,
                    legalCycles.all().stream().map(LegalCycle::key).collect(java.util.stream.Collectors.joining(", "))));
            return request;
        }
        LocalDate week = request.invitationWeek() == null || request.invitationWeek().isBlank() ? null
                : date("invitationWeek", request.invitationWeek(), problems);
        LegalCycles.Proposal proposal = legalCycles.propose(preset, week, LocaleContextHolder.getLocale());
        return new CycleRequest(given(request.name(), proposal.name()), given(request.periodFrom(), proposal.periodFrom()),
                given(request.periodTo(), proposal.periodTo()), given(request.invitationDate(), proposal.invitationDate()),
                given(request.submissionDeadline(), proposal.submissionDeadline()),
                given(request.legalDeadline(), proposal.requestedLegalDeadline()), request.acceptMovedDates(), key,
                request.invitationWeek(), request.finalReport() != null ? request.finalReport() : proposal.finalReport());
    }

    private static String given(String asked, Object proposed) {
        return asked == null || asked.isBlank() ? proposed.toString() : asked;
    }

    /**
     * What a coordinator should know of a started cycle though it was accepted: a submission window
     * shorter than the order's.
     */
    public List<String> warnings(ReportingCycle cycle) {
        if (!legalCycles.isShortWindow(cycle.getInvitationDate(), cycle.getSubmissionDeadline())) {
            return List.of();
        }
        return List.of(messages.getMessage("cycle.window.short", new Object[] {legalCycles.windowWeeks(),
            cycle.getInvitationDate(), cycle.getSubmissionDeadline()}, LocaleContextHolder.getLocale()));
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

    private ReportingCycle lock(Long cycleId) {
        return query.locked(cycleId);
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
