package lv.opengov.reporting.refresh;

import lv.opengov.reporting.refresh.internal.PlanChangeRepository;
import lv.opengov.reporting.refresh.internal.PlanRefreshRepository;

import static lv.opengov.reporting.common.TextRules.MARKUP;
import static lv.opengov.reporting.common.TextRules.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InputDates;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.plan.PlanEdit;
import lv.opengov.reporting.plan.PlanVersions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the OGP refreshed-plan cycle and records its changes and additions to the plan, each checked
 * before anything is stored. The opinions are {@link OpinionService}'s, the process's steps
 * {@link RefreshSteps}', the reading {@link RefreshQuery}'s.
 */
@Service
@Transactional
public class RefreshService {

    private final PlanRefreshRepository refreshes;
    private final PlanChangeRepository changes;
    private final RefreshQuery query;
    private final PlanVersions versions;
    private final RuntimeService runtimeService;
    private final RefreshMessages messages;
    private final MessageSource messageSource;
    private final ServiceZone zone;
    private final Clock clock;
    private final AuditLog audit;

    RefreshService(PlanRefreshRepository refreshes, PlanChangeRepository changes, RefreshQuery query,
            PlanVersions versions, RuntimeService runtimeService, RefreshMessages messages,
            MessageSource messageSource, ServiceZone zone, Clock clock, AuditLog audit) {
        this.refreshes = refreshes;
        this.changes = changes;
        this.query = query;
        this.versions = versions;
        this.runtimeService = runtimeService;
        this.messages = messages;
        this.messageSource = messageSource;
        this.zone = zone;
        this.clock = clock;
        this.audit = audit;
    }

    /** A request to start a refresh, as received. */
    public record RefreshRequest(String coCreationStart, String coCreationEnd, String ogpDeadline) {
    }

    /** A change or addition, as a coordinator records it. */
    public record ChangeRequest(String kind, String measureCode, Integer commitment, String titleLv, String titleEn,
            String responsible, String deadline, String reasonLv, String reasonEn) {
    }

    /** Checks the request, records the refresh and starts its process. */
    public PlanRefresh start(RefreshRequest request, String userId) {
        PlanRefresh refresh = create(request, userId);
        // handed over unstored: the start listener sees the refresh is recorded, the process keeps only its key
        refresh.started(runtimeService.startProcessInstanceByKey(PlanRefreshProcess.KEY,
                PlanRefreshProcess.businessKey(refresh.getId()), Variables.createVariables().putValueTyped(
                        PlanRefreshProcess.VAR_REFRESH_ID, Variables.longValue(refresh.getId(), true))).getId());
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
        LocalDate earliest = zone.today().plusDays(PlanRefresh.SCHEDULE_LEAD_DAYS);
        if (start != null && start.isBefore(earliest)) {
            problems.add(messages.problem("coCreationStart", "refresh.start.too-soon", PlanRefresh.SCHEDULE_LEAD_DAYS,
                    earliest));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(messages.problem("coCreationEnd", "refresh.end.before-start", start));
        }
        if (ogp == null && end != null && problems.stream().noneMatch(p -> p.field().equals("ogpDeadline"))) {
            ogp = PlanRefresh.defaultOgpDeadline(end);
        }
        if (ogp != null && end != null && ogp.isBefore(end)) {
            problems.add(messages.problem("ogpDeadline", "refresh.ogp.before-end", end));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid refresh", problems);
        }
        versions.ensureOriginal(messages.get("refresh.version.original"));
        PlanRefresh refresh = refreshes.save(new PlanRefresh(start, end, ogp, userId, clock.instant()));
        audit.record(AuditAction.REFRESH_STARTED, userId, null, null, null, PlanRefresh.subject(refresh.getId()),
                "co-creation " + start + " – " + end + ", OGP deadline " + ogp);
        return refresh;
    }

    /** A change or addition to the plan, while the plan is being updated; applied when update-plan completes. */
    public PlanChange recordChange(Long refreshId, ChangeRequest request, String userId) {
        PlanRefresh refresh = query.find(refreshId);
        PlanEdit.Kind kind = null;
        try {
            kind = request.kind() == null ? null : PlanEdit.Kind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        PlanEdit edit = new PlanEdit(kind, blankToNull(request.measureCode()), request.commitment(),
                blankToNull(request.titleLv()), blankToNull(request.titleEn()), blankToNull(request.responsible()),
                blankToNull(request.deadline()));
        List<FieldProblem> problems = new ArrayList<>(versions.check(edit, messages::get));
        for (String text : new String[] {request.titleLv(), request.titleEn(), request.reasonLv(), request.reasonEn()}) {
            if (text != null && MARKUP.matcher(text).find()) {
                problems.add(messages.problem("reasonLv", "refresh.markup"));
                break;
            }
        }
        if (blankToNull(request.reasonLv()) == null && blankToNull(request.reasonEn()) == null) {
            problems.add(messages.problem("reasonLv", "refresh.change.reason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid change", problems);
        }
        if (refresh.getStatus() != RefreshStatus.UPDATING_PLAN) {
            throw new RefreshConflictException(messages.get("refresh.status", refresh.getStatus()));
        }
        return changes.save(new PlanChange(refreshId, edit, blankToNull(request.reasonLv()),
                blankToNull(request.reasonEn()), userId, clock.instant()));
    }

    private LocalDate date(String field, String value, boolean required, List<FieldProblem> problems) {
        if (required && (value == null || value.isBlank())) {
            problems.add(messages.problem(field, "cycle.required"));
            return null;
        }
        return InputDates.read(field, value, problems, messageSource);
    }
}
