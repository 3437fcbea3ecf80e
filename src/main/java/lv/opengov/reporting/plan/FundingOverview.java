package lv.opengov.reporting.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Money planned against money spent: the plan's funding lines beside what their measures reported as
 * spent, and each funded measure's planned amount beside its spending, with totals. Reports give their
 * spending per measure, not per line, so lines that fund the same measures (measure 3.2's three yearly
 * lines) form one group whose spending is given once, on its first line, against the group's planned
 * sum; a group whose measures spent more than it holds is flagged; so is a measure spending more than
 * the lines that fund it alone. Each total counts each line, and each measure's spending, once.
 *
 * @param measures the measures with planned funding or reported spending, in code order
 */
public record FundingOverview(List<Line> lines, List<MeasureFunds> measures, BigDecimal plannedTotal,
        BigDecimal spentTotal) {

    /**
     * A funding line with what its group's measures spent.
     *
     * @param spent   what the measures of the line's group spent
     * @param planned the planned sum of the line's group
     * @param span    the number of lines in the group on its first line, where the spending is shown; 0 on
     *                the lines after it, which show none
     */
    public record Line(FundingView funding, BigDecimal spent, BigDecimal planned, int span) {

        /** Whether the spending is shown on this line: the first of its group. */
        public boolean isFirstOfGroup() {
            return span > 0;
        }

        public boolean isOverspent() {
            return spent.compareTo(planned) > 0;
        }
    }

    /**
     * One measure's money.
     *
     * @param planned the amounts of the lines that fund it (a shared line counted whole), zero when none
     * @param shared  whether a line funding it funds other measures too
     */
    public record MeasureFunds(String code, BigDecimal planned, boolean shared, BigDecimal spent) {

        /** Spending above plan; not judged for a measure funded by a shared line (its line is). */
        public boolean isOverspent() {
            return !shared && planned.signum() > 0 && spent.compareTo(planned) > 0;
        }

        public boolean isUnplanned() {
            return planned.signum() == 0 && spent.signum() > 0;
        }
    }

    /** The overview of the plan's funding lines against the given spending by measure code. */
    public static FundingOverview of(List<FundingView> funding, Map<String, BigDecimal> spentByMeasure) {
        Map<String, BigDecimal> planned = new TreeMap<>(PlanService.MEASURE_CODE_ORDER);
        Map<String, Boolean> shared = new TreeMap<>(PlanService.MEASURE_CODE_ORDER);
        // the lines by the measures they fund, in the order of each group's first line
        Map<List<String>, List<FundingView>> groups = new LinkedHashMap<>();
        funding.forEach(line -> groups.computeIfAbsent(line.measures(), k -> new ArrayList<>()).add(line));
        List<Line> lines = new ArrayList<>();
        BigDecimal plannedTotal = BigDecimal.ZERO;
        for (Map.Entry<List<String>, List<FundingView>> group : groups.entrySet()) {
            BigDecimal spent = group.getKey().stream().map(code -> spentByMeasure.getOrDefault(code, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal groupPlanned = group.getValue().stream().map(FundingView::amountEur)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            for (FundingView line : group.getValue()) {
                for (String code : line.measures()) {
                    planned.merge(code, line.amountEur(), BigDecimal::add);
                    shared.merge(code, line.isShared(), Boolean::logicalOr);
                }
                lines.add(new Line(line, spent, groupPlanned, line == group.getValue().get(0) ? group.getValue().size() : 0));
                plannedTotal = plannedTotal.add(line.amountEur());
            }
        }
        spentByMeasure.forEach((code, amount) -> {
            if (amount.signum() > 0) {
                planned.putIfAbsent(code, BigDecimal.ZERO);
            }
        });
        List<MeasureFunds> measures = new ArrayList<>();
        planned.forEach((code, amount) -> measures.add(new MeasureFunds(code, amount,
                shared.getOrDefault(code, false), spentByMeasure.getOrDefault(code, BigDecimal.ZERO))));
        BigDecimal spentTotal = spentByMeasure.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FundingOverview(lines, measures, plannedTotal, spentTotal);
    }

    /** A measure's money, or null when it has neither plan nor spending. */
    public MeasureFunds measure(String code) {
        return measures.stream().filter(m -> m.code().equals(code)).findFirst().orElse(null);
    }

    public boolean isEmpty() {
        return lines.isEmpty() && measures.isEmpty();
    }
}
