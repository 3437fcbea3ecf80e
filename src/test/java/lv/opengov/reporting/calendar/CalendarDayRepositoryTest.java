package lv.opengov.reporting.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import lv.opengov.reporting.calendar.internal.CalendarDayRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

/** The calendar data of the migrations is the data the calendar's tests run on. */
@DataJpaTest
class CalendarDayRepositoryTest {

    @Autowired
    CalendarDayRepository days;

    @Test
    void theMigrationsRecordTheDataTheCalendarTestsUse() {
        assertThat(days.findAll()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("createdAt")
                .containsExactlyInAnyOrderElementsOf(LatvianCalendars.MIGRATED);
    }
}
