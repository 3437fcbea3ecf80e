package lv.opengov.reporting.report;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import lv.opengov.reporting.plan.PlanService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports say of their measures' milestones (a state, dated when done or dropped) and indicators
 * (the current value, with a note), for the measure page, the cycle page, the consolidated report,
 * the exports and the open data. Each read is one statement, whatever the number of measures; callers
 * have checked who reads.
 */
@Service
public class ProgressQuery {

    private static final String SELECT_MILESTONES = """
            select new lv.opengov.reporting.report.MilestoneProgress(r.id, m.code, ms.id, ms.number, ms.titleLv,
                ms.titleEn, ms.dueDate, rm.state, rm.stateDate)
            from MeasureReport r
              join Milestone ms on ms.measure.id = r.measureId
              join ms.measure m
              left join ReportMilestone rm on rm.reportId = r.id and rm.milestoneId = ms.id
            """;
    private static final String SELECT_INDICATORS = """
            select new lv.opengov.reporting.report.IndicatorProgress(r.id, m.code, i.id, i.number, i.titleLv,
                i.titleEn, i.unit, i.baseline, i.target, i.targetDate, ri.value, ri.note)
            from MeasureReport r
              join Indicator i on i.measure.id = r.measureId
              join i.measure m
              left join ReportIndicator ri on ri.reportId = r.id and ri.indicatorId = i.id
            """;

    private final EntityManager entityManager;

    ProgressQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The milestones of a report's measure with their states, by number. */
    @Transactional(readOnly = true)
    public List<MilestoneProgress> milestonesOfReport(Long reportId) {
        return entityManager.createQuery(SELECT_MILESTONES + " where r.id = :id order by ms.number",
                MilestoneProgress.class).setParameter("id", reportId).getResultList();
    }

    /** The indicators of a report's measure with their values, by number. */
    @Transactional(readOnly = true)
    public List<IndicatorProgress> indicatorsOfReport(Long reportId) {
        return entityManager.createQuery(SELECT_INDICATORS + " where r.id = :id order by i.number",
                IndicatorProgress.class).setParameter("id", reportId).getResultList();
    }

    /** Every milestone of a cycle's reports with its state, by measure code and number. */
    @Transactional(readOnly = true)
    public Map<String, List<MilestoneProgress>> milestonesOfCycle(Long cycleId) {
        return byMeasure(entityManager.createQuery(SELECT_MILESTONES + " where r.cycleId = :cycleId order by ms.number",
                MilestoneProgress.class).setParameter("cycleId", cycleId).getResultList(), MilestoneProgress::measureCode);
    }

    /** Every indicator of a cycle's reports with its value, by measure code and number. */
    @Transactional(readOnly = true)
    public Map<String, List<IndicatorProgress>> indicatorsOfCycle(Long cycleId) {
        return byMeasure(entityManager.createQuery(SELECT_INDICATORS + " where r.cycleId = :cycleId order by i.number",
                IndicatorProgress.class).setParameter("cycleId", cycleId).getResultList(), IndicatorProgress::measureCode);
    }

    /** The cycle's milestones due before the day and neither done nor dropped, of the given reports only. */
    @Transactional(readOnly = true)
    public List<MilestoneProgress> overdueMilestones(Long cycleId, java.util.Set<Long> reportIds, LocalDate today) {
        return milestonesOfCycle(cycleId).values().stream().flatMap(List::stream)
                .filter(m -> reportIds.contains(m.reportId()) && m.isOverdue(today)).toList();
    }

    private static <T> Map<String, List<T>> byMeasure(List<T> rows, Function<T, String> code) {
        return rows.stream().collect(Collectors.groupingBy(code,
                () -> new TreeMap<>(PlanService.MEASURE_CODE_ORDER), Collectors.toList()));
    }
}
