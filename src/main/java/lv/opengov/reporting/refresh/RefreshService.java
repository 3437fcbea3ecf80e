package lv.opengov.reporting.refresh;

import lv.opengov.reporting.refresh.internal.OpinionRepository;
import lv.opengov.reporting.refresh.internal.PlanChangeRepository;
import lv.opengov.reporting.refresh.internal.PlanRefreshRepository;

import static lv.opengov.reporting.common.TextRules.MARKUP;
import static lv.opengov.reporting.common.TextRules.LINE_BREAK_OR_CONTROL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.identity.Groups;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.notification.OutgoingMail;
import lv.opengov.reporting.plan.PlanEdit;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.plan.PlanVersions;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InputDates;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.common.ServiceZone;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The OGP refreshed-plan cycle: the co-creation schedule, the opinions and their reasoned responses,
 * the changes and additions, the published document and the submission to OGP.
 */
@Service
@Transactional
public class RefreshService {

    static final int SCHEDULE_LEAD_DAYS = 14;

    private final PlanRefreshRepository refreshes;
    private final OpinionRepository opinions;
    private final PlanChangeRepository changes;
    private final PlanVersions versions;
    private final PlanService plan;
    private final LatvianCalendar calendar;
    private final Outbox outbox;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;
    private final ServiceZone zone;
    private final AuditLog audit;

    RefreshService(PlanRefreshRepository refreshes, OpinionRepository opinions, PlanChangeRepository changes,
            PlanVersions versions, PlanService plan, LatvianCalendar calendar, Outbox outbox,
            RuntimeService runtimeService, IdentityService identityService, SpringTemplateEngine templates,
            MessageSource messages, Clock clock, ServiceZone zone, AuditLog audit) {
        this.audit = audit;
        this.refreshes = refreshes;
        this.opinions = opinions;
        this.changes = changes;
        this.versions = versions;
        this.plan = plan;
        this.calendar = calendar;
        this.outbox = outbox;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** A request to start a refresh, as received. */
    public record RefreshRequest(String coCreationStart, String coCreationEnd, String ogpDeadline) {
    }

    /** An opinion, as received from the public page, the API or a coordinator. */
    public record OpinionRequest(String author, String email, String measureCode, String proposalTitle, String text,
            String website, String channel) {
    }

    /** A change or addition, as a coordinator records it. */
    public record ChangeRequest(String kind, String measureCode, Integer commitment, String titleLv, String titleEn,
            String responsible, String deadline, String reasonLv, String reasonEn) {
    }

    public LocalDate today() {
        return zone.today();
    }

    // --- start -----------------------------------------------------------------------------------

    /** Checks the request, records the refresh and starts its process. */
    public PlanRefresh start(RefreshRequest request, String userId) {
        PlanRefresh refresh = create(request, userId);
        refresh.started(runtimeService.startProcessInstanceByKey(PlanRefreshProcess.KEY,
                PlanRefreshProcess.businessKey(refresh.getId()), org.camunda.bpm.engine.variable.Variables
                        .createVariables().putValueTyped(PlanRefreshProcess.VAR_REFRESH_ID,
                                org.camunda.bpm.engine.variable.Variables.longValue(refresh.getId(), true))).getId());
        return refresh;
    }

    /**
     * A refresh started from Tasklist's start form: checked and recorded in the starting
     * transaction, so that bad dates refuse the start with the same messages as the API.
     */
    public PlanRefresh registerStarted(RefreshRequest request, String userId, String processInstanceId) {
        PlanRefresh refresh = create(request, userId);
        refresh.started(processInstanceId);
        return refresh;
    }

    private PlanRefresh create(RefreshRequest request, String userId) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = date("coCreationStart", request.coCreationStart(), true, problems);
        LocalDate end = date("coCreationEnd", request.coCreationEnd(), true, problems);
        LocalDate ogp = date("ogpDeadline", request.ogpDeadline(), false, problems);
        if (start != null && start.isBefore(today().plusDays(SCHEDULE_LEAD_DAYS))) {
            problems.add(problem("coCreationStart", "refresh.start.too-soon", SCHEDULE_LEAD_DAYS,
                    today().plusDays(SCHEDULE_LEAD_DAYS)));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(problem("coCreationEnd", "refresh.end.before-start", start));
        }
        if (ogp == null && start != null && problems.stream().noneMatch(p -> p.field().equals("ogpDeadline"))) {
            ogp = LocalDate.of(start.getYear(), Month.JUNE, 28);
        }
        if (ogp != null && end != null && ogp.isBefore(end)) {
            problems.add(problem("ogpDeadline", "refresh.ogp.before-end", end));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid refresh", problems);
        }
        versions.ensureOriginal(message("refresh.version.original"));
        PlanRefresh refresh = refreshes.save(new PlanRefresh(start, end, ogp, userId, clock.instant()));
        audit.record(AuditAction.REFRESH_STARTED, userId, null, null, null, subject(refresh.getId()),
                "co-creation " + start + " – " + end + ", OGP deadline " + ogp);
        return refresh;
    }

    // --- the schedule ------------------------------------------------------------------------------

    /** The schedule as the coordinators wrote it in the task's form; refused when empty or with markup. */
    public void writeSchedule(Long refreshId, Object text) {
        PlanRefresh refresh = lock(refreshId);
        String schedule = text == null ? "" : text.toString().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (schedule.isEmpty()) {
            problems.add(problem("schedule", "refresh.schedule.required"));
        } else if (schedule.length() > 20_000) {
            problems.add(problem("schedule", "report.text.too-long", 20_000, schedule.length()));
        } else if (MARKUP.matcher(schedule).find()) {
            problems.add(problem("schedule", "refresh.markup"));
        }
        if (!problems.isEmpty()) {
            throw new RefreshRefusedException(problems);
        }
        refresh.scheduleWritten(schedule);
        audit.record(AuditAction.REFRESH_SCHEDULE_PREPARED, null, null, null, null, subject(refreshId), null);
    }

    /** Publishes the schedule on the public page and keeps the date as evidence. */
    public void publishSchedule(Long refreshId) {
        PlanRefresh refresh = lock(refreshId);
        if (refresh.getSchedulePublishedAt() == null) {
            refresh.schedulePublished(clock.instant());
            audit.record(AuditAction.REFRESH_SCHEDULE_PUBLISHED, null, null, null, null, subject(refreshId), null);
        }
    }

    // --- opinions ----------------------------------------------------------------------------------

    /** An opinion from the public: only while co-creation is open; the email is kept but never shown. */
    public Opinion submitOpinion(Long refreshId, OpinionRequest request) {
        PlanRefresh refresh = find(refreshId);
        if (request.website() != null && !request.website().isBlank()) {
            throw new InvalidInputException("honeypot", List.of(problem("website", "refresh.opinion.rejected")));
        }
        Opinion opinion = checked(refreshId, request, Opinion.Channel.WEB, null);
        if (!refresh.isOpenForOpinions(today())) {
            throw new RefreshConflictException(message("refresh.opinion.closed", refresh.getCoCreationStart(),
                    refresh.getCoCreationEnd()));
        }
        // a form sent twice (a double click, a reload) is one opinion
        if (opinions.existsByRefreshIdAndChannelAndText(refreshId, Opinion.Channel.WEB, opinion.getText())) {
            throw new RefreshConflictException(message("refresh.opinion.duplicate"));
        }
        return opinions.save(opinion);
    }

    /** An opinion that came by email or at a meeting, registered by a coordinator until the responses are done. */
    public Opinion registerOpinion(Long refreshId, OpinionRequest request, String userId) {
        PlanRefresh refresh = find(refreshId);
        Opinion.Channel channel;
        try {
            channel = request.channel() == null ? Opinion.Channel.EMAIL
                    : Opinion.Channel.valueOf(request.channel().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", List.of(problem("channel", "refresh.opinion.channel")));
        }
        Opinion opinion = checked(refreshId, request, channel, userId);
        if (refresh.getStatus() != RefreshStatus.COLLECTING_OPINIONS && refresh.getStatus() != RefreshStatus.RESPONDING) {
            throw new RefreshConflictException(message("refresh.status", refresh.getStatus()));
        }
        return opinions.save(opinion);
    }

    private Opinion checked(Long refreshId, OpinionRequest request, Opinion.Channel channel, String userId) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            problems.add(problem("text", "refresh.opinion.text.required"));
        } else if (text.length() > 5000) {
            problems.add(problem("text", "report.text.too-long", 5000, text.length()));
        }
        for (Map.Entry<String, String> field : fields(request).entrySet()) {
            if (field.getValue() != null && MARKUP.matcher(field.getValue()).find()) {
                problems.add(problem(field.getKey(), "refresh.markup"));
            }
        }
        String email = blankToNull(request.email());
        if (email != null && !lv.opengov.reporting.notification.EmailAddresses.isValid(email)) {
            problems.add(problem("email", "import.email.invalid", email));
        }
        String author = blankToNull(request.author());
        if (author != null && author.length() > 200) {
            problems.add(problem("author", "report.text.too-long", 200, author.length()));
        } else if (author != null && LINE_BREAK_OR_CONTROL.matcher(author).find()) {
            problems.add(problem("author", "refresh.author.one-line"));
        }
        String measure = blankToNull(request.measureCode());
        String proposal = blankToNull(request.proposalTitle());
        if (measure != null && !plan.measureIdsByCode().containsKey(measure)) {
            problems.add(problem("measureCode", "import.measure.unknown", measure));
        }
        if (measure == null && proposal == null) {
            problems.add(problem("measureCode", "refresh.opinion.subject"));
        }
        if (proposal != null && proposal.length() > 500) {
            problems.add(problem("proposalTitle", "report.text.too-long", 500, proposal.length()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid opinion", problems);
        }
        return new Opinion(refreshId, channel, author, email, measure, proposal, text, userId, clock.instant());
    }

    private static Map<String, String> fields(OpinionRequest request) {
        Map<String, String> fields = new HashMap<>();
        fields.put("text", request.text());
        fields.put("author", request.author());
        fields.put("proposalTitle", request.proposalTitle());
        return fields;
    }

    /** A reasoned response to one opinion. */
    public Opinion respond(Long refreshId, Long opinionId, String response, String reason, String userId) {
        PlanRefresh refresh = find(refreshId);
        Opinion opinion = opinions.findById(opinionId).filter(o -> o.getRefreshId().equals(refreshId))
                .orElseThrow(() -> new NotFoundException(message("refresh.opinion.unknown", opinionId)));
        List<FieldProblem> problems = new ArrayList<>();
        Opinion.Response value = null;
        try {
            value = Opinion.Response.valueOf(response == null ? "" : response.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(problem("response", "refresh.response.invalid", response));
        }
        String why = blankToNull(reason);
        if (why == null) {
            problems.add(problem("reason", "refresh.response.reason"));
        } else if (why.length() > 5000) {
            problems.add(problem("reason", "report.text.too-long", 5000, why.length()));
        } else if (MARKUP.matcher(why).find()) {
            problems.add(problem("reason", "refresh.markup"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid response", problems);
        }
        if (refresh.getOpinionsPublishedAt() != null) {
            throw new RefreshConflictException(message("refresh.status", refresh.getStatus()));
        }
        opinion.respond(value, why, userId, clock.instant());
        return opinion;
    }

    /** The respond-to-opinions task completes only when every opinion has its reasoned response. */
    public void checkAllAnswered(Long refreshId) {
        long open = opinions.countByRefreshIdAndResponseIsNull(refreshId);
        if (open > 0) {
            throw new RefreshRefusedException(List.of(problem("opinions", "refresh.responses.missing", open)));
        }
        audit.record(AuditAction.REFRESH_OPINIONS_RESPONDED, null, null, null, null, subject(refreshId), null);
    }

    // --- changes and additions ---------------------------------------------------------------------

    public PlanChange recordChange(Long refreshId, ChangeRequest request, String userId) {
        PlanRefresh refresh = find(refreshId);
        PlanEdit.Kind kind = null;
        try {
            kind = request.kind() == null ? null : PlanEdit.Kind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        PlanEdit edit = new PlanEdit(kind, blankToNull(request.measureCode()), request.commitment(),
                blankToNull(request.titleLv()), blankToNull(request.titleEn()), blankToNull(request.responsible()),
                blankToNull(request.deadline()));
        List<FieldProblem> problems = new ArrayList<>(versions.check(edit, this::message));
        for (String text : new String[] {request.titleLv(), request.titleEn(), request.reasonLv(), request.reasonEn()}) {
            if (text != null && MARKUP.matcher(text).find()) {
                problems.add(problem("reasonLv", "refresh.markup"));
                break;
            }
        }
        if (blankToNull(request.reasonLv()) == null && blankToNull(request.reasonEn()) == null) {
            problems.add(problem("reasonLv", "refresh.change.reason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid change", problems);
        }
        if (refresh.getStatus() != RefreshStatus.UPDATING_PLAN) {
            throw new RefreshConflictException(message("refresh.status", refresh.getStatus()));
        }
        return changes.save(new PlanChange(refreshId, edit, blankToNull(request.reasonLv()),
                blankToNull(request.reasonEn()), userId, clock.instant()));
    }

    /** On update-plan's completion: the changes go into the plan, which is kept as a new version. */
    public void applyChanges(Long refreshId) {
        PlanRefresh refresh = lock(refreshId);
        List<PlanEdit> edits = changes.findByRefreshIdOrderByRecordedAtAscIdAsc(refreshId).stream()
                .map(PlanChange::edit).toList();
        PlanVersions.Version version = versions.apply(edits, message("refresh.version.refreshed", refreshId), refreshId);
        refresh.versioned(version.id());
        audit.record(AuditAction.REFRESH_PLAN_UPDATED, null, null, null, null, subject(refreshId),
                edits.size() + " changes, plan version " + version.number());
    }

    /** Publishes the opinions (without emails) with their responses and generates the document for OGP. */
    public void publishOpinionsAndChanges(Long refreshId) {
        PlanRefresh refresh = lock(refreshId);
        if (refresh.getDocumentGeneratedAt() != null) {
            return;
        }
        refresh.opinionsPublished(clock.instant(), document(refresh, Locale.forLanguageTag("lv")),
                document(refresh, Locale.ENGLISH), refresh.getVersionId());
    }

    /** On submit-refreshed-plan's completion: the submission date is the evidence. */
    public void recordSubmission(Long refreshId, String userId) {
        lock(refreshId).submitted(userId, clock.instant());
        audit.record(AuditAction.REFRESH_PLAN_SUBMITTED, userId, null, null, null, subject(refreshId), null);
    }

    private static String subject(Long refreshId) {
        return "refresh " + refreshId;
    }

    public void moveTo(Long refreshId, RefreshStatus status) {
        lock(refreshId).moveTo(status);
    }

    // --- reminders and escalations -----------------------------------------------------------------

    /** Mails the coordinators about a step of the refresh: a reminder or an escalation. */
    public void notifyCoordinators(Long refreshId, String kind) {
        PlanRefresh refresh = find(refreshId);
        List<String> to = identityService.createUserQuery().memberOfGroup(Groups.COORDINATORS).list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank()).sorted().toList();
        if (to.isEmpty()) {
            return;
        }
        Locale lv = Locale.forLanguageTag("lv");
        LocalDate due = kind.startsWith("schedule") ? scheduleDue(refresh) : refresh.getOgpDeadline();
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("due", LatvianCalendar.longDate(due, lv));
        model.put("refreshId", refreshId);
        outbox.queue(new OutgoingMail("refresh:" + refreshId + ":" + kind + ":" + today(), "refresh-notice", to,
                List.of(), lv, model, List.of(message(lv, "mail.refresh-notice." + kind)), null));
    }

    /** The schedule is due two weeks before co-creation starts. */
    public LocalDate scheduleDue(PlanRefresh refresh) {
        return refresh.getCoCreationStart().minusDays(SCHEDULE_LEAD_DAYS);
    }

    /** The working day on or before the given number of days before a date. */
    public LocalDate daysBefore(LocalDate date, int days) {
        return calendar.onOrBefore(date.minusDays(days));
    }

    // --- reading -----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PlanRefresh find(Long refreshId) {
        return refreshes.findById(refreshId)
                .orElseThrow(() -> new NotFoundException(message("refresh.unknown", refreshId)));
    }

    @Transactional(readOnly = true)
    public List<PlanRefresh> list() {
        return refreshes.findAllByOrderByCreatedAtDesc();
    }

    @Transactional(readOnly = true)
    public List<Opinion> opinions(Long refreshId) {
        return opinions.findByRefreshIdOrderByReceivedAtAscIdAsc(refreshId);
    }

    @Transactional(readOnly = true)
    public List<PlanChange> changes(Long refreshId) {
        return changes.findByRefreshIdOrderByRecordedAtAscIdAsc(refreshId);
    }

    @Transactional(readOnly = true)
    public List<PlanVersions.Difference> comparison(Long refreshId) {
        PlanRefresh refresh = find(refreshId);
        List<PlanVersions.Version> all = versions.versions();
        PlanVersions.Version after = refresh.getVersionId() == null ? null
                : all.stream().filter(v -> v.id() == refresh.getVersionId()).findFirst().orElse(null);
        if (after == null || after.number() < 2) {
            return List.of();
        }
        return versions.compare(after.number() - 1, after.number());
    }

    private String document(PlanRefresh refresh, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("refresh", refresh);
        context.setVariable("changes", changes(refresh.getId()));
        context.setVariable("opinions", opinions(refresh.getId()));
        context.setVariable("titles", plan.listMeasures().stream().collect(java.util.stream.Collectors.toMap(
                m -> m.code(), m -> m.title(locale))));
        return templates.process("refresh/changes", context);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private PlanRefresh lock(Long refreshId) {
        return refreshes.lockById(refreshId)
                .orElseThrow(() -> new NotFoundException(message("refresh.unknown", refreshId)));
    }

    private LocalDate date(String field, String value, boolean required, List<FieldProblem> problems) {
        if (required && (value == null || value.isBlank())) {
            problems.add(problem(field, "cycle.required"));
            return null;
        }
        return InputDates.read(field, value, problems, messages);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    private String message(Locale locale, String code) {
        return messages.getMessage(code, null, locale);
    }

    private FieldProblem problem(String field, String code, Object... args) {
        return new FieldProblem(field, message(code, args));
    }
}
