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

    @Test
    void statementsPerPageDoNotGrowWithTheNumberOfMeasures() throws Exception {
        ReportingCycle small = fixture.openCycle("Maza");
        Map<String, Long> smallCounts = count(small);

        importService.importTables(LargeCyclePostgresTest.largePlan(20, 10, 20));
        ReportingCycle large = fixture.openCycle("Liela");
        Map<String, Long> largeCounts = count(large);

        assertThat(smallCounts.values()).as("statements were counted").allMatch(n -> n > 0);
        assertThat(largeCounts).isEqualTo(smallCounts);
        assertThat(largeCounts.values()).allMatch(n -> n <= 8);
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
