package lv.opengov.reporting.cycle.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lv.opengov.reporting.report.ContributionRow;

/**
 * The cycle page's figures on contributions: how many were asked for and sent, and per measure the
 * contributors still missing (overdue ones flagged), so that a coordinator sees who has not fed the
 * responsible institution.
 */
public record ContributionCounts(int total, int submitted, int overdue, Map<String, List<ContributionRow>> missingByMeasure) {

    static ContributionCounts of(List<ContributionRow> rows, LocalDate today) {
        Map<String, List<ContributionRow>> missing = new TreeMap<>(lv.opengov.reporting.plan.PlanService.MEASURE_CODE_ORDER);
        int submitted = 0;
        int overdue = 0;
        for (ContributionRow row : rows) {
            if (row.isSubmitted()) {
                submitted++;
                continue;
            }
            if (row.isOverdue(today)) {
                overdue++;
            }
            missing.computeIfAbsent(row.measureCode(), code -> new java.util.ArrayList<>()).add(row);
        }
        return new ContributionCounts(rows.size(), submitted, overdue, missing);
    }
}
