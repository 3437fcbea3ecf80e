package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import lv.opengov.reporting.common.ServiceZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.calendar.LatvianCalendars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a cycle's reminders and notices go out, worked out from its dates with the settings of
 * application.yaml and the real calendar, without Spring. (The questions about a stored cycle need
 * its repository and reports, which these do not touch.)
 */
class CycleScheduleTest {

    private final LatvianCalendar calendar = LatvianCalendars.withMigratedData();
    private final CycleSchedule schedule = new CycleSchedule(
            new CycleProperties(List.of(5, 1), 5, LocalTime.of(9, 0), 100, 5, 5, 5, 3, List.of()), null, null,
            new ServiceZone(ZoneId.of("Europe/Riga"), Clock.systemUTC()), calendar, null);

    @Test
    void remindersFallFiveWorkingDaysAndOneBeforeTheDeadline() {
        // Tuesday 21 November 2028, moved there from Saturday the 18th past the shifted holiday on the 20th
        assertThat(schedule.reminderDates(LocalDate.of(2028, 11, 21), LocalDate.of(2028, 10, 1)))
                .containsExactly(LocalDate.of(2028, 11, 13), LocalDate.of(2028, 11, 17));
    }

    @Test
    void noReminderFallsOnOrBeforeTheInvitation() {
        assertThat(schedule.reminderDates(LocalDate.of(2028, 11, 21), LocalDate.of(2028, 11, 13)))
                .containsExactly(LocalDate.of(2028, 11, 17));
    }

    @Test
    void theOverdueNoticeGoesOutTheNextWorkingDay() {
        assertThat(schedule.overdueNoticeDate(LocalDate.of(2028, 11, 21))).isEqualTo(LocalDate.of(2028, 11, 22));
        // Thursday before Easter 2025: the next working day is Tuesday
        assertThat(schedule.overdueNoticeDate(LocalDate.of(2025, 4, 17))).isEqualTo(LocalDate.of(2025, 4, 22));
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

    @Test
    void invitationsOnADayOffGoOutTheNextWorkingDay() {
        assertThat(schedule.invitationDay(LocalDate.of(2028, 11, 18))).isEqualTo(LocalDate.of(2028, 11, 21));
    }
}
