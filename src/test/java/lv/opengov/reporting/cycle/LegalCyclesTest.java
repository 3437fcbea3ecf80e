package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.support.ReportingTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The order's cycles as presets: the dates each proposes (the legal deadline on a working day, the
 * invitation on the first working day of the week picked, the deadline three weeks later), a cycle
 * started from one through the API and the Tasklist start form, the window shorter than the order's
 * warned or refused, and the final report marked wherever its cycle shows. The order's own cycles are
 * past; the tests start cycles from the far preset the test profile adds.
 */
@ReportingTest
class LegalCyclesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LatvianCalendar calendar;

    @Autowired
    CycleQuery cycleQuery;

    @Autowired
    FormService formService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Test
    void eachPresetProposesTheOrdersDates() throws Exception {
        mvc.perform(get("/api/cycles/presets").with(httpBasic("coordinator", "coordinator")).header("Accept-Language", "lv"))
                .andExpect(status().isOk())
                // 1 March 2026 is a Sunday: the legal deadline moves to Monday; invitations in the week of 8 January
                .andExpect(jsonPath("$[?(@.preset == '2024-2025')].legalDeadline").value("2026-03-02"))
                .andExpect(jsonPath("$[?(@.preset == '2024-2025')].requestedLegalDeadline").value("2026-03-01"))
                .andExpect(jsonPath("$[?(@.preset == '2024-2025')].invitationDate").value("2026-01-05"))
                .andExpect(jsonPath("$[?(@.preset == '2024-2025')].submissionDeadline").value("2026-01-26"))
                .andExpect(jsonPath("$[?(@.preset == '2024-2025')].name").value("Atskaite par 2024.–2025. gadu"))
                .andExpect(jsonPath("$[?(@.preset == '2024-2025')].passed").value(true))
                .andExpect(jsonPath("$[?(@.preset == '2022-2023')].legalDeadline").value("2024-03-01"))
                .andExpect(jsonPath("$[?(@.preset == 'final')].finalReport").value(true))
                .andExpect(jsonPath("$[?(@.preset == 'final')].periodFrom").value("2022-01-01"))
                .andExpect(jsonPath("$[?(@.preset == 'final')].periodTo").value("2025-12-31"));
        // the week of 14 January 2026: Monday the 12th, three weeks to Monday 2 February
        mvc.perform(get("/api/cycles/presets?week=2026-01-14").with(httpBasic("coordinator", "coordinator")))
                .andExpect(jsonPath("$[?(@.preset == '2024-2025')].invitationDate").value("2026-01-12"))
                .andExpect(jsonPath("$[?(@.preset == '2024-2025')].submissionDeadline").value("2026-02-02"));
        mvc.perform(get("/api/cycles/presets?week=janvāris").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("week"));
    }

    @Test
    void aCycleStartsFromItsPresetThroughTheApiAndAShorterWindowIsWarned() throws Exception {
        LocalDate legal = calendar.deadline(LocalDate.of(2098, 3, 1));
        LocalDate invitation = calendar.onOrAfter(LocalDate.of(2098, 1, 5));
        String started = mvc.perform(post("/api/cycles").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\": \"2096-2097\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.legalDeadline").value(legal.toString()))
                .andExpect(jsonPath("$.submissionDeadline").value(calendar.deadline(invitation.plusWeeks(3)).toString()))
                .andExpect(jsonPath("$.finalReport").value(false))
                .andExpect(jsonPath("$.warnings", empty()))
                .andReturn().getResponse().getContentAsString();
        Long id = Long.valueOf(started.replaceAll(".*\"id\":(\\d+).*", "$1"));
        ReportingCycle cycle = cycleQuery.find(id);
        assertThat(cycle.getName()).isEqualTo("Report on 2096–2097");
        assertThat(cycle.getPeriodFrom()).isEqualTo(LocalDate.of(2096, 1, 1));
        assertThat(cycle.getInvitationDate()).isEqualTo(invitation);

        // a second cycle of the same period is refused as before; a deadline of one's own is kept, and a
        // window shorter than three weeks is accepted through the API with a warning
        mvc.perform(post("/api/cycles").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"preset\": \"2096-2097\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periodFrom"));
        mvc.perform(post("/api/cycles").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\": \"2096-2097\", \"periodFrom\": \"2096-02-01\", \"invitationWeek\": \"2098-01-14\","
                                + " \"submissionDeadline\": \"2098-01-20\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.submissionDeadline").value(calendar.deadline(LocalDate.of(2098, 1, 20)).toString()))
                .andExpect(jsonPath("$.warnings", hasSize(1)))
                .andExpect(jsonPath("$.warnings[0]", containsString("less than 3 weeks")));
    }

    @Test
    void anUnknownPresetAndOneWhoseLegalDeadlinePassedAreRefused() throws Exception {
        mvc.perform(post("/api/cycles").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\": \"2030-2031\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("preset"))
                .andExpect(jsonPath("$.errors[0].message", containsString("2022-2023, 2024-2025, final")));
        mvc.perform(post("/api/cycles").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preset\": \"2024-2025\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'legalDeadline')].message",
                        org.hamcrest.Matchers.hasItem(containsString("has passed"))));
    }

    @Test
    void theStartFormRefusesAShortWindowUntilTheCoordinatorAcceptsIt() throws Exception {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ReportingCycleProcess.KEY)
                .latestVersion().singleResult().getId();
        Map<String, Object> form = new java.util.HashMap<>(Map.of("preset", "2096-2097", "periodFrom", "2096-03-01",
                "invitationWeek", "2098-01-14", "submissionDeadline", "2098-01-21", "acceptMovedDates", false));
        assertThatThrownBy(() -> lv.opengov.reporting.support.ProcessTestSupport.as(identityService, "coordinator",
                () -> formService.submitStartForm(definition, form)))
                .isInstanceOfSatisfying(lv.opengov.reporting.common.InvalidInputException.class, refused ->
                        assertThat(refused.getErrors()).singleElement().asString()
                                .contains("submissionDeadline").contains("3"));
        form.put("acceptMovedDates", true);
        var instance = lv.opengov.reporting.support.ProcessTestSupport.as(identityService, "coordinator",
                () -> formService.submitStartForm(definition, form));
        ReportingCycle cycle = cycleQuery.find(ReportingCycleProcess.cycleIdOf(instance.getBusinessKey()));
        assertThat(cycle.getInvitationDate()).isEqualTo(calendar.onOrAfter(LocalDate.of(2098, 1, 12)));
        assertThat(cycle.getLegalDeadline()).isEqualTo(calendar.deadline(LocalDate.of(2098, 3, 1)));
    }

    @Test
    void theFinalReportCoversThePlanPeriodAndIsMarkedWhereverItsCycleShows() throws Exception {
        String request = "{\"name\": \"Plāna gala atskaite\", \"periodFrom\": \"2022-01-01\", \"periodTo\": \"%s\","
                + " \"invitationDate\": \"2099-01-05\", \"submissionDeadline\": \"2099-01-26\","
                + " \"legalDeadline\": \"2099-03-02\", \"finalReport\": true}";
        mvc.perform(post("/api/cycles").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(request.formatted("2023-12-31")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("finalReport"))
                .andExpect(jsonPath("$.errors[0].message", containsString("whole plan period")));
        String started = mvc.perform(post("/api/cycles").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(request.formatted("2025-12-31")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.finalReport").value(true))
                .andReturn().getResponse().getContentAsString();
        Long id = Long.valueOf(started.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(get("/api/cycles/" + id).with(httpBasic("board", "board")))
                .andExpect(jsonPath("$.finalReport").value(true));
        for (String page : new String[] {"/cycles/" + id, "/cycles", "/cycles/" + id + "/report"}) {
            mvc.perform(get(page + "?lang=lv").with(httpBasic("coordinator", "coordinator")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Gala atskaite")));
        }
        byte[] xlsx = mvc.perform(get("/api/cycles/" + id + "/report.xlsx").with(httpBasic("coordinator", "coordinator"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("final-report-" + id + ".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Final report");
        }
        mvc.perform(get("/api/cycles/" + id + "/report.pdf").with(httpBasic("coordinator", "coordinator"))
                        .header("Accept-Language", "lv"))
                .andExpect(header().string("Content-Disposition", containsString("gala-atskaite-" + id + ".pdf")));
        // an ordinary cycle is not marked
        String ordinary = mvc.perform(post("/api/cycles").with(httpBasic("coordinator", "coordinator")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"preset\": \"2096-2097\", \"periodFrom\": \"2096-05-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/cycles/" + ordinary.replaceAll(".*\"id\":(\\d+).*", "$1") + "?lang=lv")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("badge final"))));
    }
}
