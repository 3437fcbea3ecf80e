package lv.opengov.reporting.plan;

import java.math.BigDecimal;
import java.util.List;

/** A funding line of the plan (funding.csv): how much, for what, in which year, for which measures. */
public record FundingView(Long id, Integer year, BigDecimal amountEur, Integer projects, String purpose,
        List<String> measures) {

    static FundingView of(FundingLine line) {
        return new FundingView(line.getId(), line.getYear(), line.getAmountEur(), line.getProjects(),
                line.getPurpose(), line.getMeasures().stream().map(Measure::getCode)
                        .sorted(PlanService.MEASURE_CODE_ORDER).toList());
    }

    /** Whether the line funds more than one measure, so that its amount cannot be told apart per measure. */
    public boolean isShared() {
        return measures.size() > 1;
    }
}
