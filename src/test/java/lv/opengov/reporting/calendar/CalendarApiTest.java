package lv.opengov.reporting.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.support.ReportingTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The calendar's API: days off with reasons, and the data coordinators add, taking effect at once. */
@ReportingTest
class CalendarApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LatvianCalendar calendar;

    @Autowired
    CycleSchedule schedule;

    private ResultActions add(String user, String json) throws Exception {
        return mvc.perform(post("/api/calendar/days").contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "en").with(httpBasic(user, user)));
    }

    @Test
    void daysOffOf2028NameTheTwentiethOfNovemberAndWhy() throws Exception {
        mvc.perform(get("/api/calendar/days-off?from=2028-01-01&to=2028-12-31").with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.daysOff[?(@.date == '2028-11-20')].kind").value(Matchers.contains("SHIFTED")))
                .andExpect(jsonPath("$.daysOff[?(@.date == '2028-11-20')].weekdayEn").value(Matchers.contains("Monday")))
                .andExpect(jsonPath("$.daysOff[?(@.date == '2028-11-20')].reasonEn").value(Matchers.contains(
                        Matchers.containsString("Proclamation Day of the Republic of Latvia falls on 18 November 2028"))))
                .andExpect(jsonPath("$.daysOff[?(@.date == '2028-11-20')].reasonLv").value(Matchers.contains(
                        Matchers.containsString("Latvijas Republikas Proklamēšanas diena"))))
                .andExpect(jsonPath("$.daysOff[?(@.date == '2028-04-14')].reasonEn").value(Matchers.contains("Good Friday")));
    }

    @Test
    void aCycleDueOnTheEighteenthOfNovember2028AnswersWithTheAdjustedDates() throws Exception {
        LocalDate invitation = schedule.today().plusDays(1);
        mvc.perform(post("/api/cycles").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "2028", "periodFrom": "2026-01-01", "periodTo": "2027-12-31",
                         "invitationDate": "%s", "submissionDeadline": "2028-11-18", "legalDeadline": "2028-12-01"}
                        """.formatted(invitation)).with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.submissionDeadline").value("2028-11-21"))
                .andExpect(jsonPath("$.legalDeadline").value("2028-12-01"))
                .andExpect(jsonPath("$.reminderDates").value(Matchers.contains("2028-11-13", "2028-11-17")));
    }

    @Test
    void adHocHolidayAndWorkedSaturdayTakeEffectAtOnce() throws Exception {
        LocalDate monday = LocalDate.of(2035, 6, 4);
        LocalDate saturday = LocalDate.of(2035, 6, 9);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        add("coordinator", """
                {"date": "2035-06-04", "kind": "AD_HOC_HOLIDAY", "reasonLv": "Svētku diena", "reasonEn": "Holiday"}""")
                .andExpect(status().isCreated());
        add("coordinator", """
                {"date": "2035-06-09", "kind": "WORKING_DAY", "reasonLv": "Pārcelta darbdiena", "reasonEn": "Moved"}""")
                .andExpect(status().isCreated());
        try {
            assertThat(calendar.isWorkingDay(monday)).isFalse();
            assertThat(calendar.isWorkingDay(saturday)).isTrue();
            assertThat(calendar.deadline(LocalDate.of(2035, 6, 3))).isEqualTo(LocalDate.of(2035, 6, 5));
            mvc.perform(get("/api/calendar/days-off?from=2035-06-01&to=2035-06-30").with(httpBasic("vk", "vk")))
                    .andExpect(jsonPath("$.daysOff[0].date").value("2035-06-04"))
                    .andExpect(jsonPath("$.daysOff[0].kind").value("AD_HOC_HOLIDAY"))
                    .andExpect(jsonPath("$.workingWeekendDays[0].date").value("2035-06-09"));
        } finally {
            mvc.perform(delete("/api/calendar/days/2035-06-04").with(httpBasic("coordinator", "coordinator")))
                    .andExpect(status().isNoContent());
            mvc.perform(delete("/api/calendar/days/2035-06-09").with(httpBasic("coordinator", "coordinator")))
                    .andExpect(status().isNoContent());
        }
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
    }

    @Test
    void badCalendarDataIsRefusedAndChangesNothing() throws Exception {
        add("coordinator", """
                {"date": "2035-06-05", "kind": "WORKING_DAY", "reasonLv": "x", "reasonEn": "x"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("only a Saturday or Sunday")));
        add("coordinator", """
                {"date": "2035-06-09", "kind": "AD_HOC_HOLIDAY", "reasonLv": "x", "reasonEn": "x"}""")
                .andExpect(status().isBadRequest());
        add("coordinator", """
                {"date": "2035-06-05", "kind": "HOLIDAY_PARTY", "reasonLv": "", "reasonEn": "x"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("kind", "reasonLv")));
        add("coordinator", """
                {"date": "2023-07-09", "kind": "FESTIVAL", "reasonLv": "x", "reasonEn": "x"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("already in the calendar")));
        add("vk", """
                {"date": "2035-06-05", "kind": "AD_HOC_HOLIDAY", "reasonLv": "x", "reasonEn": "x"}""")
                .andExpect(status().isForbidden());
        assertThat(calendar.isWorkingDay(LocalDate.of(2035, 6, 5))).isTrue();
        mvc.perform(get("/api/calendar/days-off?from=2035-06-01&to=2035-06-30"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/calendar/days-off?from=2035-06-30&to=2035-06-01").with(httpBasic("vk", "vk")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/calendar/days-off?from=yesterday&to=2035-06-01").with(httpBasic("vk", "vk")))
                .andExpect(status().isBadRequest());
    }
}
