package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What users wrote is shown as text: a script in a report's progress or in a reviewer's comment, and
 * template expressions, appear escaped and unevaluated on the pages and in the HTML mail.
 */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputEscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String EXPRESSIONS = "${7*7} #{7*7} [[${7*7}]] *{7*7} __${7*7}__";

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    Outbox outbox;

    private ReportingCycle cycle;

    @BeforeAll
    void reportsWithMarkup() throws Exception {
        cycle = fixture.openCycle("Izvades pārbaude");
        fixture.submit(cycle, "4.3", "vk", CycleFixture.report("LIMITED", "Paveikts " + SCRIPT + " " + EXPRESSIONS));
        fixture.review(cycle, "4.3", Map.of("decision", "ACCEPT"));
        fixture.submit(cycle, "4.2", "vk", CycleFixture.report("LIMITED", "Otrs pārskats."));
        fixture.review(cycle, "4.2", Map.of("decision", "RETURN", "reviewComment", "Labojiet " + SCRIPT + " " + EXPRESSIONS));
    }

    @Test
    void progressAndCommentShowAsTextOnTheCoordinatorsPages() throws Exception {
        for (String path : new String[] {"/cycles/" + cycle.getId() + "/measures/4.3",
            "/cycles/" + cycle.getId() + "/measures/4.2", "/cycles/" + cycle.getId() + "/report"}) {
            String page = page(path);
            assertThat(page).as(path).doesNotContain(SCRIPT).doesNotContain(">49<").doesNotContain(" 49 ");
        }
        assertThat(page("/cycles/" + cycle.getId() + "/measures/4.3")).contains(ESCAPED).contains(EXPRESSIONS);
        assertThat(page("/cycles/" + cycle.getId() + "/measures/4.2")).contains(ESCAPED).contains(EXPRESSIONS);
    }

    @Test
    void progressNeverReachesThePublicPageAsMarkup() throws Exception {
        ReportingCycle published = fixture.openCycle("Publiskās izvades pārbaude");
        fixture.submit(published, "4.3", "vk", CycleFixture.report("COMPLETE", "Paveikts " + SCRIPT + " " + EXPRESSIONS));
        fixture.review(published, "4.3", Map.of("decision", "ACCEPT"));
        fixture.publish(published);
        String page = mvc.perform(get("/public/cycles/" + published.getId())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the public page lists completions, not texts; the texts are open data, served as JSON, not HTML
        assertThat(page).doesNotContain(SCRIPT).doesNotContain(">49<");
        var data = mvc.perform(get("/public/data/cycles/" + published.getId() + ".json")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(data.getContentType()).startsWith("application/json");
        assertThat(data.getContentAsString(StandardCharsets.UTF_8)).contains("Paveikts " + SCRIPT + " " + EXPRESSIONS);
    }

    @Test
    void returnCommentIsEscapedInTheHtmlMail() {
        MailMessage returned = outbox.listForCycle(cycle.getId()).stream()
                .filter(m -> m.getTemplate().equals("returned")).findFirst().orElseThrow();
        assertThat(returned.getBodyHtml()).contains(ESCAPED).contains(EXPRESSIONS).doesNotContain(SCRIPT);
        assertThat(returned.getBodyText()).contains(SCRIPT + " " + EXPRESSIONS);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("coordinator", "coordinator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
