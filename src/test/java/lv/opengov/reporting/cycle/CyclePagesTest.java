package lv.opengov.reporting.cycle;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages of a cycle in progress, for each role, in Latvian and English. */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CyclePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    private ReportingCycle cycle;

    @BeforeAll
    void cycleInProgress() throws Exception {
        cycle = fixture.openCycle("Lapu pārbaude");
        fixture.submit(cycle, "1.3", "vas", CycleFixture.report("LIMITED", "Pirmā versija <script>alert(1)</script>"));
        fixture.review(cycle, "1.3", Map.of("decision", "RETURN", "reviewComment", "Papildiniet skaitļus."));
        fixture.submit(cycle, "1.3", "vas", CycleFixture.report("SUBSTANTIAL", "Otrā versija: 12 mācības."));
        fixture.submit(cycle, "5.1", "varam", CycleFixture.report("COMPLETE", "Pabeigts."));
        fixture.review(cycle, "5.1", Map.of("decision", "ACCEPT"));
    }

    @ParameterizedTest(name = "{0} lands on {1}")
    @CsvSource({"coordinator,/cycles", "vk,/my", "reviewer,/my", "board,/public"})
    void eachRoleLandsOnItsOwnStartPage(String user, String page) throws Exception {
        mvc.perform(get("/").with(httpBasic(user, user))).andExpect(redirectedUrl(page));
    }

    @Test
    void aBrowserWithoutLoginIsSentToTheLoginForm() throws Exception {
        mvc.perform(get("/cycles").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void coordinatorSeesTheCyclesProgressInLatvian() throws Exception {
        mvc.perform(get("/cycles/" + cycle.getId()).with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pieņemtas 1 un iesniegtas 1 no 12 atskaitēm")))
                .andExpect(content().string(containsString("Nozaru sadarbības partneru pārstāvniecības stiprināšana")))
                .andExpect(content().string(containsString("Būtiska")))
                .andExpect(content().string(containsString("Aicinājums sniegt informāciju")))
                .andExpect(content().string(containsString("Iesniegšanas termiņš")))
                .andExpect(content().string(containsString("Viedās administrācijas un reģionālās attīstības ministrija")));
    }

    @Test
    void theSamePageInEnglish() throws Exception {
        mvc.perform(get("/cycles/" + cycle.getId() + "?lang=en").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 accepted and 1 submitted of 12 reports")))
                .andExpect(content().string(containsString("Submission deadline")))
                .andExpect(content().string(containsString("Substantial")));
    }

    @Test
    void institutionUserSeesOnlyItsOwnMeasuresAndNoMails() throws Exception {
        mvc.perform(get("/cycles/" + cycle.getId()).with(httpBasic("vas", "vas")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1.3")))
                .andExpect(content().string(not(containsString("5.1 "))))
                .andExpect(content().string(not(containsString("vk.reports@example.org"))));
    }

    @Test
    void anotherInstitutionsMeasurePageIsNotFound() throws Exception {
        mvc.perform(get("/cycles/" + cycle.getId() + "/measures/5.1").with(httpBasic("vas", "vas")))
                .andExpect(status().isNotFound());
    }

    @Test
    void institutionUserSeesTheReportsItOwes() throws Exception {
        mvc.perform(get("/my").with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Iesniedzamās atskaites")))
                .andExpect(content().string(containsString("3.1")));
    }

    @Test
    void measurePageShowsRevisionsWhatChangedAndTheReviewComment() throws Exception {
        mvc.perform(get("/cycles/" + cycle.getId() + "/measures/1.3").with(httpBasic("reviewer", "reviewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>1.3 ")))
                .andExpect(content().string(not(containsString("th:text"))))
                .andExpect(content().string(containsString("Otrā versija: 12 mācības.")))
                .andExpect(content().string(containsString("Papildiniet skaitļus.")))
                .andExpect(content().string(containsString("Atgriezts labošanai")))
                .andExpect(content().string(containsString("2. iesniegums, vas")))
                .andExpect(content().string(containsString("Izmaiņas kopš iepriekšējā iesnieguma")))
                // what the institution typed is shown as text, never as markup
                .andExpect(content().string(containsString("Pirmā versija &lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
    }

    @Test
    void reviewerSeesTheQueue() throws Exception {
        mvc.perform(get("/my").with(httpBasic("reviewer", "reviewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Atskaites, kas gaida izvērtēšanu")))
                .andExpect(content().string(containsString("1.3")));
    }
}
