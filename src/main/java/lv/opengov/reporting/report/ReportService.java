package lv.opengov.reporting.report;

import lv.opengov.reporting.report.internal.MeasureReportRepository;
import lv.opengov.reporting.report.internal.ReportRevisionRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.common.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import jakarta.persistence.EntityManager;

/** Measure reports: opening them for a cycle, submissions with their revisions, reviews, and reading them. */
@Service
@Transactional
public class ReportService {

    static final Set<ReportState> OPEN = EnumSet.of(ReportState.AWAITING, ReportState.RETURNED);

    private final MeasureReportRepository reports;
    private final ReportRevisionRepository revisions;
    private final EntityManager entityManager;
    private final MessageSource messages;
    private final Clock clock;
    private final lv.opengov.reporting.plan.PlanVersions planVersions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ReportService(MeasureReportRepository reports, ReportRevisionRepository revisions, EntityManager entityManager,
            MessageSource messages, Clock clock, lv.opengov.reporting.plan.PlanVersions planVersions, AuditLog audit,
            ApplicationEventPublisher events) {
        this.planVersions = planVersions;
        this.audit = audit;
        this.events = events;
        this.reports = reports;
        this.revisions = revisions;
        this.entityManager = entityManager;
        this.messages = messages;
        this.clock = clock;
    }

    /** A report to open: the measure and its responsible institution. */
    public record Opening(Long measureId, Long institutionId) {
    }

    /**
     * Opens one report per measure for the cycle, due on the given date. Measures that already have a
     * report in the cycle are left alone, so opening twice opens nothing new.
     *
     * @return how many reports were opened
     */
    public int openReports(Long cycleId, Collection<Opening> openings, LocalDate dueDate) {
        Set<Long> existing = reports.findByCycleId(cycleId).stream().map(MeasureReport::getMeasureId)
                .collect(Collectors.toSet());
        int opened = 0;
        int version = planVersions.currentNumber();
        for (Opening opening : openings) {
            if (existing.add(opening.measureId())) {
                reports.save(new MeasureReport(cycleId, opening.measureId(), opening.institutionId(), dueDate, version));
                opened++;
            }
        }
        return opened;
    }

    /** Records a submission as the report's latest values and as a new revision. */
    public ReportRevision submit(Long reportId, ReportValues values, String userId) {
        MeasureReport report = reports.lockById(reportId).orElseThrow(() -> notFound(reportId));
        if (!report.getState().isOpenForInstitution()) {
            throw new InvalidReportException(List.of(new lv.opengov.reporting.common.ApiError.FieldProblem("state",
                    message("report.not-open", measureCode(reportId), report.getState()))));
        }
        int number = (int) revisions.countByReportId(reportId) + 1;
        ReportRevision revision = revisions.save(new ReportRevision(reportId, number, values, userId,
                clock.instant()));
        report.submit(values, userId, revision.getSubmittedAt());
        record(AuditAction.REPORT_SUBMITTED, userId, report, "revision " + number + ", " + values.completion());
        return revision;
    }

    /**
     * Records a reviewer's decision and announces it ({@link ReportAccepted}, {@link ReportReturned})
     * to the listeners of this transaction.
     */
    public MeasureReport review(Long reportId, boolean accepted, String comment, String userId) {
        MeasureReport report = reports.lockById(reportId).orElseThrow(() -> notFound(reportId));
        if (report.getState() != ReportState.SUBMITTED) {
            throw new InvalidReportException(List.of(new lv.opengov.reporting.common.ApiError.FieldProblem("state",
                    message("report.not-submitted", measureCode(reportId), report.getState()))));
        }
        report.review(accepted, comment, userId, clock.instant());
        record(accepted ? AuditAction.REPORT_ACCEPTED : AuditAction.REPORT_RETURNED, userId, report, comment);
        List<ReportRevision> submitted = revisions.findByReportIdOrderByRevisionNo(reportId);
        if (!submitted.isEmpty()) {
            submitted.get(submitted.size() - 1).reviewed(accepted, comment, userId, report.getReviewedAt());
        }
        announce(report, submitted.size());
        return report;
    }

    /**
     * Sends accepted reports of the cycle back from the approval of its overview: each returns to its
     * institution with the comment, due on the given date, and is announced ({@link ReportReturned}) as a
     * reviewer's return is. All or nothing: a code that names no accepted report of the cycle refuses all.
     *
     * @param measureCodes the measures whose reports go back
     * @throws InvalidReportException naming each code refused
     */
    public List<MeasureReport> sendBack(Long cycleId, Collection<String> measureCodes, String comment, String userId,
            LocalDate dueDate) {
        List<lv.opengov.reporting.common.ApiError.FieldProblem> problems = new ArrayList<>();
        List<MeasureReport> sent = new ArrayList<>();
        for (String code : measureCodes) {
            MeasureReport report = reports.findByCycleIdAndMeasureCode(cycleId, code).orElse(null);
            if (report == null) {
                problems.add(new lv.opengov.reporting.common.ApiError.FieldProblem("sendBack",
                        message("approval.send-back.unknown", code)));
            } else if (report.getState() != ReportState.ACCEPTED || report.getWithdrawnAt() != null) {
                problems.add(new lv.opengov.reporting.common.ApiError.FieldProblem("sendBack",
                        message("approval.send-back.not-accepted", code)));
            } else {
                sent.add(report);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems);
        }
        for (MeasureReport report : sent) {
            reports.lockById(report.getId());
            report.sendBack(comment, userId, clock.instant(), dueDate);
            record(AuditAction.REPORT_RETURNED, userId, report, "at the approval of the overview: " + comment);
            announce(report, (int) revisions.countByReportId(report.getId()));
        }
        return sent;
    }

    /**
     * The measure codes of the cycle's reports sent back at approval whose corrections are under way or
     * still to start (returned, not withdrawn), in the order the reports were opened.
     */
    @Transactional(readOnly = true)
    public List<String> sentBackCodes(Long cycleId) {
        return reports.findSentBackCodes(cycleId);
    }

    /**
     * Announces the review of the report of a measure-report process again. Instances of the model's
     * earlier version call this from the steps that once told the cycle; what the cycle does on the
     * announcement is safe to do twice.
     */
    public void announceReview(String businessKey) {
        MeasureReport report = forBusinessKey(businessKey);
        announce(report, (int) revisions.countByReportId(report.getId()));
    }

    private void announce(MeasureReport report, int revision) {
        if (report.getState() == ReportState.ACCEPTED) {
            events.publishEvent(new ReportAccepted(report.getCycleId(), report.getId(), measureCode(report.getId())));
        } else if (report.getState() == ReportState.RETURNED) {
            events.publishEvent(new ReportReturned(report.getCycleId(), report.getId(), measureCode(report.getId()),
                    report.getReviewComment(), revision));
        }
    }

    /** Moves the deadline of open reports: all of the cycle's, or the one of the given measure. */
    List<MeasureReport> extend(Long cycleId, Long measureId, LocalDate dueDate) {
        List<MeasureReport> changed = new ArrayList<>();
        for (MeasureReport report : reports.findByCycleId(cycleId)) {
            if ((measureId == null || measureId.equals(report.getMeasureId()))
                    && report.getState() != ReportState.ACCEPTED) {
                report.extendTo(dueDate);
                changed.add(report);
            }
        }
        return changed;
    }

    /**
     * Records the process of the report with the given business key, as the process starts. A report
     * has one process, and none once withdrawn: a start that comes too late fails, and its transaction
     * with it.
     */
    void recordProcess(String businessKey, String processInstanceId) {
        Long cycleId = MeasureReportProcess.cycleIdOf(businessKey);
        String measureCode = MeasureReportProcess.measureCodeOf(businessKey);
        if (reports.recordProcess(cycleId, measureCode, processInstanceId) == 0) {
            MeasureReport report = forBusinessKey(businessKey);
            if (report.getWithdrawnAt() != null) {
                throw new IllegalStateException("The report " + businessKey + " was withdrawn at "
                        + report.getWithdrawnAt() + ": it gets no process");
            }
            if (!processInstanceId.equals(report.getProcessInstanceId())) {
                throw new IllegalStateException("The report " + businessKey + " has its process already: "
                        + report.getProcessInstanceId());
            }
        }
    }

    /**
     * Withdraws the cycle's reports not accepted from their institutions (they stay as they are, and
     * count as missing). Waits for every transaction that holds one of them, a report's process that is
     * starting among them.
     */
    int withdrawOpen(Long cycleId) {
        return reports.withdrawOpen(cycleId, clock.instant());
    }

    /** The ids of the cycle's reports, in the order they were opened. */
    @Transactional(readOnly = true)
    public List<Long> reportIds(Long cycleId) {
        return reports.findIdsByCycleId(cycleId);
    }

    /**
     * The cycle's reports with ids from {@code fromId} to {@code toId} that are still to get their
     * process: none yet, and not withdrawn. In the order they were opened.
     */
    @Transactional(readOnly = true)
    public List<ReportRow> rowsToStart(Long cycleId, Long fromId, Long toId) {
        return entityManager.createQuery(ROWS + " and r.id between :fromId and :toId"
                        + " and r.processInstanceId is null and r.withdrawnAt is null order by r.id", ReportRow.class)
                .setParameter("cycleId", cycleId).setParameter("fromId", fromId).setParameter("toId", toId)
                .getResultList();
    }

    @Transactional(readOnly = true)
    public long countNotAccepted(Long cycleId) {
        return reports.countByCycleIdAndStateNot(cycleId, ReportState.ACCEPTED);
    }

    @Transactional(readOnly = true)
    public long count(Long cycleId) {
        return reports.countByCycleId(cycleId);
    }

    /** The distinct deadlines of the reports still owed by institutions. */
    @Transactional(readOnly = true)
    public List<LocalDate> openDueDates(Long cycleId) {
        return reports.findOpenDueDates(cycleId, OPEN).stream().sorted().toList();
    }

    /** Every report of the cycle with its measure and institution, in one statement. */
    @Transactional(readOnly = true)
    public List<ReportRow> rows(Long cycleId) {
        return entityManager.createQuery(ROWS + " order by m.code", ReportRow.class)
                .setParameter("cycleId", cycleId).getResultList();
    }

    /**
     * The latest accepted report on each of the measures in other cycles, by measure code: what a new
     * cycle's form starts from, so that institutions update their answers rather than retype them.
     */
    @Transactional(readOnly = true)
    public Map<String, MeasureReport> previousAccepted(Long cycleId, Collection<String> measureCodes) {
        Map<String, MeasureReport> latest = new java.util.HashMap<>();
        if (measureCodes.isEmpty()) {
            return latest;
        }
        entityManager.createQuery("""
                        select m.code, r from MeasureReport r, lv.opengov.reporting.plan.Measure m
                        where m.id = r.measureId and m.code in :codes and r.state = :accepted
                              and r.cycleId <> :cycleId
                        order by r.reviewedAt, r.id""", Object[].class)
                .setParameter("codes", measureCodes).setParameter("accepted", ReportState.ACCEPTED)
                .setParameter("cycleId", cycleId)
                .getResultList()
                .forEach(row -> latest.put((String) row[0], (MeasureReport) row[1]));
        return latest;
    }

    /** Every report of the cycle with its texts, in one statement. */
    @Transactional(readOnly = true)
    public List<ReportDetail> details(Long cycleId) {
        return entityManager.createQuery("""
                        select new lv.opengov.reporting.report.ReportDetail(m.code, m.commitment.number, m.titleLv,
                               m.titleEn, i.code, r.state, r.answers.completion, r.answers.progress,
                               r.answers.challenges, r.answers.nextSteps, r.answers.fundsSpentEur,
                               r.answers.evidenceLinks, r.submittedAt)
                        from MeasureReport r, lv.opengov.reporting.plan.Measure m, lv.opengov.reporting.plan.Institution i
                        where m.id = r.measureId and i.id = r.institutionId and r.cycleId = :cycleId""",
                        ReportDetail.class)
                .setParameter("cycleId", cycleId).getResultList().stream()
                .sorted(java.util.Comparator.comparing(ReportDetail::measureCode,
                        lv.opengov.reporting.plan.PlanService.MEASURE_CODE_ORDER))
                .toList();
    }

    /** The reports still owed whose deadline is one of the given dates. */
    @Transactional(readOnly = true)
    public List<ReportRow> openRowsDueOn(Long cycleId, Collection<LocalDate> dueDates) {
        if (dueDates.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery(ROWS + " and r.state in :states and r.dueDate in :dates order by m.code",
                        ReportRow.class)
                .setParameter("cycleId", cycleId).setParameter("states", OPEN).setParameter("dates", dueDates)
                .getResultList();
    }

    /** The report of a measure-report process, by its business key {@code <cycleId>:<measureCode>}. */
    @Transactional(readOnly = true)
    public ReportRow rowForBusinessKey(String businessKey) {
        return entityManager.createQuery(ROWS + " and m.code = :code", ReportRow.class)
                .setParameter("cycleId", MeasureReportProcess.cycleIdOf(businessKey))
                .setParameter("code", MeasureReportProcess.measureCodeOf(businessKey)).getResultList().stream()
                .findFirst().orElseThrow(() -> new NotFoundException("No report for " + businessKey));
    }

    @Transactional(readOnly = true)
    public ReportRow row(Long reportId) {
        return entityManager.createQuery(ROWS_BY_ID, ReportRow.class).setParameter("id", reportId).getResultList()
                .stream().findFirst().orElseThrow(() -> notFound(reportId));
    }

    /**
     * The report a measure-report process works on, named by the process's business key. Listeners
     * and delegates find it so, and never by a process variable, which a task's user could overwrite
     * when completing a task.
     */
    @Transactional(readOnly = true)
    public MeasureReport forBusinessKey(String businessKey) {
        return reports.findByCycleIdAndMeasureCode(MeasureReportProcess.cycleIdOf(businessKey),
                MeasureReportProcess.measureCodeOf(businessKey))
                .orElseThrow(() -> new NotFoundException("No report for " + businessKey));
    }

    /** The report whose process has the given instance id, for callers that hold the id only. */
    @Transactional(readOnly = true)
    public MeasureReport forProcessInstance(String processInstanceId) {
        return reports.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new NotFoundException("No report for process instance " + processInstanceId));
    }

    @Transactional(readOnly = true)
    public Optional<MeasureReport> find(Long reportId) {
        return reports.findById(reportId);
    }

    @Transactional(readOnly = true)
    public List<ReportRevision> revisions(Long reportId) {
        return revisions.findByReportIdOrderByRevisionNo(reportId);
    }

    /** The revisions of the given reports, in one statement: by report, then in the order submitted. */
    @Transactional(readOnly = true)
    public List<ReportRevision> revisions(Collection<Long> reportIds) {
        return reportIds.isEmpty() ? List.of()
                : revisions.findByReportIdInOrderByReportIdAscRevisionNoAsc(reportIds);
    }

    /** How many times the report was submitted: the number of its latest revision, 0 before the first. */
    @Transactional(readOnly = true)
    public int revisionCount(Long reportId) {
        return (int) revisions.countByReportId(reportId);
    }

    /**
     * Reads the report and locks its row until the caller's transaction ends, as a submission and a
     * review do: what another module keeps beside the report (its evidence files) is then counted and
     * numbered against a report that nothing changes meanwhile.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public MeasureReport lock(Long reportId) {
        return reports.lockById(reportId).orElseThrow(() -> notFound(reportId));
    }

    /** Counts of the cycle's reports by state, in one statement. */
    @Transactional(readOnly = true)
    public Map<ReportState, Long> countByState(Long cycleId) {
        Map<ReportState, Long> counts = new java.util.EnumMap<>(ReportState.class);
        for (ReportState state : ReportState.values()) {
            counts.put(state, 0L);
        }
        entityManager.createQuery("select r.state, count(r) from MeasureReport r where r.cycleId = :cycleId "
                        + "group by r.state", Object[].class)
                .setParameter("cycleId", cycleId).getResultList()
                .forEach(row -> counts.put((ReportState) row[0], (Long) row[1]));
        return counts;
    }

    private static final String SELECT_ROW = """
            select new lv.opengov.reporting.report.ReportRow(r.id, m.code, m.titleLv, m.titleEn,
                   m.commitment.number, i.code, r.state, r.answers.completion, r.submittedAt, r.dueDate,
                   r.processInstanceId, r.answers.fundsSpentEur)
            from MeasureReport r, lv.opengov.reporting.plan.Measure m, lv.opengov.reporting.plan.Institution i
            where m.id = r.measureId and i.id = r.institutionId""";
    private static final String ROWS = SELECT_ROW + " and r.cycleId = :cycleId";
    private static final String ROWS_BY_ID = SELECT_ROW + " and r.id = :id";

    private void record(AuditAction action, String userId, MeasureReport report, String details) {
        ReportRow row = row(report.getId());
        audit.record(action, userId, report.getCycleId(), row.measureCode(), row.institution(),
                "report " + report.getId(), details);
    }

    private String measureCode(Long reportId) {
        return row(reportId).measureCode();
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    private static NotFoundException notFound(Long reportId) {
        return new NotFoundException("No report " + reportId);
    }
}
