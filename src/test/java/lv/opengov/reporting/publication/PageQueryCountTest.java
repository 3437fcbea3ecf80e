package lv.opengov.reporting.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.cycle.LargeCyclePostgresTest;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages and exports read with aggregate queries: the number of SQL statements a page needs is
 * the same for a cycle of 12 measures and one of 200. The larger plan goes into a database of its
 * own, so that no other test meets it.
 */
@ReportingTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:page-query-count;DB_CLOSE_DELAY=-1",
        "spring.jpa.properties.hibernate.generate_statistics=true"})
class PageQueryCountTest {

    private static final List<String> PAGES = List.of("/cycles/%d", "/cycles/%d/report", "/api/cycles/%d/overview",
            "/api/cycles/%d", "/api/cycles/%d/report.csv", "/api/cycles/%d/report.xlsx");

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    PlanImportService importService;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    lv.opengov.reporting.plan.PlanService planService;

    @Test
    void statementsPerPageDoNotGrowWithTheNumberOfMeasures() throws Exception {
        giveEveryMeasureMilestonesAndIndicators();
        ReportingCycle small = fixture.openCycle("Maza");
        Map<String, Long> smallCounts = count(small);

        importService.importTables(LargeCyclePostgresTest.largePlan(20, 10, 20));
        giveEveryMeasureMilestonesAndIndicators();
        ReportingCycle large = fixture.openCycle("Liela");
        Map<String, Long> largeCounts = count(large);

        assertThat(smallCounts.values()).as("statements were counted").allMatch(n -> n > 0);
        assertThat(largeCounts).isEqualTo(smallCounts);
        // the cycle page, the busiest: its cycle, reports, contributions, funding lines, milestones and indicators
        assertThat(largeCounts.values()).allMatch(n -> n <= 9);
    }

    /** Two milestones (one overdue) and an indicator for each measure, so that the pages show them all. */
    private void giveEveryMeasureMilestonesAndIndicators() {
        StringBuilder milestones = new StringBuilder("measure,number,title_lv,title_en,due_date\n");
        StringBuilder indicators = new StringBuilder("measure,number,title_lv,title_en,unit,baseline,target,target_date\n");
        for (var measure : planService.listMeasures()) {
            milestones.append(measure.code()).append(",1,Sākts,,2023-01-31\n")
                    .append(measure.code()).append(",2,Pabeigts,,2099-12-31\n");
            indicators.append(measure.code()).append(",1,Rādītājs,,skaits,0,10,\n");
        }
        java.util.Map<lv.opengov.reporting.plan.PlanTable, byte[]> files = new java.util.EnumMap<>(
                lv.opengov.reporting.plan.PlanTable.class);
        files.put(lv.opengov.reporting.plan.PlanTable.MILESTONES,
                milestones.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put(lv.opengov.reporting.plan.PlanTable.INDICATORS,
                indicators.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        importService.importTables(files);
    }

    private Map<String, Long> count(ReportingCycle cycle) throws Exception {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String page : PAGES) {
            String path = page.formatted(cycle.getId());
            statistics.clear();
            mvc.perform(get(path).with(httpBasic("coordinator", "coordinator"))).andExpect(status().isOk());
            counts.put(page, statistics.getPrepareStatementCount());
        }
        return counts;
    }
}
