package lv.opengov.reporting.refresh;

import lv.opengov.reporting.refresh.internal.OpinionRepository;
import lv.opengov.reporting.refresh.internal.PlanRefreshRepository;

import static lv.opengov.reporting.common.TextRules.MARKUP;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.plan.PlanEdit;
import lv.opengov.reporting.plan.PlanVersions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the plan-refresh process, as its delegates and task listeners call them
 * ({@link RefreshProcessBeans}): each locks the refresh, checks what a task's completion needs and
 * records the step. A refused completion leaves the task open.
 */
@Service
@Transactional
class RefreshSteps {

    static final int MAX_SCHEDULE_LENGTH = 20_000;

    private final PlanRefreshRepository refreshes;
    private final OpinionRepository opinions;
    private final RefreshQuery query;
    private final PlanVersions versions;
    private final ChangesDocument document;
    private final RefreshMessages messages;
    private final Clock clock;
    private final AuditLog audit;

    RefreshSteps(PlanRefreshRepository refreshes, OpinionRepository opinions, RefreshQuery query,
            PlanVersions versions, ChangesDocument document, RefreshMessages messages, Clock clock, AuditLog audit) {
        this.refreshes = refreshes;
        this.opinions = opinions;
        this.query = query;
        this.versions = versions;
        this.document = document;
        this.messages = messages;
        this.clock = clock;
        this.audit = audit;
    }

    /** The schedule as the coordinators wrote it in the task's form; refused when empty or with markup. */
    public void writeSchedule(Long refreshId, Object text) {
        PlanRefresh refresh = lock(refreshId);
        String schedule = text == null ? "" : text.toString().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (schedule.isEmpty()) {
            problems.add(messages.problem("schedule", "refresh.schedule.required"));
        } else if (schedule.length() > MAX_SCHEDULE_LENGTH) {
            problems.add(messages.problem("schedule", "report.text.too-long", MAX_SCHEDULE_LENGTH, schedule.length()));
        } else if (MARKUP.matcher(schedule).find()) {
            problems.add(messages.problem("schedule", "refresh.markup"));
        }
        if (!problems.isEmpty()) {
            throw new RefreshRefusedException(problems);
        }
        refresh.scheduleWritten(schedule);
        audit.record(AuditAction.REFRESH_SCHEDULE_PREPARED, null, null, null, null, PlanRefresh.subject(refreshId),
                null);
    }

    /** Publishes the schedule on the public page and keeps the date as evidence. */
    public void publishSchedule(Long refreshId) {
        PlanRefresh refresh = lock(refreshId);
        if (refresh.getSchedulePublishedAt() == null) {
            refresh.schedulePublished(clock.instant());
            audit.record(AuditAction.REFRESH_SCHEDULE_PUBLISHED, null, null, null, null,
                    PlanRefresh.subject(refreshId), null);
        }
    }

    public void moveTo(Long refreshId, RefreshStatus status) {
        lock(refreshId).moveTo(status);
    }

    /** The respond-to-opinions task completes only when every opinion has its reasoned response. */
    public void checkAllAnswered(Long refreshId) {
        long open = opinions.countByRefreshIdAndResponseIsNull(refreshId);
        if (open > 0) {
            throw new RefreshRefusedException(List.of(messages.problem("opinions", "refresh.responses.missing", open)));
        }
        audit.record(AuditAction.REFRESH_OPINIONS_RESPONDED, null, null, null, null, PlanRefresh.subject(refreshId),
                null);
    }

    /** On update-plan's completion: the changes go into the plan, which is kept as a new version. */
    public void applyChanges(Long refreshId) {
        PlanRefresh refresh = lock(refreshId);
        List<PlanEdit> edits = query.changes(refreshId).stream().map(PlanChange::edit).toList();
        PlanVersions.Version version = versions.apply(edits, messages.get("refresh.version.refreshed", refreshId),
                refreshId);
        refresh.versioned(version.id());
        audit.record(AuditAction.REFRESH_PLAN_UPDATED, null, null, null, null, PlanRefresh.subject(refreshId),
                edits.size() + " changes, plan version " + version.number());
    }

    /** Publishes the opinions (without emails) with their responses and generates the document for OGP. */
    public void publishOpinionsAndChanges(Long refreshId) {
        PlanRefresh refresh = lock(refreshId);
        if (refresh.getDocumentGeneratedAt() != null) {
            return;
        }
        refresh.opinionsPublished(clock.instant(), document.render(refresh, Locale.forLanguageTag("lv")),
                document.render(refresh, Locale.ENGLISH), refresh.getVersionId());
    }

    /** On submit-refreshed-plan's completion: the submission date is the evidence. */
    public void recordSubmission(Long refreshId, String userId) {
        lock(refreshId).submitted(userId, clock.instant());
        audit.record(AuditAction.REFRESH_PLAN_SUBMITTED, userId, null, null, null, PlanRefresh.subject(refreshId),
                null);
    }

    private PlanRefresh lock(Long refreshId) {
        return refreshes.lockById(refreshId).orElseThrow(() -> messages.unknownRefresh(refreshId));
    }
}
