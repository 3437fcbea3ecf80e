package lv.opengov.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.plan.PlanTable;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The progress page of a report, and the measure page, the cycle page and the consolidated report that
 * show what it saved: the responsible institution gives its milestones' states and its indicators'
 * values while the report is open for it; a bad field refuses the whole form; another institution
 * finds nothing; reviewers read. The plan gets milestones of its own here, so the class has its own
 * database.
 */
@ReportingTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:progress-web;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    PlanImportService importService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServiceZone zone;

    private ReportingCycle cycle;
    private Long report32;
    private Long report43;
    private Long doneMilestone;
    private Long laterMilestone;
    private Long overdueMilestone;
    private Long indicator;

    @BeforeAll
    void planAndCycle() {
        Map<PlanTable, byte[]> files = new EnumMap<>(PlanTable.class);
        files.put(PlanTable.MILESTONES, """
                measure,number,title_lv,title_en,due_date
                3.2,1,Metodika sagatavota,Method ready,2023-06-30
                3.2,2,Koprades pilotprojekti,Co-creation pilots,2099-12-31
                4.3,1,"Dialogi ""R&D"" nozarēs",Sector dialogues,2023-03-31
                """.getBytes(StandardCharsets.UTF_8));
        files.put(PlanTable.INDICATORS, """
                measure,number,title_lv,title_en,unit,baseline,target,target_date
                3.2,1,"Politikas plānošanas dokumenti vai tiesību akti, kuru izstrādē, izmantojot inovatīvus veidus, mērķtiecīgi iesaistīti sabiedrības pārstāvji",Policy documents with innovative participation,skaits,2,10,2025-12-31
                """.getBytes(StandardCharsets.UTF_8));
        importService.importTables(files);
        cycle = fixture.openCycle("Starpposma mērķi");
        report32 = fixture.reportId(cycle, "3.2");
        report43 = fixture.reportId(cycle, "4.3");
        doneMilestone = milestoneId("3.2", 1);
        laterMilestone = milestoneId("3.2", 2);
        overdueMilestone = milestoneId("4.3", 1);
        indicator = jdbc.queryForObject("select i.id from indicator i join measure m on m.id = i.measure_id "
                + "where m.code = '3.2' and i.number = 1", Long.class);
    }

    private Long milestoneId(String measure, int number) {
        return jdbc.queryForObject("select ms.id from milestone ms join measure m on m.id = ms.measure_id "
                + "where m.code = ? and ms.number = ?", Long.class, measure, number);
    }

    private static MockHttpServletRequestBuilder save(Long reportId, String user, String... fields) {
        MockHttpServletRequestBuilder request = post("/reports/" + reportId + "/progress").with(csrf())
                .with(httpBasic(user, user));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    private int savedRows(Long reportId) {
        return jdbc.queryForObject("select (select count(*) from report_milestone where report_id = ?)"
                + " + (select count(*) from report_indicator where report_id = ?)", Integer.class, reportId, reportId);
    }

    @Test
    void theInstitutionSavesStatesAndValuesAndTheMeasurePageShowsThem() throws Exception {
        mvc.perform(get("/reports/" + report32 + "/progress").with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Starpposma mērķi un rādītāji: 3.2"),
                        containsString("Metodika sagatavota"), containsString("Koprades pilotprojekti"),
                        containsString("name=\"milestone." + doneMilestone + ".state\""),
                        containsString("name=\"indicator." + indicator + ".value\""),
                        containsString("name=\"_csrf\""))));
        mvc.perform(save(report32, "vk", "milestone." + doneMilestone + ".state", "DONE",
                        "milestone." + doneMilestone + ".date", "2023-06-20",
                        "milestone." + laterMilestone + ".state", "IN_PROGRESS",
                        "indicator." + indicator + ".value", "4",
                        "indicator." + indicator + ".note", "Divi likumprojekti & divas vadlīnijas"))
                .andExpect(redirectedUrl("/reports/" + report32 + "/progress"));

        assertThat(jdbc.queryForList("select state, state_date from report_milestone where report_id = ? "
                + "order by milestone_id", report32)).hasSize(2);
        assertThat(jdbc.queryForObject("select state_date from report_milestone where report_id = ? and milestone_id = ?",
                LocalDate.class, report32, doneMilestone)).isEqualTo(LocalDate.of(2023, 6, 20));
        assertThat(jdbc.queryForObject("select indicator_value from report_indicator where report_id = ?",
                java.math.BigDecimal.class, report32)).isEqualByComparingTo("4");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PROGRESS_REPORTED' "
                + "and subject = ? and details like '%milestone 1: DONE 2023-06-20%indicator 1: 4%'", Integer.class,
                "report " + report32)).isOne();

        mvc.perform(get("/cycles/" + cycle.getId() + "/measures/3.2").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Metodika sagatavota"), containsString("Izpildīts"),
                        containsString("2023-06-20"), containsString("Procesā"),
                        containsString("Divi likumprojekti &amp; divas vadlīnijas"),
                        containsString("<svg"),
                        containsString("<title>Sākotnējā vērtība 2, pašreizējā vērtība 4, mērķa vērtība 10 (skaits)</title>"),
                        containsString("/reports/" + report32 + "/progress"))));
        // the same page in English
        mvc.perform(get("/cycles/" + cycle.getId() + "/measures/3.2").param("lang", "en")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(content().string(allOf(containsString("Method ready"), containsString("Done"),
                        containsString("Baseline 2, current value 4, target 10 (skaits)"))));
    }

    @Test
    void aFutureDateAnUnknownStateAndANegativeValueAreRefusedAndNothingIsSaved() throws Exception {
        int before = savedRows(report43);
        String future = zone.today().plusDays(3).toString();
        mvc.perform(save(report43, "vk", "milestone." + overdueMilestone + ".state", "DONE",
                        "milestone." + overdueMilestone + ".date", future))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Nekas netika saglabāts"),
                        containsString(future + " ir nākotnē"))));
        mvc.perform(save(report43, "vk", "milestone." + overdueMilestone + ".state", "FINISHED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&quot;FINISHED&quot; nav stāvoklis")));
        mvc.perform(save(report32, "vk", "milestone." + laterMilestone + ".state", "NOT_STARTED",
                        "indicator." + indicator + ".value", "-1").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Nothing was saved"),
                        containsString("&quot;-1&quot; is not a number of at least 0"),
                        // what was typed is kept
                        containsString("value=\"-1\""))));
        mvc.perform(save(report43, "vk", "milestone." + overdueMilestone + ".state", "DROPPED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Norādiet datumu")));
        assertThat(savedRows(report43)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from report_milestone where milestone_id = ? and state = 'NOT_STARTED'",
                Integer.class, laterMilestone)).isZero();
    }

    @Test
    void aContributorReadsTheReportsProgressWithoutChangingIt() throws Exception {
        // TM is co-responsible for 3.2 and contributes to its report
        mvc.perform(get("/reports/" + report32 + "/progress").with(httpBasic("tm", "tm")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Metodika sagatavota"),
                        not(containsString("name=\"milestone.")))));
        int before = savedRows(report32);
        mvc.perform(save(report32, "tm", "milestone." + laterMilestone + ".state", "IN_PROGRESS"))
                .andExpect(status().isConflict());
        assertThat(savedRows(report32)).isEqualTo(before);
    }

    @Test
    void anotherInstitutionFindsNothingAndReviewersReadWithoutChanging() throws Exception {
        mvc.perform(get("/reports/" + report32 + "/progress").with(httpBasic("varam", "varam")))
                .andExpect(status().isNotFound());
        mvc.perform(save(report32, "varam", "milestone." + doneMilestone + ".state", "DROPPED"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reports/" + report32 + "/progress").with(httpBasic("reviewer", "reviewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Metodika sagatavota"),
                        not(containsString("name=\"milestone.")))));
        int before = savedRows(report32);
        mvc.perform(save(report32, "reviewer", "milestone." + laterMilestone + ".state", "DROPPED",
                        "milestone." + laterMilestone + ".date", "2023-01-01"))
                .andExpect(status().isConflict());
        assertThat(savedRows(report32)).isEqualTo(before);
    }

    @Test
    void theCyclePageListsOverdueMilestonesEscaped() throws Exception {
        mvc.perform(get("/cycles/" + cycle.getId()).with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nokavētie starpposma mērķi"),
                        containsString("Dialogi &quot;R&amp;D&quot; nozarēs"),
                        not(containsString("Koprades pilotprojekti")))));
        // an institution sees only its own measures' milestones
        mvc.perform(get("/cycles/" + cycle.getId()).with(httpBasic("varam", "varam")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Nokavētie starpposma mērķi"))));
    }

    @Test
    void afterAcceptanceTheInstitutionCannotChangeThemAndTheConsolidatedReportShowsThem() throws Exception {
        ReportingCycle accepted = fixture.openCycle("Pieņemta atskaite");
        Long report = fixture.reportId(accepted, "3.2");
        mvc.perform(save(report, "vk", "milestone." + doneMilestone + ".state", "DONE",
                        "milestone." + doneMilestone + ".date", "2023-05-02",
                        "indicator." + indicator + ".value", "7.5"))
                .andExpect(status().is3xxRedirection());
        fixture.submit(accepted, "3.2", "vk", CycleFixture.report("SUBSTANTIAL", "Metodika gatava."));
        fixture.review(accepted, "3.2", Map.of("decision", "ACCEPT"));

        mvc.perform(save(report, "vk", "milestone." + doneMilestone + ".state", "DROPPED",
                        "milestone." + doneMilestone + ".date", "2023-05-03",
                        "indicator." + indicator + ".value", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("vairs nevar mainīt")));
        assertThat(jdbc.queryForObject("select state from report_milestone where report_id = ?", String.class,
                report)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select indicator_value from report_indicator where report_id = ?",
                java.math.BigDecimal.class, report)).isEqualByComparingTo("7.5");
        mvc.perform(get("/reports/" + report + "/progress").with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"milestone."))));

        mvc.perform(get("/cycles/" + accepted.getId() + "/report").with(httpBasic("board", "board")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Metodika sagatavota"), containsString("Izpildīts"),
                        containsString("2023-05-02"),
                        containsString("Sākotnējā vērtība 2, pašreizējā vērtība 7.5, mērķa vērtība 10 (skaits)"))));
        byte[] pdf = mvc.perform(get("/api/cycles/" + accepted.getId() + "/report.pdf")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Metodika sagatavota", "Izpildīts", "7.5");
        }
        // the spreadsheet's and the CSV's columns, and the open data once published
        String csv = mvc.perform(get("/api/cycles/" + accepted.getId() + "/report.csv")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Starpposma mērķi;Rādītāji")
                .contains("1. Metodika sagatavota (2023-06-30): Izpildīts 2023-05-02")
                .contains("vērtība 7.5, bāzes vērtība 2, mērķa vērtība 10");
        fixture.publish(accepted);
        String open = mvc.perform(get("/public/data/cycles/" + accepted.getId() + ".json"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(open).contains("\"milestones\":[{\"number\":1,\"titleLv\":\"Metodika sagatavota\"")
                .contains("\"state\":\"DONE\"").contains("\"value\":7.5");
    }

    @Test
    void aReportNotYetShownKeepsItsStatesOutOfTheConsolidatedReport() throws Exception {
        // 3.2 of the first cycle has states saved but is not submitted: the report lists its milestones only
        mvc.perform(save(report32, "vk", "milestone." + laterMilestone + ".state", "IN_PROGRESS"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/cycles/" + cycle.getId() + "/report").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String measure = page.substring(page.indexOf("Koprades pilotprojekti"));
        assertThat(measure.substring(0, measure.indexOf("</table>"))).doesNotContain("Procesā");
        assertThat(List.of(page)).allMatch(p -> p.contains("Metodika sagatavota"));
    }
}
