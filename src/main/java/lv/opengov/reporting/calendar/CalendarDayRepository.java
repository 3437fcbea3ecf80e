package lv.opengov.reporting.calendar;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {
}
