package lv.opengov.reporting.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.refresh.PlanRefreshProcess;
import lv.opengov.reporting.refresh.RefreshService;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.RefreshFixture;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Everything the public pages link to opens for the public: a crawl from {@code /public}, anonymous,
 * over every same-site link, with a published cycle and a published plan refresh in place.
 */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicLinksTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");
    private static final int MAX_PAGES = 300;

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    RefreshService refreshes;

    @Autowired
    RefreshFixture refreshFixture;

    @Autowired
    TestClock clock;

    private ReportingCycle cycle;
    private Long published;
    private Long unpublished;

    @BeforeAll
    void publishedCycleAndRefresh() throws Exception {
        cycle = fixture.openCycle("Publisko saišu pārbaude");
        fixture.submit(cycle, "4.3", "vk", CycleFixture.report("COMPLETE", "Dialogi notikuši."));
        fixture.review(cycle, "4.3", Map.of("decision", "ACCEPT"));
        cycle = fixture.publish(cycle);

        LocalDate start = refreshes.today().plusDays(30);
        unpublished = refreshFixture.scheduled(start.plusDays(60), start.plusDays(70), start.plusDays(200)).getId();
        published = refreshFixture.collectingOpinions(start, start.plusDays(10), start.plusDays(100)).getId();
        mvc.perform(post("/api/refreshes/" + published + "/opinions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureCode\":\"3.2\",\"text\":\"Vairāk dialogu reģionos.\"}"))
                .andExpect(status().isCreated());
        clock.moveTo(start.plusDays(11).atStartOfDay(ZoneId.of("Europe/Riga")).toInstant());
        refreshFixture.runDueJobs(published);
        long opinion = refreshes.opinions(published).get(0).getId();
        refreshes.respond(published, opinion, "ACCEPTED", "Iekļauts plānā.", "coordinator");
        refreshFixture.complete(published, PlanRefreshProcess.TASK_RESPOND, Map.of());
        refreshFixture.complete(published, PlanRefreshProcess.TASK_UPDATE, Map.of());
        refreshFixture.runDueJobs(published);
        assertThat(refreshes.find(published).getOpinionsPublishedAt()).isNotNull();
    }

    @Test
    void everyLinkFromThePublicPagesAnswers200ToTheAnonymousPublic() throws Exception {
        Map<String, Integer> answers = crawl(List.of("/public", "/public?lang=en"));
        assertThat(answers.keySet()).as("the crawl reached the published documents")
                .contains("/public/cycles/" + cycle.getId(), "/public/data/cycles/" + cycle.getId() + ".csv",
                        "/public/refresh/" + published, "/public/refresh/" + published + "/changes.pdf",
                        "/public/refresh/" + published + "/changes.html");
        assertThat(answers).allSatisfy((link, code) -> assertThat(code).as(link).isEqualTo(200));
    }

    @Test
    void theChangesDocumentOfARefreshNotYetPublishedIsNotThere() throws Exception {
        mvc.perform(get("/public/refresh/" + unpublished)).andExpect(status().isOk());
        mvc.perform(get("/public/refresh/" + unpublished + "/changes.pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/public/refresh/" + unpublished + "/changes.html")).andExpect(status().isNotFound());
        mvc.perform(get("/public/refresh/999999/changes.pdf")).andExpect(status().isNotFound());
        // the coordinators' address stays closed to the public
        mvc.perform(get("/api/refreshes/" + published + "/changes.pdf")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePublishedChangesDocumentIsAPdfAndAPageInBothLanguages() throws Exception {
        byte[] pdf = mvc.perform(get("/public/refresh/" + published + "/changes.pdf"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String english = mvc.perform(get("/public/refresh/" + published + "/changes.html?lang=en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Changes and additions to the Open Government Action Plan");
    }

    /** Every same-site link, breadth first, fetched without login; redirects followed on the same site. */
    private Map<String, Integer> crawl(List<String> seeds) throws Exception {
        Map<String, Integer> answers = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> seen = new LinkedHashSet<>(seeds);
        while (!queue.isEmpty() && answers.size() < MAX_PAGES) {
            String link = queue.poll();
            MockHttpServletResponse response = fetch(link);
            answers.put(link, response.getStatus());
            String type = response.getContentType();
            if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            Matcher found = LINK.matcher(response.getContentAsString(StandardCharsets.UTF_8));
            while (found.find()) {
                String next = sameSite(link, found.group(1).replace("&amp;", "&"));
                if (next != null && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        assertThat(queue).as("the crawl stayed within its bound").isEmpty();
        return answers;
    }

    private MockHttpServletResponse fetch(String link) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(URI.create(link)).accept(MediaType.TEXT_HTML, MediaType.ALL)).andReturn().getResponse();
        for (int hops = 0; hops < 5 && response.getStatus() / 100 == 3; hops++) {
            String target = sameSite(link, response.getRedirectedUrl());
            if (target == null || target.startsWith("/login")) {
                return response;
            }
            link = target;
            response = mvc.perform(get(URI.create(target)).accept(MediaType.TEXT_HTML, MediaType.ALL)).andReturn()
                    .getResponse();
        }
        return response;
    }

    /** The link as a path and query on this site, or null for another site, a fragment or a form post. */
    private static String sameSite(String from, String href) {
        if (href == null || href.isBlank() || href.startsWith("#") || href.startsWith("mailto:")) {
            return null;
        }
        URI base = URI.create("http://localhost" + from);
        // a query alone keeps the page's path (RFC 3986, as browsers do; java.net.URI would drop its last segment)
        URI resolved = href.startsWith("?") ? URI.create("http://localhost" + base.getRawPath() + href.strip())
                : base.resolve(href.strip());
        if (!"localhost".equals(resolved.getHost()) || resolved.getPort() != -1) {
            return null;
        }
        String path = resolved.getRawPath();
        if (path.endsWith("/opinions")) {
            // the opinion form's action takes posts, not visits
            return null;
        }
        return resolved.getRawQuery() == null ? path : path + "?" + resolved.getRawQuery();
    }
}
