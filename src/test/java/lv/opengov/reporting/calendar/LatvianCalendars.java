package lv.opengov.reporting.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lv.opengov.reporting.calendar.internal.CalendarDayRepository;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The Latvian calendar without Spring: the application's messages, and the coordinators' calendar
 * data held in memory instead of the database.
 */
public final class LatvianCalendars {

    /**
     * The calendar data that the migrations record (V2__calendar.sql); {@code CalendarDayRepositoryTest}
     * keeps the two the same.
     */
    public static final List<CalendarDay> MIGRATED = List.of(
            day("2018-07-08", CalendarDayKind.FESTIVAL, "Vispārējo latviešu Dziesmu un deju svētku noslēguma diena",
                    "Closing day of the General Latvian Song and Dance Festival"),
            day("2023-07-09", CalendarDayKind.FESTIVAL, "Vispārējo latviešu Dziesmu un deju svētku noslēguma diena",
                    "Closing day of the General Latvian Song and Dance Festival"),
            day("2023-05-29", CalendarDayKind.AD_HOC_HOLIDAY,
                    "Svētku diena pēc Latvijas hokeja izlases bronzas medaļām pasaules čempionātā",
                    "Holiday for the Latvian ice hockey team's bronze medals at the world championship"),
            day("2023-05-05", CalendarDayKind.TRANSFERRED_DAY_OFF, "Darbdiena pārcelta uz sestdienu, 20. maiju",
                    "Working day moved to Saturday 20 May"),
            day("2023-05-20", CalendarDayKind.WORKING_DAY, "Darbdiena, kas pārcelta no piektdienas, 5. maija",
                    "Working day moved from Friday 5 May"));

    private LatvianCalendars() {
    }

    /** The calendar over the data the migrations record. */
    public static LatvianCalendar withMigratedData() {
        return over(new InMemoryCalendarDays(MIGRATED));
    }

    /** The calendar over the given data, which a test may change (then {@link LatvianCalendar#refresh()}). */
    public static LatvianCalendar over(InMemoryCalendarDays days) {
        return new LatvianCalendar(new LatvianDaysOff(days, messages(), Clock.systemUTC()), messages(), true);
    }

    /** The application's messages, as {@code spring.messages} in application.yaml configures them. */
    public static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    public static CalendarDay day(String date, CalendarDayKind kind, String reasonLv, String reasonEn) {
        return new CalendarDay(LocalDate.parse(date), kind, reasonLv, reasonEn, "system", Instant.EPOCH);
    }

    /** Calendar data in a map. */
    public static final class InMemoryCalendarDays implements CalendarDayRepository {

        private final Map<LocalDate, CalendarDay> days = new TreeMap<>();

        public InMemoryCalendarDays(List<CalendarDay> initial) {
            initial.forEach(this::save);
        }

        @Override
        public List<CalendarDay> findAll() {
            return new ArrayList<>(days.values());
        }

        @Override
        public boolean existsById(LocalDate day) {
            return days.containsKey(day);
        }

        @Override
        public CalendarDay save(CalendarDay day) {
            days.put(day.getDay(), day);
            return day;
        }

        @Override
        public void deleteById(LocalDate day) {
            days.remove(day);
        }
    }
}
