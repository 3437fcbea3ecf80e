package lv.opengov.reporting.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The worked dates of shared/calendar.md and every holiday of 2022–2030, against the real calendar. */
@ReportingTest
class LatvianCalendarTest {

    /** Western Easter Sundays, from the astronomical tables. */
    private static final Map<Integer, LocalDate> EASTER = Map.of(
            2022, LocalDate.of(2022, 4, 17), 2023, LocalDate.of(2023, 4, 9), 2024, LocalDate.of(2024, 3, 31),
            2025, LocalDate.of(2025, 4, 20), 2026, LocalDate.of(2026, 4, 5), 2027, LocalDate.of(2027, 3, 28),
            2028, LocalDate.of(2028, 4, 16), 2029, LocalDate.of(2029, 4, 1), 2030, LocalDate.of(2030, 4, 21));

    /** The weekend shifts of 4 May, 18 November and the festival closing day, and the data days. */
    private static final Map<Integer, Set<LocalDate>> OTHER_DAYS_OFF = Map.of(
            2022, Set.of(),
            2023, Set.of(LocalDate.of(2023, 11, 20), LocalDate.of(2023, 7, 9), LocalDate.of(2023, 7, 10),
                    LocalDate.of(2023, 5, 29), LocalDate.of(2023, 5, 5)),
            2024, Set.of(LocalDate.of(2024, 5, 6)),
            2025, Set.of(LocalDate.of(2025, 5, 5)),
            2026, Set.of(),
            2027, Set.of(),
            2028, Set.of(LocalDate.of(2028, 11, 20)),
            2029, Set.of(LocalDate.of(2029, 11, 19)),
            2030, Set.of(LocalDate.of(2030, 5, 6)));

    private static final List<MonthDay> FIXED = List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 4),
            MonthDay.of(6, 23), MonthDay.of(6, 24), MonthDay.of(11, 18), MonthDay.of(12, 24), MonthDay.of(12, 25),
            MonthDay.of(12, 26), MonthDay.of(12, 31));

    @Autowired
    LatvianCalendar calendar;

    @Autowired
    CycleSchedule schedule;

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030})
    void everyDayOffOfTheYear(int year) {
        Set<LocalDate> expected = new TreeSet<>();
        FIXED.forEach(day -> expected.add(day.atYear(year)));
        LocalDate easter = EASTER.get(year);
        expected.addAll(List.of(easter.minusDays(2), easter, easter.plusDays(1)));
        expected.addAll(OTHER_DAYS_OFF.get(year));
        Set<LocalDate> actual = calendar.daysOff(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(DayOff::date).collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).isEqualTo(expected);
        for (LocalDate day : expected) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}: Good Friday {1}, Easter Monday {2}")
    @CsvSource({"2022,2022-04-15,2022-04-18", "2023,2023-04-07,2023-04-10", "2024,2024-03-29,2024-04-01",
            "2025,2025-04-18,2025-04-21", "2026,2026-04-03,2026-04-06"})
    void workedDatesOfEaster(int year, LocalDate goodFriday, LocalDate easterMonday) {
        assertThat(calendar.isWorkingDay(goodFriday)).isFalse();
        assertThat(calendar.isWorkingDay(easterMonday)).isFalse();
        assertThat(calendar.whyNotWorking(goodFriday, Locale.ENGLISH)).contains("Good Friday");
        assertThat(calendar.whyNotWorking(easterMonday, LatvianCalendar.LATVIAN)).contains("Otrās Lieldienas");
    }

    @Test
    void workedDatesOfWeekendShiftsFestivalAndAdHocHolidays() {
        assertThat(calendar.whyNotWorking(LocalDate.of(2023, 11, 20), Locale.ENGLISH).orElseThrow())
                .contains("Proclamation Day of the Republic of Latvia").contains("18 November 2023");
        assertThat(calendar.whyNotWorking(LocalDate.of(2023, 7, 10), Locale.ENGLISH).orElseThrow())
                .contains("Song and Dance Festival");
        assertThat(calendar.whyNotWorking(LocalDate.of(2023, 5, 29), LatvianCalendar.LATVIAN).orElseThrow())
                .contains("hokeja");
        assertThat(calendar.whyNotWorking(LocalDate.of(2024, 5, 6), Locale.ENGLISH).orElseThrow())
                .contains("Restoration of Independence Day");
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 5))).isFalse();
        // the 2023 transfer: Friday 5 May off, Saturday 20 May worked
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 20))).isTrue();
    }

    @Test
    void noHolidayBetweenTheSecondOfJanuaryAndTheTwentyEighthOfMarch2024() {
        assertThat(calendar.daysOff(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 28))).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 5))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 3, 1))).isTrue();
    }

    @Test
    void remembranceDaysAreWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 11, 11))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 20))).isTrue();
    }

    @Test
    void aDeadlineOnASundayMovesToMondayAndTheMailSaysWhy() {
        LocalDate requested = LocalDate.of(2026, 3, 1);
        assertThat(calendar.deadline(requested)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(calendar.explainMove(requested, LocalDate.of(2026, 3, 2), Locale.ENGLISH))
                .isEqualTo("1 March 2026 is a Sunday; the deadline is Monday 2 March 2026");
        assertThat(calendar.explainMove(requested, LocalDate.of(2026, 3, 2), LatvianCalendar.LATVIAN))
                .isEqualTo("2026. gada 1. marts ir svētdiena; termiņš ir pirmdiena, 2026. gada 2. marts");
    }

    @Test
    void deadlineOnTheEighteenthOfNovember2028MovesPastTheShiftedHoliday() {
        LocalDate deadline = calendar.deadline(LocalDate.of(2028, 11, 18));
        assertThat(deadline).isEqualTo(LocalDate.of(2028, 11, 21));
        assertThat(deadline.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(schedule.reminderDates(deadline, LocalDate.of(2028, 10, 1)))
                .containsExactly(LocalDate.of(2028, 11, 13), LocalDate.of(2028, 11, 17));
        assertThat(schedule.overdueNoticeDate(deadline)).isEqualTo(LocalDate.of(2028, 11, 22));
        assertThat(calendar.explainMove(LocalDate.of(2028, 11, 18), deadline, Locale.ENGLISH))
                .isEqualTo("18 November 2028 is Proclamation Day of the Republic of Latvia; the deadline is "
                        + "Tuesday 21 November 2028");
    }

    @Test
    void noReminderOrNoticeIsEverScheduledOnADayOff() {
        List<LocalDate> offenders = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2022, 1, 10); day.isBefore(LocalDate.of(2031, 1, 1)); day = day.plusDays(1)) {
            LocalDate deadline = calendar.deadline(day);
            for (LocalDate reminder : schedule.reminderDates(deadline, LocalDate.of(2022, 1, 1))) {
                if (!calendar.isWorkingDay(reminder)) {
                    offenders.add(reminder);
                }
            }
            if (!calendar.isWorkingDay(schedule.overdueNoticeDate(deadline)) || !calendar.isWorkingDay(deadline)) {
                offenders.add(deadline);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @ParameterizedTest(name = "{0} 09:00 Riga is {1}")
    @CsvSource({"2026-03-28,2026-03-28T07:00:00Z", "2026-03-30,2026-03-30T06:00:00Z",
            "2026-10-24,2026-10-24T06:00:00Z", "2026-10-26,2026-10-26T07:00:00Z",
            "2028-11-21,2028-11-21T07:00:00Z", "2028-06-26,2028-06-26T06:00:00Z"})
    void noticesGoOutAtNineInRigaAcrossDaylightSavingChanges(LocalDate date, Instant expected) {
        assertThat(schedule.at(date).toInstant()).isEqualTo(expected);
    }
}
