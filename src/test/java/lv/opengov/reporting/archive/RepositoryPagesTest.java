package lv.opengov.reporting.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** The public repository page, without login: what was published, when, and by half-year. */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ServiceZone zone;

    private ReportingCycle published;
    private ReportingCycle unpublished;

    @BeforeAll
    void oneCyclePublishedOneNot(@Autowired CycleFixture fixture) {
        published = fixture.publish(fixture.openCycle("Repozitorija pārbaude: publicēts"));
        unpublished = fixture.openCycle("Repozitorija pārbaude: nepublicēts");
    }

    private String page(String language) throws Exception {
        return mvc.perform(get("/public/repository").param("lang", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The HTML of the element with the id, up to the end of its element (a row or paragraph); null without it. */
    private static String element(String html, String id) {
        Matcher m = Pattern.compile("<(tr|p) [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(html);
        return m.find() ? m.group(2) : null;
    }

    /** What a reader sees of the HTML: without tags, entities or runs of white space. */
    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").strip();
    }

    private static List<String> links(String html) {
        return Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    @Test
    void publishedCycleIsListedWithItsDateAndLinksAndTheUnpublishedOneIsNot() throws Exception {
        String page = page("en");
        LocalDate day = zone.local(published.getPublishedAt()).toLocalDate();
        String row = element(page, "CYCLE-" + published.getId());
        assertThat(row).isNotNull();
        assertThat(text(row)).startsWith(day + " Report of the reporting cycle "
                + "\"Repozitorija pārbaude: publicēts\", period " + published.getPeriodFrom());
        assertThat(links(row)).containsExactly("/public/cycles/" + published.getId(),
                "/public/data/cycles/" + published.getId() + ".csv",
                "/public/data/cycles/" + published.getId() + ".json");
        assertThat(text(page)).doesNotContain("Repozitorija pārbaude: nepublicēts");
        assertThat(element(page, "CYCLE-" + unpublished.getId())).isNull();
        assertThat(text(element(page, "last-update"))).matches("Last updated: \\d{4}-\\d\\d-\\d\\d");
    }

    @Test
    void halfYearsSinceThePlanBeganSayWhetherSomethingWasPublished() throws Exception {
        String page = page("en");
        LocalDate day = zone.local(published.getPublishedAt()).toLocalDate();
        String current = "half-" + day.getYear() + "-" + (day.getMonthValue() <= 6 ? 1 : 2);
        assertThat(text(element(page, current))).contains("(current) ✓ published").contains(day.toString());
        // nothing was published in the plan's first half-year: the tests' clock is later
        assertThat(text(element(page, "half-2022-1"))).isEqualTo("2022 H1 — nothing published");
        assertThat(element(page, "half-2022-2")).isNotNull();

        String latvian = page("lv");
        assertThat(text(element(latvian, "half-2022-1"))).isEqualTo("2022. gada 1. pusgads — nekas nav publicēts");
        assertThat(text(element(latvian, current))).contains("✓ publicēts");
    }

    @Test
    void publicPagesLinkToTheRepository() throws Exception {
        String index = mvc.perform(get("/public")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String main = index.substring(index.indexOf("<main"), index.indexOf("</main>"));
        String footer = index.substring(index.indexOf("<footer"), index.indexOf("</footer>"));
        assertThat(links(main)).contains("/public/repository");
        assertThat(links(footer)).contains("/public/repository");
    }

    @Test
    void halfYearOfADateIsItsFirstOrSecondSixMonths() {
        var june = new PublishedRecord.Publication(LocalDate.of(2023, 6, 30), PublishedRecord.Kind.CYCLE, 1L, "a",
                null, null);
        var july = new PublishedRecord.Publication(LocalDate.of(2023, 7, 1), PublishedRecord.Kind.CHANGES, 2L, null,
                null, null);
        List<PublishedRecord.HalfYear> halves = PublishedRecord.halfYears(List.of(june, july), LocalDate.of(2024, 1, 1));
        assertThat(halves).extracting(h -> h.year() + "H" + h.half() + (h.published() ? "✓" : "—"))
                .containsExactly("2022H1—", "2022H2—", "2023H1✓", "2023H2✓", "2024H1—");
        assertThat(halves.get(2).publications()).containsExactly(june);
        assertThat(halves.get(3).publications()).containsExactly(july);
    }
}
