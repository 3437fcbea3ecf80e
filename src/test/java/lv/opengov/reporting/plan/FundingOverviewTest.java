package lv.opengov.reporting.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Money planned against spent, as the cycle page, the consolidated report and its exports show it. */
class FundingOverviewTest {

    private static final List<FundingView> LINES = List.of(
            new FundingView(1L, null, new BigDecimal("35000.00"), null, "Evaluation", List.of("3.1", "6.3")),
            new FundingView(2L, 2024, new BigDecimal("30000.00"), 3, "Innovative participation", List.of("3.2")),
            new FundingView(3L, 2025, new BigDecimal("35000.00"), 3, "Innovative participation", List.of("3.2")));

    @Test
    void eachLineCountsOnceInThePlannedTotalAndAMeasureAddsItsLines() {
        FundingOverview overview = FundingOverview.of(LINES, Map.of("3.2", new BigDecimal("12000")));
        assertThat(overview.plannedTotal()).isEqualByComparingTo("100000");
        assertThat(overview.spentTotal()).isEqualByComparingTo("12000");
        assertThat(overview.measure("3.2").planned()).isEqualByComparingTo("65000");
        assertThat(overview.measure("3.2").isOverspent()).isFalse();
        // the two 3.2 lines cannot be told apart: one group, its spending shown once against both lines
        assertThat(overview.lines()).extracting(FundingOverview.Line::span).containsExactly(1, 2, 0);
        assertThat(overview.lines().get(1).spent()).isEqualByComparingTo("12000");
        assertThat(overview.lines().get(1).planned()).isEqualByComparingTo("65000");
        assertThat(overview.lines().get(1).isOverspent()).isFalse();
    }

    @Test
    void linesOfTheSameMeasuresStandTogetherWhereverThePlanListsThem() {
        List<FundingView> apart = List.of(LINES.get(1), LINES.get(0), LINES.get(2));
        FundingOverview overview = FundingOverview.of(apart, Map.of("3.2", new BigDecimal("31000")));
        assertThat(overview.lines()).extracting(l -> l.funding().id()).containsExactly(2L, 3L, 1L);
        assertThat(overview.lines()).extracting(FundingOverview.Line::isFirstOfGroup).containsExactly(true, false, true);
        // 31,000 is above the 2024 line alone but within the group's 65,000
        assertThat(overview.lines().get(0).isOverspent()).isFalse();
        assertThat(overview.spentTotal()).isEqualByComparingTo("31000");
    }

    @Test
    void spendingAbovePlanIsFlaggedOnTheMeasureOrOnTheSharedLine() {
        FundingOverview overview = FundingOverview.of(LINES, Map.of("3.2", new BigDecimal("65000.01"),
                "3.1", new BigDecimal("20000"), "6.3", new BigDecimal("15000.01")));
        assertThat(overview.measure("3.2").isOverspent()).isTrue();
        // 3.1 and 6.3 share their line: the line is over, not either measure alone
        assertThat(overview.measure("3.1").shared()).isTrue();
        assertThat(overview.measure("3.1").isOverspent()).isFalse();
        assertThat(overview.lines().get(0).isOverspent()).isTrue();
        assertThat(overview.lines().get(1).isOverspent()).isTrue();
    }

    @Test
    void spendingOnAMeasureWithoutPlannedFundingIsShownAsUnplanned() {
        FundingOverview overview = FundingOverview.of(LINES, Map.of("1.1", new BigDecimal("500")));
        assertThat(overview.measure("1.1").isUnplanned()).isTrue();
        assertThat(overview.measure("1.1").planned()).isZero();
        assertThat(overview.measures()).extracting(FundingOverview.MeasureFunds::code)
                .containsExactly("1.1", "3.1", "3.2", "6.3");
        assertThat(FundingOverview.of(List.of(), Map.of()).isEmpty()).isTrue();
    }
}
