package lv.opengov.reporting.cycle;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import lv.opengov.reporting.support.ReportingTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Starting and reading cycles through the API: the validation of each field and the contract's answers. */
@ReportingTest
class CycleApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    lv.opengov.reporting.calendar.LatvianCalendar calendar;

    private Map<String, Object> request(int year) {
        LocalDate today = schedule.today();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Atskaite " + year);
        body.put("periodFrom", year + "-01-01");
        body.put("periodTo", (year + 1) + "-12-31");
        body.put("invitationDate", today.plusDays(1).toString());
        body.put("submissionDeadline", today.plusDays(29).toString());
        body.put("legalDeadline", today.plusDays(53).toString());
        return body;
    }

    private ResultActions post(Map<String, Object> body, String user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/cycles")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))
                .header("Accept-Language", "en").with(httpBasic(user, user)));
    }

    @Test
    void coordinatorStartsACycleAndGetsTheContractsAnswer() throws Exception {
        Map<String, Object> body = request(2030);
        LocalDate deadline = calendar.deadline(LocalDate.parse((String) body.get("submissionDeadline")));
        java.util.List<LocalDate> reminders = schedule.reminderDates(deadline,
                LocalDate.parse((String) body.get("invitationDate")));
        post(body, "coordinator")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/cycles/")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.processInstanceId").isString())
                .andExpect(jsonPath("$.submissionDeadline").value(deadline.toString()))
                .andExpect(jsonPath("$.legalDeadline").value(
                        calendar.deadline(LocalDate.parse((String) body.get("legalDeadline"))).toString()))
                .andExpect(jsonPath("$.reminderDates[0]").value(reminders.get(0).toString()))
                .andExpect(jsonPath("$.reminderDates[1]").value(reminders.get(1).toString()));
        mvc.perform(get("/api/cycles").with(httpBasic("board", "board")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Atskaite 2030')].status").value("SCHEDULED"));
    }

    @Test
    void aSecondActiveCycleForTheSamePeriodIsRefused() throws Exception {
        post(request(2035), "coordinator").andExpect(status().isCreated());
        post(request(2035), "coordinator").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periodFrom"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("already running")));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "name,'',A value is required",
            "periodFrom,2031-13-01,is not a date",
            "periodTo,2030-06-30,must end on or after its start",
            "invitationDate,2001-01-01,has passed",
            "submissionDeadline,,A value is required",
            "legalDeadline,not-a-date,is not a date"})
    void badFieldsAreNamed(String field, String value, String message) throws Exception {
        Map<String, Object> body = request(2040);
        body.put(field, value);
        post(body, "coordinator").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message")
                        .value(Matchers.hasItem(Matchers.containsString(message))));
        mvc.perform(get("/api/cycles").with(httpBasic("coordinator", "coordinator")))
                .andExpect(jsonPath("$[?(@.name == 'Atskaite 2040')]").isEmpty());
    }

    @Test
    void datesOutOfOrderAreRefusedNamingEachField() throws Exception {
        Map<String, Object> body = request(2050);
        LocalDate today = schedule.today();
        body.put("invitationDate", today.plusDays(10).toString());
        body.put("submissionDeadline", today.plusDays(5).toString());
        body.put("legalDeadline", today.plusDays(4).toString());
        post(body, "coordinator").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("invitationDate",
                        "submissionDeadline")))
                .andExpect(jsonPath("$.message").value("The request has errors; nothing was changed."));
    }

    @Test
    void invitationMayBeToday() throws Exception {
        Map<String, Object> body = request(2060);
        body.put("invitationDate", schedule.today().toString());
        post(body, "coordinator").andExpect(status().isCreated());
    }

    @Test
    void onlyCoordinatorsStartCycles() throws Exception {
        post(request(2070), "vk").andExpect(status().isForbidden());
        post(request(2070), "reviewer").andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/cycles")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request(2070))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownCycleIsNotFound() throws Exception {
        mvc.perform(get("/api/cycles/987654").header("Accept-Language", "en").with(httpBasic("vk", "vk")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("There is no reporting cycle 987654."));
    }

    @Test
    void aMalformedBodyIsABadRequest() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/cycles")
                        .contentType(MediaType.APPLICATION_JSON).content("{not json")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest());
    }
}
