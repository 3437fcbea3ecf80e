package lv.opengov.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/** Who sees which entries of the audit log, its filters, its page and its CSV export. */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    private ReportingCycle cycle;

    @BeforeAll
    void cycleWithReportsOfTwoInstitutions() throws Exception {
        cycle = fixture.openCycle("Auditācijas piekļuve");
        fixture.submit(cycle, "1.1", "vk", CycleFixture.report("LIMITED", "VK pirmā versija."));
        fixture.review(cycle, "1.1", Map.of("decision", "RETURN", "reviewComment", "=HYPERLINK(\"http://x\")"));
        fixture.submit(cycle, "1.3", "vas", CycleFixture.report("COMPLETE", "VAS pabeigts."));
        fixture.review(cycle, "1.3", Map.of("decision", "ACCEPT"));
    }

    private ResultActions api(String user, String query) throws Exception {
        return mvc.perform(get("/api/audit?cycle=" + cycle.getId() + query).header("Accept-Language", "en")
                .with(httpBasic(user, user)));
    }

    @Test
    void coordinatorSeesEveryEntryNewestFirst() throws Exception {
        api("coordinator", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(5)))
                .andExpect(jsonPath("$.entries[0].action", is("REPORT_ACCEPTED")))
                .andExpect(jsonPath("$.entries[0].measureCode", is("1.3")))
                .andExpect(jsonPath("$.entries[4].action", is("CYCLE_STARTED")))
                .andExpect(jsonPath("$.entries[*].institutionCode", hasItem("VK")))
                .andExpect(jsonPath("$.entries[*].institutionCode", hasItem("VAS")));
        api("admin", "").andExpect(status().isOk()).andExpect(jsonPath("$.total", is(5)));
    }

    @Test
    void institutionSeesOnlyItsOwnReportsEntries() throws Exception {
        api("vk", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(2)))
                .andExpect(jsonPath("$.entries[*].institutionCode", everyItem(is("VK"))))
                .andExpect(jsonPath("$.entries[*].action", hasItem("REPORT_SUBMITTED")))
                .andExpect(jsonPath("$.onlyInstitutions", is(java.util.List.of("VK"))));
        api("vk", "&institution=vk").andExpect(status().isOk()).andExpect(jsonPath("$.total", is(2)));
        api("vas", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].institutionCode", everyItem(is("VAS"))))
                .andExpect(jsonPath("$.entries[*].institutionCode", not(hasItem("VK"))));
    }

    @Test
    void institutionCannotAskForAnotherInstitution() throws Exception {
        api("vas", "&institution=VK").andExpect(status().isForbidden());
        mvc.perform(get("/audit?institution=VK").with(httpBasic("vas", "vas"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit.csv?institution=VK").with(httpBasic("vas", "vas"))).andExpect(status().isForbidden());
    }

    @Test
    void reviewerSeesTheEntriesOnReportsOnly() throws Exception {
        api("reviewer", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(4)))
                .andExpect(jsonPath("$.entries[*].action", not(hasItem("CYCLE_STARTED"))))
                .andExpect(jsonPath("$.onlyReports", is(true)));
    }

    @Test
    void boardAndAnonymousAreRefused() throws Exception {
        api("board", "").andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(httpBasic("board", "board"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/audit.csv")).andExpect(status().isUnauthorized());
    }

    @Test
    void filtersNarrowTheEntries() throws Exception {
        LocalDate today = schedule.today();
        api("coordinator", "&action=report_submitted")
                .andExpect(jsonPath("$.total", is(2)))
                .andExpect(jsonPath("$.entries[*].action", everyItem(is("REPORT_SUBMITTED"))));
        api("coordinator", "&actor=VAS").andExpect(jsonPath("$.total", is(1)))
                .andExpect(jsonPath("$.entries[0].measureCode", is("1.3")));
        api("coordinator", "&institution=VK").andExpect(jsonPath("$.total", is(2)));
        api("coordinator", "&from=" + today + "&to=" + today).andExpect(jsonPath("$.total", is(5)));
        api("coordinator", "&from=" + today.plusDays(1)).andExpect(jsonPath("$.total", is(0)));
        api("coordinator", "&to=" + today.minusDays(1)).andExpect(jsonPath("$.total", is(0)));
        mvc.perform(get("/api/audit?cycle=-1").with(httpBasic("coordinator", "coordinator")))
                .andExpect(jsonPath("$.total", is(0)));
    }

    @Test
    void badFiltersAreRefusedNamingEachField() throws Exception {
        api("coordinator", "&action=DELETED_EVERYTHING&from=2026-02-30&to=yesterday&page=0")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", is(java.util.List.of("action", "from", "to", "page"))))
                .andExpect(jsonPath("$.errors[1].message", containsString("2026-02-30")));
        mvc.perform(get("/api/audit?cycle=abc").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("cycle")));
        mvc.perform(get("/api/audit?from=2026-05-02&to=2026-05-01").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("to")));
        mvc.perform(get("/api/audit?to=+999999999-12-31&page=2147483647")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", is(java.util.List.of("to", "page"))));
        mvc.perform(get("/audit?from=2026-02-30&lang=en").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&quot;2026-02-30&quot; is not a date")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/audit.csv?action=nope&lang=en").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("action: \"nope\" is not an action")));
    }

    @Test
    void pageShowsTheEntriesEscaped() throws Exception {
        mvc.perform(get("/audit?cycle=" + cycle.getId() + "&lang=en").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Report returned")))
                .andExpect(content().string(containsString("=HYPERLINK(&quot;http://x&quot;)")))
                .andExpect(content().string(containsString("/audit.csv?")));
        mvc.perform(get("/audit?cycle=" + cycle.getId()).with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Atskaite atgriezta")))
                .andExpect(content().string(not(containsString("Cikls sākts</td>"))));
        mvc.perform(get("/cycles").with(httpBasic("coordinator", "coordinator")))
                .andExpect(content().string(containsString("href=\"/audit\"")));
    }

    @Test
    void csvExportNeutralisesFormulasAndKeepsTheFilters() throws Exception {
        byte[] body = mvc.perform(get("/audit.csv?cycle=" + cycle.getId() + "&action=REPORT_RETURNED&lang=en")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.strip().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("Time (Riga);User;Action;");
        assertThat(lines[1]).contains(";reviewer;Report returned;" + cycle.getId() + ";1.1;VK;")
                .contains("'=HYPERLINK").doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK");
    }

    @Test
    void pagesHoldAHundredEntriesEach() throws Exception {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < AuditQuery.PAGE_SIZE + 1; i++) {
                audit.record(AuditAction.PLAN_IMPORTED, "pager", null, null, null, "measures " + i, null);
            }
        });
        mvc.perform(get("/api/audit?actor=pager").with(httpBasic("coordinator", "coordinator")))
                .andExpect(jsonPath("$.total", is(101)))
                .andExpect(jsonPath("$.entries", hasSize(100)))
                .andExpect(jsonPath("$.entries[0].subject", is("measures 100")))
                .andExpect(jsonPath("$.hasNext", is(true)));
        mvc.perform(get("/api/audit?actor=pager&page=2").with(httpBasic("coordinator", "coordinator")))
                .andExpect(jsonPath("$.entries", hasSize(1)))
                .andExpect(jsonPath("$.entries[0].subject", is("measures 0")))
                .andExpect(jsonPath("$.hasNext", is(false)));
    }
}
