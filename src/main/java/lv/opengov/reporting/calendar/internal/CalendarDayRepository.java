package lv.opengov.reporting.calendar.internal;

import lv.opengov.reporting.calendar.CalendarDay;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {
}
