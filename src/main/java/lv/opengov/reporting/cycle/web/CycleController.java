package lv.opengov.reporting.cycle.web;

import lv.opengov.reporting.cycle.CycleRequest;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.cycle.CycleStatus;
import lv.opengov.reporting.cycle.LegalCycles;
import lv.opengov.reporting.cycle.ReportingCycle;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.notification.MailDelay;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.report.Completion;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportState;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cycles' API. Coordinators start, extend and close cycles; everyone logged in reads them,
 * institution users only their own institutions' reports.
 */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

    private final CycleService cycles;
    private final CycleQuery cycleQuery;
    private final CycleSchedule schedule;
    private final Access access;
    private final CurrentUser currentUser;
    private final LegalCycles legalCycles;
    private final org.springframework.context.MessageSource messages;
    private final Outbox outbox;

    CycleController(CycleService cycles, CycleQuery cycleQuery, CycleSchedule schedule, Access access,
            CurrentUser currentUser, LegalCycles legalCycles, org.springframework.context.MessageSource messages,
            Outbox outbox) {
        this.outbox = outbox;
        this.legalCycles = legalCycles;
        this.messages = messages;
        this.cycles = cycles;
        this.cycleQuery = cycleQuery;
        this.schedule = schedule;
        this.access = access;
        this.currentUser = currentUser;
    }

    /** @param warnings what the coordinator should know though the cycle started: a window shorter than the order's */
    record Started(Long id, String processInstanceId, LocalDate submissionDeadline, LocalDate legalDeadline,
            List<LocalDate> reminderDates, boolean finalReport, List<String> warnings) {
    }

    record CycleView(Long id, String name, LocalDate periodFrom, LocalDate periodTo, LocalDate invitationDate,
            LocalDate submissionDeadline, LocalDate legalDeadline, List<LocalDate> reminderDates, CycleStatus status,
            String processInstanceId, String createdBy, Instant createdAt, Instant openedAt, Instant consolidatedAt,
            boolean closedEarly, Instant publishedAt, Map<ReportState, Long> reports, boolean finalReport) {
    }

    /**
     * One cycle with how late its mails are: for coordinators, who follow the mails (as on the cycle's
     * page), and null when none is late; always null for others.
     */
    record CycleDetail(@JsonUnwrapped CycleView cycle, MailDelay mailDelay) {
    }

    record MeasureLine(String code, String title, String institution, ReportState state, Completion completion,
            Instant submittedAt, LocalDate dueDate, boolean overdue, boolean missing) {
    }

    record Overview(CycleView cycle, List<MeasureLine> measures) {
    }

    record Extension(String submissionDeadline, String measureCode) {
    }

    @PostMapping
    @PreAuthorize("@access.isCoordinator()")
    ResponseEntity<Started> start(@RequestBody CycleRequest request) {
        ReportingCycle cycle = cycles.start(request, currentUser.id());
        return ResponseEntity.created(URI.create("/api/cycles/" + cycle.getId()))
                .body(new Started(cycle.getId(), cycle.getProcessInstanceId(), cycle.getSubmissionDeadline(),
                        cycle.getLegalDeadline(), cycleQuery.reminderDates(cycle), cycle.isFinalReport(),
                        cycles.warnings(cycle)));
    }

    /**
     * The order's cycles with the dates each proposes, the invitation in the week of the given day (by
     * default each preset's own week), for a coordinator to start one ({@code "preset"} in the request).
     */
    @GetMapping("/presets")
    List<LegalCycles.Proposal> presets(@RequestParam(required = false) String week) {
        LocalDate day = null;
        if (week != null && !week.isBlank()) {
            try {
                day = LocalDate.parse(week.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new lv.opengov.reporting.common.InvalidInputException("invalid week", List.of(
                        new lv.opengov.reporting.common.ApiError.FieldProblem("week", messages.getMessage(
                                "input.date.invalid", new Object[] {week}, LocaleContextHolder.getLocale()))));
            }
        }
        return legalCycles.proposals(day, LocaleContextHolder.getLocale());
    }

    @GetMapping
    List<CycleView> list() {
        return cycleQuery.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    CycleDetail get(@PathVariable Long id) {
        CycleView cycle = view(cycleQuery.find(id));
        return new CycleDetail(cycle, access.isCoordinator() ? outbox.delayForCycle(id) : null);
    }

    @GetMapping("/{id}/overview")
    Overview overview(@PathVariable Long id) {
        ReportingCycle cycle = cycleQuery.find(id);
        List<String> only = access.visibleInstitutions();
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = schedule.today();
        boolean closed = cycle.getStatus() == CycleStatus.AWAITING_APPROVAL || cycle.getStatus() == CycleStatus.PUBLISHED;
        List<MeasureLine> lines = cycleQuery.rows(id, only).stream()
                .map(r -> line(r, locale, today, closed && r.state() != ReportState.ACCEPTED))
                .toList();
        return new Overview(view(cycle), lines);
    }

    @PostMapping("/{id}/extend")
    @PreAuthorize("@access.isCoordinator()")
    CycleView extend(@PathVariable Long id, @RequestBody Extension extension) {
        String measure = extension.measureCode() == null || extension.measureCode().isBlank() ? null
                : extension.measureCode().strip();
        return view(cycles.extend(id, measure, extension.submissionDeadline()));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("@access.isCoordinator()")
    CycleView close(@PathVariable Long id) {
        return view(cycles.close(id));
    }

    private static MeasureLine line(ReportRow row, Locale locale, LocalDate today, boolean missing) {
        return new MeasureLine(row.measureCode(), row.title(locale), row.institution(), row.state(), row.completion(),
                row.submittedAt(), row.dueDate(), !missing && row.isOverdue(today), missing);
    }

    private CycleView view(ReportingCycle c) {
        return new CycleView(c.getId(), c.getName(), c.getPeriodFrom(), c.getPeriodTo(), c.getInvitationDate(),
                c.getSubmissionDeadline(), c.getLegalDeadline(), cycleQuery.reminderDates(c), c.getStatus(),
                c.getProcessInstanceId(), c.getCreatedBy(), c.getCreatedAt(), c.getOpenedAt(), c.getConsolidatedAt(),
                c.isClosedEarly(), c.getPublishedAt(), cycleQuery.counts(c.getId()), c.isFinalReport());
    }
}
