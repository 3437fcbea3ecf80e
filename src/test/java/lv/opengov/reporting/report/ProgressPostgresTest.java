package lv.opengov.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.plan.PlanTable;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingPostgresTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Saving and reading a report's milestone states and indicator values on PostgreSQL: the entity joins
 * of the cycle's and the report's reads, the numeric values and the dates. The milestone it adds to the
 * shared plan is removed afterwards.
 */
@ReportingPostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressPostgresTest {

    @Autowired
    CycleFixture fixture;

    @Autowired
    PlanImportService importService;

    @Autowired
    ReportProgress progress;

    @Autowired
    ProgressQuery query;

    @Autowired
    JdbcTemplate jdbc;

    private ReportingCycle cycle;

    @BeforeAll
    void milestoneAndCycle() {
        importService.importTables(Map.of(PlanTable.MILESTONES,
                "measure,number,title_lv,title_en,due_date\n6.3,1,Pašvaldību forumi,Municipal forums,2023-09-30\n"
                        .getBytes(StandardCharsets.UTF_8)));
        cycle = fixture.openCycle("Starpposma mērķi PostgreSQL");
    }

    @AfterAll
    void removeMilestone() {
        jdbc.update("delete from report_milestone where milestone_id in (select ms.id from milestone ms "
                + "join measure m on m.id = ms.measure_id where m.code = '6.3')");
        jdbc.update("delete from milestone where measure_id = (select id from measure where code = '6.3')");
    }

    @Test
    void statesAndValuesAreSavedAndReadBack() {
        Long report63 = fixture.reportId(cycle, "6.3");
        Long report32 = fixture.reportId(cycle, "3.2");
        MilestoneProgress milestone = query.milestonesOfReport(report63).get(0);
        assertThat(milestone.state()).isNull();
        assertThat(milestone.isOverdue(LocalDate.of(2024, 1, 1))).isTrue();
        fixture.asUser("varam", () -> {
            progress.save(report63, Map.of("milestone." + milestone.milestoneId() + ".state", "DONE",
                    "milestone." + milestone.milestoneId() + ".date", "2023-09-15"));
            return null;
        });
        IndicatorProgress indicator = query.indicatorsOfReport(report32).get(0);
        fixture.asUser("vk", () -> {
            progress.save(report32, Map.of("indicator." + indicator.indicatorId() + ".value", "3,25",
                    "indicator." + indicator.indicatorId() + ".note", "Trīs likumprojekti"));
            return null;
        });
        assertThatThrownBy(() -> fixture.asUser("vk", () -> {
            progress.save(report32, Map.of("indicator." + indicator.indicatorId() + ".value", "-2"));
            return null;
        })).isInstanceOf(ProgressRefusedException.class);

        List<MilestoneProgress> milestones = query.milestonesOfCycle(cycle.getId()).get("6.3");
        assertThat(milestones).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MilestoneState.DONE);
            assertThat(m.stateDate()).isEqualTo(LocalDate.of(2023, 9, 15));
            assertThat(m.isOverdue(LocalDate.of(2024, 1, 1))).isFalse();
        });
        assertThat(query.indicatorsOfCycle(cycle.getId()).get("3.2")).singleElement().satisfies(i -> {
            assertThat(i.value()).isEqualByComparingTo(new BigDecimal("3.25"));
            assertThat(i.note()).isEqualTo("Trīs likumprojekti");
            assertThat(i.barWidth(i.value())).isEqualTo(IndicatorProgress.CHART_WIDTH);
        });
        assertThat(query.overdueMilestones(cycle.getId(), java.util.Set.of(report63), LocalDate.of(2024, 1, 1))).noneMatch(m -> m.measureCode().equals("6.3"));
    }
}
