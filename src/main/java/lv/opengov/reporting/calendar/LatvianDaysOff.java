package lv.opengov.reporting.calendar;

import lv.opengov.reporting.calendar.internal.CalendarDayRepository;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lv.opengov.reporting.common.LatvianDates;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How the days off of a year are made. Public holidays come from jollyday's Latvian calendar; on top
 * of it the project's overlay adds what jollyday lacks: 4 May, 18 November and the Song and Dance
 * Festival's closing day move to the next working day when they fall on a weekend; holidays declared
 * for one occasion and the Cabinet's transfers of working days come from data that coordinators
 * maintain ({@link CalendarDay}). That data is re-read within a minute of a change on another node and
 * at once on this one ({@link #refresh()}), so nothing needs a restart.
 */
@Component
class LatvianDaysOff {

    private static final Locale LATVIAN = LatvianCalendar.LATVIAN;
    private static final Duration DATA_TTL = Duration.ofMinutes(1);
    private static final List<String> SHIFTING_HOLIDAYS = List.of("05-04", "11-18");

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.LATVIA));
    private final Map<Integer, Map<LocalDate, DayOff>> publicHolidaysByYear = new ConcurrentHashMap<>();
    private final CalendarDayRepository days;
    private final MessageSource messages;
    private final Clock clock;
    private volatile Snapshot data;

    LatvianDaysOff(CalendarDayRepository days, MessageSource messages, Clock clock) {
        this.days = days;
        this.messages = messages;
        this.clock = clock;
    }

    /** The coordinators' data as last read, and the days off worked out from it, by year. */
    private record Snapshot(Map<LocalDate, CalendarDay> byDate, Instant readAt,
            Map<Integer, Map<LocalDate, DayOff>> daysOffByYear) {
    }

    /** The year's days off by date, weekends left out unless a holiday falls on them. */
    Map<LocalDate, DayOff> ofYear(int year) {
        Snapshot snapshot = data();
        return snapshot.daysOffByYear().computeIfAbsent(year, y -> computeDaysOff(y, snapshot.byDate()));
    }

    /** The coordinators' entry for the date, or null. */
    CalendarDay entryOn(LocalDate date) {
        return data().byDate().get(date);
    }

    /** All the coordinators' entries. */
    Collection<CalendarDay> entries() {
        return data().byDate().values();
    }

    /** Forgets the coordinators' data read so far; the next question reads it again. */
    void refresh() {
        data = null;
    }

    private Map<LocalDate, DayOff> computeDaysOff(int year, Map<LocalDate, CalendarDay> data) {
        TreeMap<LocalDate, DayOff> result = new TreeMap<>(publicHolidays(year));
        List<DayOff> toShift = new ArrayList<>();
        for (DayOff holiday : publicHolidays(year).values()) {
            if (SHIFTING_HOLIDAYS.contains(holiday.date().toString().substring(5))) {
                toShift.add(holiday);
            }
        }
        for (CalendarDay day : data.values()) {
            if (day.getDay().getYear() != year) {
                continue;
            }
            switch (day.getKind()) {
                case FESTIVAL -> {
                    DayOff festival = new DayOff(day.getDay(), "FESTIVAL", day.getReasonLv(), day.getReasonEn());
                    result.put(day.getDay(), festival);
                    toShift.add(festival);
                }
                case AD_HOC_HOLIDAY, TRANSFERRED_DAY_OFF -> result.put(day.getDay(),
                        new DayOff(day.getDay(), day.getKind().name(), day.getReasonLv(), day.getReasonEn()));
                case WORKING_DAY -> result.remove(day.getDay());
            }
        }
        for (DayOff holiday : toShift) {
            if (LatvianCalendar.isWeekend(holiday.date())) {
                LocalDate moved = holiday.date();
                do {
                    moved = moved.plusDays(1);
                } while (LatvianCalendar.isWeekend(moved) || result.containsKey(moved));
                result.put(moved, new DayOff(moved, "SHIFTED",
                        messages.getMessage("calendar.shifted", new Object[] {holiday.reasonLv(),
                                LatvianDates.on(holiday.date(), LATVIAN)}, LATVIAN),
                        messages.getMessage("calendar.shifted", new Object[] {holiday.reasonEn(),
                                LatvianDates.on(holiday.date(), Locale.ENGLISH)}, Locale.ENGLISH)));
            }
        }
        return Map.copyOf(result);
    }

    private Map<LocalDate, DayOff> publicHolidays(int year) {
        return publicHolidaysByYear.computeIfAbsent(year, y -> {
            TreeMap<LocalDate, DayOff> result = new TreeMap<>();
            for (Holiday holiday : holidays.getHolidays(java.time.Year.of(y))) {
                // 4 May and 18 November share jollyday's key; the date tells them apart
                String byDate = "calendar.holiday." + holiday.getDate().toString().substring(5);
                String byKey = "calendar.holiday." + holiday.getPropertiesKey();
                result.put(holiday.getDate(), new DayOff(holiday.getDate(), "HOLIDAY",
                        name(byDate, byKey, holiday.getDescription(LATVIAN), LATVIAN),
                        name(byDate, byKey, holiday.getDescription(Locale.ENGLISH), Locale.ENGLISH)));
            }
            return Map.copyOf(result);
        });
    }

    private String name(String byDate, String byKey, String fallback, Locale locale) {
        return messages.getMessage(byDate, null, messages.getMessage(byKey, null, fallback, locale), locale);
    }

    private Snapshot data() {
        Snapshot current = data;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(DATA_TTL).isBefore(now)) {
            Map<LocalDate, CalendarDay> byDate = new TreeMap<>();
            days.findAll().forEach(d -> byDate.put(d.getDay(), d));
            current = new Snapshot(Map.copyOf(byDate), now, new ConcurrentHashMap<>());
            data = current;
        }
        return current;
    }
}
