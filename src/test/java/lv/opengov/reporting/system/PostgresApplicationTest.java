package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.ReportingPostgresTest;
import lv.opengov.reporting.support.RestartCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The whole application on PostgreSQL with the postgres profile: engine, migrations, seed, import. */
@ReportingPostgresTest
class PostgresApplicationTest {

    private static final String HEADER = "code,commitment,title_lv,title_en,responsible,co_responsible\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlanService planService;

    @Test
    void engineAndProjectTablesLiveInPostgres() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from act_re_procdef where key_ = 'measure-report'",
                Integer.class)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from measure", Integer.class)).isGreaterThanOrEqualTo(12);
        mvc.perform(get("/api/measures").with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[3].code").value("3.1"))
                .andExpect(jsonPath("$[3].titleLv")
                        .value("Nozaru sadarbības partneru pārstāvniecības stiprināšana un regulāra dialoga uzturēšana"));
    }

    @Test
    @Transactional // the import joins the test's transaction and is rolled back: the other tests share the plan
    void aBadImportChangesNothing() throws Exception {
        var before = planService.listMeasures();
        mvc.perform(post("/api/plan/import").contentType("text/csv")
                        .content(HEADER + "4.1,4,Apmācības,Training,VAS,VK\n4.2,4,,Accessibility,NOPE,\n")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("responsible"));
        assertThat(planService.listMeasures()).isEqualTo(before);
    }

    @Test
    @Transactional // the import joins the test's transaction and is rolled back: the other tests share the plan
    void aGoodImportIsStoredWithItsLatvianTitle() throws Exception {
        mvc.perform(post("/api/plan/import").contentType("text/csv")
                        .content(HEADER + "4.1,4,Saprotama valoda valsts pārvaldē,\"Training cycle \"\"Understandable"
                                + " and simple language\"\"\",VAS,VK\n")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk());
        assertThat(planService.listMeasures()).filteredOn(m -> m.code().equals("4.1")).singleElement()
                .extracting(m -> m.titleLv()).isEqualTo("Saprotama valoda valsts pārvaldē");
    }

    @Test
    void restartOnPostgresAddsAndChangesNothing() {
        String[] args = {"--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + PostgresDatabase.url(),
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password()};
        RestartCheck.Snapshot first = RestartCheck.startAndSnapshot(args);
        RestartCheck.Snapshot second = RestartCheck.startAndSnapshot(args);
        assertThat(first.users()).contains("admin", "coordinator", "vk");
        assertThat(second).isEqualTo(first);
    }
}
