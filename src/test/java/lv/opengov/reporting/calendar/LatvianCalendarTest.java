package lv.opengov.reporting.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lv.opengov.reporting.calendar.LatvianCalendars.InMemoryCalendarDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worked dates of shared/calendar.md and every holiday of 2022–2030, against the real calendar
 * over the data the migrations record, without Spring.
 */
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

    private final LatvianCalendar calendar = LatvianCalendars.withMigratedData();

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
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030})
    void noDayOffIsAWorkingDay(int year) {
        assertThat(calendar.daysOff(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .allSatisfy(off -> assertThat(calendar.isWorkingDay(off.date())).as(off.date().toString()).isFalse());
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

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource({
            "2023-11-20,en,Proclamation Day of the Republic of Latvia",
            "2023-11-20,en,18 November 2023",
            "2024-05-06,en,Restoration of Independence Day",
            "2023-07-10,en,Song and Dance Festival",
            "2023-05-29,lv,hokeja"})
    void aShiftedHolidayTheFestivalAndAnAdHocHolidaySayWhy(LocalDate date, String language, String reason) {
        assertThat(calendar.whyNotWorking(date, Locale.forLanguageTag(language)).orElseThrow()).contains(reason);
    }

    @Test
    void theFourthOfMayOnASundayIsShiftedToMonday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 5))).isFalse();
    }

    @Test
    void aTransferMakesTheFridayOffAndTheSaturdayAWorkingDay() {
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
        assertThat(calendar.explainMove(LocalDate.of(2028, 11, 18), deadline, Locale.ENGLISH))
                .isEqualTo("18 November 2028 is Proclamation Day of the Republic of Latvia; the deadline is "
                        + "Tuesday 21 November 2028");
        // the Monday it shifts to says when the holiday falls: the date in the locative ("on")
        assertThat(calendar.whyNotWorking(LocalDate.of(2028, 11, 20), LatvianCalendar.LATVIAN)).contains(
                "Latvijas Republikas Proklamēšanas diena ir 2028. gada 18. novembrī, brīvdienā: tā vietā brīvdiena ir šī darbdiena");
        assertThat(calendar.whyNotWorking(LocalDate.of(2028, 11, 20), Locale.ENGLISH)).contains(
                "Proclamation Day of the Republic of Latvia falls on 18 November 2028, a weekend day: "
                        + "this working day is a day off instead");
    }

    @Test
    void workingDaysAreCountedPastWeekendsAndHolidays() {
        // Thursday 17 April 2025: Good Friday, the weekend and Easter Monday follow
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 4, 17), 1)).isEqualTo(LocalDate.of(2025, 4, 22));
        assertThat(calendar.minusWorkingDays(LocalDate.of(2025, 4, 22), 1)).isEqualTo(LocalDate.of(2025, 4, 17));
        assertThat(calendar.onOrBefore(LocalDate.of(2025, 4, 21))).isEqualTo(LocalDate.of(2025, 4, 17));
    }

    @Test
    void dataAddedByCoordinatorsCountsOnceTheCalendarIsRefreshed() {
        InMemoryCalendarDays days = new InMemoryCalendarDays(LatvianCalendars.MIGRATED);
        LatvianCalendar calendar = LatvianCalendars.over(days);
        LocalDate monday = LocalDate.of(2035, 6, 4);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        days.save(LatvianCalendars.day("2035-06-04", CalendarDayKind.AD_HOC_HOLIDAY, "Svētku diena", "Holiday"));
        days.save(LatvianCalendars.day("2035-06-09", CalendarDayKind.WORKING_DAY, "Pārcelta darbdiena", "Moved"));
        calendar.refresh();
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2035, 6, 9))).isTrue();
        assertThat(calendar.workingWeekendDays(LocalDate.of(2035, 6, 1), LocalDate.of(2035, 6, 30)))
                .extracting(CalendarDay::getDay).containsExactly(LocalDate.of(2035, 6, 9));
    }
}
