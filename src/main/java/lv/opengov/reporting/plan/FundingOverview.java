package lv.opengov.reporting.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Money planned against money spent: each funding line of the plan beside what its measures reported
 * as spent, and each funded measure's planned amount beside its spending, with totals. A line whose
 * measures spent more than it holds is flagged; so is a measure spending more than the lines that fund
 * it alone. The planned total counts each line once.
 *
 * @param measures the measures with planned funding or reported spending, in code order
 */
public record FundingOverview(List<Line> lines, List<MeasureFunds> measures, BigDecimal plannedTotal,
        BigDecimal spentTotal) {

    /** A funding line with what its measures spent. */
    public record Line(FundingView funding, BigDecimal spent) {

        public boolean isOverspent() {
            return spent.compareTo(funding.amountEur()) > 0;
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
        List<Line> lines = new ArrayList<>();
        BigDecimal plannedTotal = BigDecimal.ZERO;
        for (FundingView line : funding) {
            BigDecimal spent = BigDecimal.ZERO;
            for (String code : line.measures()) {
                planned.merge(code, line.amountEur(), BigDecimal::add);
                shared.merge(code, line.isShared(), Boolean::logicalOr);
                spent = spent.add(spentByMeasure.getOrDefault(code, BigDecimal.ZERO));
            }
            lines.add(new Line(line, spent));
            plannedTotal = plannedTotal.add(line.amountEur());
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
