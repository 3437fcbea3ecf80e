package lv.opengov.reporting.report;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.report.internal.ContributionRepository;
import lv.opengov.reporting.report.internal.ContributionRevisionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contributions to measures' reports (Cabinet order No. 78, point 5): each co-responsible
 * institution and other implementer of a measure sends its part to the responsible institution's
 * report, in a contribute-report task of its own. Opened with the reports, found by their task,
 * submitted once per task and kept as revisions.
 */
@Service
@Transactional
public class ContributionService {

    private static final String SELECT_ROW = """
            select new lv.opengov.reporting.report.ContributionRow(c.id, r.id, r.cycleId, m.code, m.titleLv,
                   m.titleEn, lead.code, i.code, i.kind, c.role, c.state, c.dueDate, c.submittedAt, c.answers.progress,
                   c.answers.challenges, c.answers.fundsSpentEur, c.answers.evidenceLinks)
            from Contribution c, MeasureReport r, lv.opengov.reporting.plan.Measure m,
                 lv.opengov.reporting.plan.Institution lead, lv.opengov.reporting.plan.Institution i
            where r.id = c.reportId and m.id = r.measureId and lead.id = r.institutionId and i.id = c.institutionId""";

    private final ContributionRepository contributions;
    private final ContributionRevisionRepository revisions;
    private final ReportService reports;
    private final EntityManager entityManager;
    private final AuditLog audit;
    private final Clock clock;
    private final lv.opengov.reporting.common.ServiceZone zone;
    private final org.springframework.context.ApplicationEventPublisher events;

    ContributionService(ContributionRepository contributions, ContributionRevisionRepository revisions,
            ReportService reports, EntityManager entityManager, AuditLog audit, Clock clock,
            lv.opengov.reporting.common.ServiceZone zone, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.zone = zone;
        this.contributions = contributions;
        this.revisions = revisions;
        this.reports = reports;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    /** A contribution to open: to which report, by whom, as what. */
    public record Opening(Long reportId, Long institutionId, ContributionRole role) {
    }

    /** Opens the contributions, each due on the given date; in the caller's transaction. */
    public void open(List<Opening> openings, LocalDate dueDate) {
        for (Opening opening : openings) {
            contributions.save(new Contribution(opening.reportId(), opening.institutionId(), opening.role(),
                    dueDate));
        }
    }

    /**
     * The contributors to the report a measure-report process works on, by code: one contribute-report
     * task each, in this order.
     */
    @Transactional(readOnly = true)
    public List<String> contributorsOf(String businessKey) {
        return rowsOfReport(reports.forBusinessKey(businessKey).getId()).stream()
                .map(ContributionRow::contributor).toList();
    }

    /**
     * Records a contribute-report task just created on the given contribution, handed over by the
     * process that started the report; a contribution that has its task already keeps it.
     */
    public void attachTask(Long contributionId, String taskId) {
        int attached = entityManager.createQuery(
                        "update Contribution c set c.taskId = :taskId, c.version = c.version + 1"
                                + " where c.id = :id and c.taskId is null")
                .setParameter("taskId", taskId).setParameter("id", contributionId).executeUpdate();
        if (attached == 0) {
            throw new IllegalStateException("The contribution " + contributionId + " has its task already");
        }
    }

    /**
     * Records a contribute-report task just created for the report of the given process: it takes the
     * first contribution (by contributor code) that has no task yet, as the model creates one task per
     * contributor in that order.
     */
    public ContributionRow attachTask(String businessKey, String taskId) {
        Long reportId = reports.forBusinessKey(businessKey).getId();
        for (ContributionRow row : rowsOfReport(reportId)) {
            Contribution contribution = contributions.findById(row.id()).orElseThrow();
            if (contribution.getTaskId() == null) {
                contribution.taskCreated(taskId);
                return row;
            }
        }
        throw new IllegalStateException("Every contribution to " + businessKey + " has its task already");
    }

    /** The contribution of a contribute-report task. */
    @Transactional(readOnly = true)
    public ContributionRow forTask(String taskId) {
        Long id = contributions.findByTaskId(taskId)
                .orElseThrow(() -> new NotFoundException("No contribution for task " + taskId)).getId();
        return row(id);
    }

    /**
     * Records what a contributor sent through its task, as a new revision. A contribution is sent
     * once per task: its task ends with it.
     */
    public ContributionRow submit(String taskId, ReportValues values, String userId) {
        Contribution contribution = contributions.findByTaskId(taskId)
                .orElseThrow(() -> new NotFoundException("No contribution for task " + taskId));
        contribution.submit(values, userId, clock.instant());
        int revision = (int) revisions.countByContributionId(contribution.getId()) + 1;
        revisions.save(new ContributionRevision(contribution.getId(), revision, values, userId,
                contribution.getSubmittedAt()));
        ContributionRow row = row(contribution.getId());
        audit.record(AuditAction.CONTRIBUTION_SUBMITTED, userId, row.cycleId(), row.measureCode(), row.contributor(),
                "report " + row.reportId(), "contribution to " + row.lead());
        events.publishEvent(new ContributionSubmitted(row.cycleId(), row.reportId(), row.contributor()));
        return row;
    }

    /** Moves the due date of the contributions still awaited for the given reports. */
    public void moveDueDates(Collection<Long> reportIds, LocalDate dueDate) {
        if (reportIds.isEmpty()) {
            return;
        }
        entityManager.createQuery("""
                        select c from Contribution c
                        where c.reportId in :reports and c.state = lv.opengov.reporting.report.ContributionState.AWAITING""",
                        Contribution.class)
                .setParameter("reports", reportIds).getResultList()
                .forEach(c -> c.moveDueDate(dueDate));
    }

    @Transactional(readOnly = true)
    public List<ContributionRow> rows(Long cycleId) {
        return entityManager.createQuery(SELECT_ROW + " and r.cycleId = :cycleId order by m.code, i.code",
                ContributionRow.class).setParameter("cycleId", cycleId).getResultList();
    }

    /** The contributions to the cycle's reports with ids in the given range: a batch of reports, in one statement. */
    @Transactional(readOnly = true)
    public List<ContributionRow> rowsOfReports(Long cycleId, Long fromReportId, Long toReportId) {
        return entityManager.createQuery(SELECT_ROW + " and r.cycleId = :cycleId and r.id between :fromId and :toId"
                        + " order by r.id, i.code", ContributionRow.class)
                .setParameter("cycleId", cycleId).setParameter("fromId", fromReportId)
                .setParameter("toId", toReportId).getResultList();
    }

    @Transactional(readOnly = true)
    public List<ContributionRow> rowsOfReport(Long reportId) {
        return entityManager.createQuery(SELECT_ROW + " and r.id = :reportId order by i.code", ContributionRow.class)
                .setParameter("reportId", reportId).getResultList();
    }

    @Transactional(readOnly = true)
    public List<ContributionRevision> revisions(Long contributionId) {
        return revisions.findByContributionIdOrderByRevisionNo(contributionId);
    }

    /** The distinct due dates of the contributions still awaited, to reports still open. */
    @Transactional(readOnly = true)
    public List<LocalDate> openDueDates(Long cycleId) {
        return entityManager.createQuery("select distinct c.dueDate from Contribution c, MeasureReport r"
                        + " where r.id = c.reportId and r.cycleId = :cycleId" + STILL_AWAITED, LocalDate.class)
                .setParameter("cycleId", cycleId).getResultList().stream().sorted().toList();
    }

    /** The contributions still awaited, to reports still open, that are due on one of the given dates. */
    @Transactional(readOnly = true)
    public List<ContributionRow> openRowsDueOn(Long cycleId, Collection<LocalDate> dueDates) {
        if (dueDates.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery(SELECT_ROW + " and r.cycleId = :cycleId and c.dueDate in :dates"
                        + STILL_AWAITED + " order by m.code, i.code", ContributionRow.class)
                .setParameter("cycleId", cycleId).setParameter("dates", dueDates).getResultList();
    }

    /**
     * What the responsible institution's form shows of the contributions to its report, one block per
     * contributor: read-only text in both languages.
     */
    @Transactional(readOnly = true)
    public String summaryOfReport(Long reportId) {
        return summaryOf(rowsOfReport(reportId));
    }

    /** {@link #summaryOfReport} for contributions at hand. */
    public String summaryOf(List<ContributionRow> rows) {
        StringBuilder text = new StringBuilder();
        for (ContributionRow row : rows) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(row.contributor()).append(" — ");
            if (!row.isSubmitted()) {
                text.append("vēl nav iesniegts / not yet submitted (līdz / due ")
                        .append(row.dueDate()).append(')');
                continue;
            }
            text.append("iesniegts / submitted ").append(zone.local(row.submittedAt()).toLocalDate());
            text.append("\nPaveiktais / Done: ").append(row.progress());
            if (row.challenges() != null) {
                text.append("\nProblēmas / Problems: ").append(row.challenges());
            }
            if (row.fundsSpentEur() != null) {
                text.append("\nIztērēts / Spent: ").append(row.fundsSpentEur().toPlainString()).append(" EUR");
            }
            if (row.evidenceLinks() != null) {
                text.append("\nPierādījumi / Evidence: ").append(row.evidenceLinks().replace("\n", " "));
            }
        }
        return text.toString();
    }

    private static final String STILL_AWAITED = " and c.state = lv.opengov.reporting.report.ContributionState.AWAITING"
            + " and r.state <> lv.opengov.reporting.report.ReportState.ACCEPTED and r.withdrawnAt is null";

    private ContributionRow row(Long id) {
        return entityManager.createQuery(SELECT_ROW + " and c.id = :id", ContributionRow.class)
                .setParameter("id", id).getSingleResult();
    }
}
