package lv.opengov.reporting.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public pages and open data, without login, with a published cycle and one in progress. */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    private ReportingCycle published;
    private ReportingCycle running;

    @BeforeAll
    void cycles() throws Exception {
        published = fixture.openCycle("Publiskā atskaite");
        fixture.submit(published, "4.3", "vk", CycleFixture.report("COMPLETE", "Dialogi notikuši visās nozarēs."));
        fixture.review(published, "4.3", Map.of("decision", "ACCEPT"));
        published = fixture.publish(published);
        running = fixture.openCycle("Nepublicēta atskaite");
    }

    @Test
    void publicPageListsPublishedCyclesAndEachMeasuresLatestCompletion() throws Exception {
        mvc.perform(get("/public"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Publiskā atskaite")))
                .andExpect(content().string(not(containsString("Nepublicēta atskaite"))))
                .andExpect(content().string(containsString("Pabeigts")));
    }

    @Test
    void aPublishedCyclesPageShowsCompletionsButNoAddressesOrUsers() throws Exception {
        mvc.perform(get("/public/cycles/" + published.getId() + "?lang=en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Complete")))
                .andExpect(content().string(not(containsString("@example.org"))))
                .andExpect(content().string(not(containsString("coordinator"))));
    }

    @Test
    void aCycleNotYetPublishedIsNotThere() throws Exception {
        mvc.perform(get("/public/cycles/" + running.getId())).andExpect(status().isNotFound());
        mvc.perform(get("/public/data/cycles/" + running.getId() + ".csv")).andExpect(status().isNotFound());
    }

    @Test
    void openDataOfTheMeasuresAsJsonWithTheirLatestCompletion() throws Exception {
        mvc.perform(get("/public/data/measures.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '4.3')].latestCompletion").value(org.hamcrest.Matchers.contains("COMPLETE")))
                .andExpect(jsonPath("$[?(@.code == '1.1')].latestCompletion").value(org.hamcrest.Matchers.contains((Object) null)));
    }

    @Test
    void openDataOfTheMeasuresAsCsv() throws Exception {
        String csv = mvc.perform(get("/public/data/measures.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("code,commitment,title_lv,title_en");
        assertThat(csv).contains("Nozaru atvērtās pārvaldības dialogi");
    }

    @Test
    void openDataOfAPublishedCycleHoldsItsReportsButNotWhoSubmittedThem() throws Exception {
        mvc.perform(get("/public/data/cycles/" + published.getId() + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '4.3')].progress").value(org.hamcrest.Matchers.contains(
                        "Dialogi notikuši visās nozarēs.")))
                .andExpect(content().string(not(containsString("submittedBy"))));
    }

    @Test
    void boardLandsOnThePublishedOverviews() throws Exception {
        mvc.perform(get("/public").with(httpBasic("board", "board"))).andExpect(status().isOk());
    }
}
