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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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

    @Autowired
    CalendarService calendarService;

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
    void aCycleDueOnASaturdayEighteenthOfNovemberAnswersWithTheAdjustedDates() throws Exception {
        // as in 2028 (shared/calendar.md), in a year that the tests' clock, moved forward, never reaches
        LocalDate invitation = schedule.today().plusDays(1);
        mvc.perform(post("/api/cycles").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "2090", "periodFrom": "2026-01-01", "periodTo": "2027-12-31",
                         "invitationDate": "%s", "submissionDeadline": "2090-11-18", "legalDeadline": "2090-12-01"}
                        """.formatted(invitation)).with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.submissionDeadline").value("2090-11-21"))
                .andExpect(jsonPath("$.legalDeadline").value("2090-12-01"))
                .andExpect(jsonPath("$.reminderDates").value(Matchers.contains("2090-11-13", "2090-11-17")));
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a working day that is no weekend day | {"date": "2035-06-05", "kind": "WORKING_DAY", "reasonLv": "x", "reasonEn": "x"}    | date | only a Saturday or Sunday
            a holiday on a weekend day           | {"date": "2035-06-09", "kind": "AD_HOC_HOLIDAY", "reasonLv": "x", "reasonEn": "x"} | date | weekend day already
            an unknown kind                      | {"date": "2035-06-05", "kind": "HOLIDAY_PARTY", "reasonLv": "x", "reasonEn": "x"}  | kind | HOLIDAY_PARTY
            a blank reason                       | {"date": "2035-06-05", "kind": "AD_HOC_HOLIDAY", "reasonLv": "", "reasonEn": "x"}  | reasonLv | required
            a day already in the calendar        | {"date": "2023-07-09", "kind": "FESTIVAL", "reasonLv": "x", "reasonEn": "x"}       | date | already in the calendar
            """)
    void badCalendarDataIsRefusedNamingTheFieldAndChangesNothing(String kind, String json, String field,
            String message) throws Exception {
        int before = calendarService.list().size();
        add("coordinator", json)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message")
                        .value(Matchers.hasItem(Matchers.containsString(message))));
        assertThat(calendarService.list()).hasSize(before);
    }

    @Test
    void institutionsMayNotAddCalendarData() throws Exception {
        add("vk", """
                {"date": "2035-06-05", "kind": "AD_HOC_HOLIDAY", "reasonLv": "x", "reasonEn": "x"}""")
                .andExpect(status().isForbidden());
        assertThat(calendar.isWorkingDay(LocalDate.of(2035, 6, 5))).isTrue();
    }

    @Test
    void daysOffAreNotForTheAnonymous() throws Exception {
        mvc.perform(get("/api/calendar/days-off?from=2035-06-01&to=2035-06-30"))
                .andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2035-06-30&to=2035-06-01", "from=yesterday&to=2035-06-01"})
    void aRangeBackwardsOrNotOfDatesIsRefused(String range) throws Exception {
        mvc.perform(get("/api/calendar/days-off?" + range).with(httpBasic("vk", "vk")))
                .andExpect(status().isBadRequest());
    }
}
