package lv.opengov.reporting.calendar.internal;

import lv.opengov.reporting.calendar.CalendarDay;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.repository.Repository;

/** The coordinators' calendar data: only what the calendar and its service use. */
public interface CalendarDayRepository extends Repository<CalendarDay, LocalDate> {

    List<CalendarDay> findAll();

    boolean existsById(LocalDate day);

    CalendarDay save(CalendarDay day);

    void deleteById(LocalDate day);
}
