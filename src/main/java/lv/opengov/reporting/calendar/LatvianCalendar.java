package lv.opengov.reporting.calendar;

import lv.opengov.reporting.calendar.internal.CalendarDayRepository;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Latvian working days. Public holidays come from jollyday's Latvian calendar; on top of it the
 * project's overlay adds what jollyday lacks: 4 May, 18 November and the Song and Dance Festival's
 * closing day move to the next working day when they fall on a weekend; holidays declared for one
 * occasion and the Cabinet's transfers of working days come from data that coordinators maintain
 * ({@link CalendarDay}). That data is re-read within a minute of a change on another node and at once
 * on this one, so nothing needs a restart.
 */
@Service
public class LatvianCalendar {

    static final Locale LATVIAN = Locale.forLanguageTag("lv");
    private static final Duration DATA_TTL = Duration.ofMinutes(1);
    private static final List<String> SHIFTING_HOLIDAYS = List.of("05-04", "11-18");

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.LATVIA));
    private final Map<Integer, Map<LocalDate, DayOff>> publicHolidaysByYear = new ConcurrentHashMap<>();
    private final CalendarDayRepository days;
    private final MessageSource messages;
    private final Clock clock;
    private final boolean rollDeadlines;
    private volatile Snapshot data;

    LatvianCalendar(CalendarDayRepository days, MessageSource messages, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${reporting.calendar.roll-deadlines:true}")
            boolean rollDeadlines) {
        this.days = days;
        this.messages = messages;
        this.clock = clock;
        this.rollDeadlines = rollDeadlines;
    }

    /**
     * A deadline as it applies: moved to the next working day when it falls on a day off, unless
     * {@code reporting.calendar.roll-deadlines} is false.
     */
    public LocalDate deadline(LocalDate requested) {
        return rollDeadlines ? onOrAfter(requested) : requested;
    }

    /** The coordinators' data as last read, and the days off worked out from it, by year. */
    private record Snapshot(Map<LocalDate, CalendarDay> byDate, Instant readAt,
            Map<Integer, Map<LocalDate, DayOff>> daysOffByYear) {
    }

    // --- questions about days -------------------------------------------------------------------

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay data = data().byDate().get(date);
        if (data != null && data.getKind() == CalendarDayKind.WORKING_DAY) {
            return true;
        }
        return !isWeekend(date) && dayOff(date).isEmpty();
    }

    /** The date itself when it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The date itself when it is a working day, else the working day before it. */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The working day {@code count} working days before the date (the date itself not counted). */
    public LocalDate minusWorkingDays(LocalDate date, int count) {
        LocalDate day = date;
        for (int left = count; left > 0; ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The working day {@code count} working days after the date (the date itself not counted). */
    public LocalDate plusWorkingDays(LocalDate date, int count) {
        LocalDate day = date;
        for (int left = count; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Why the date is not a working day, when it is not one. */
    public Optional<String> whyNotWorking(LocalDate date, Locale locale) {
        if (isWorkingDay(date)) {
            return Optional.empty();
        }
        Optional<DayOff> off = dayOff(date);
        if (off.isPresent()) {
            return Optional.of(off.get().reason(locale));
        }
        return Optional.of(weekday(date, locale));
    }

    /**
     * The explanation a mail gives for a moved date, e.g. "1 March 2026 is a Sunday; the deadline is
     * Monday 2 March 2026".
     */
    public String explainMove(LocalDate requested, LocalDate actual, Locale locale) {
        String why = isWeekend(requested) && dayOff(requested).isEmpty()
                ? messages.getMessage("calendar.weekday." + requested.getDayOfWeek(), null, locale)
                : whyNotWorking(requested, locale).orElse("");
        return messages.getMessage("calendar.moved", new Object[] {longDate(requested, locale), why,
                weekday(actual, locale), longDate(actual, locale)}, locale);
    }

    /** Every day off between the dates, weekends left out unless a holiday falls on them. */
    public List<DayOff> daysOff(LocalDate from, LocalDate to) {
        TreeMap<LocalDate, DayOff> result = new TreeMap<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            allDaysOff(year).forEach((date, off) -> {
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    result.put(date, off);
                }
            });
        }
        return List.copyOf(result.values());
    }

    /** Saturdays or Sundays made working days between the dates. */
    public List<CalendarDay> workingWeekendDays(LocalDate from, LocalDate to) {
        return data().byDate().values().stream()
                .filter(d -> d.getKind() == CalendarDayKind.WORKING_DAY)
                .filter(d -> !d.getDay().isBefore(from) && !d.getDay().isAfter(to))
                .sorted(Comparator.comparing(CalendarDay::getDay))
                .toList();
    }

    /** Forgets the coordinators' data read so far; the next question reads it again. */
    public void refresh() {
        data = null;
    }

    // --- how the days off are made ----------------------------------------------------------------

    private Optional<DayOff> dayOff(LocalDate date) {
        return Optional.ofNullable(allDaysOff(date.getYear()).get(date));
    }

    private Map<LocalDate, DayOff> allDaysOff(int year) {
        Snapshot snapshot = data();
        return snapshot.daysOffByYear().computeIfAbsent(year, y -> computeDaysOff(y, snapshot.byDate()));
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
            if (isWeekend(holiday.date())) {
                LocalDate moved = holiday.date();
                do {
                    moved = moved.plusDays(1);
                } while (isWeekend(moved) || result.containsKey(moved));
                result.put(moved, new DayOff(moved, "SHIFTED",
                        messages.getMessage("calendar.shifted", new Object[] {holiday.reasonLv(),
                                longDate(holiday.date(), LATVIAN)}, LATVIAN),
                        messages.getMessage("calendar.shifted", new Object[] {holiday.reasonEn(),
                                longDate(holiday.date(), Locale.ENGLISH)}, Locale.ENGLISH)));
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

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The weekday's name as it stands inside a sentence: "Monday", "pirmdiena". */
    public static String weekday(LocalDate date, Locale locale) {
        String name = date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        return "en".equals(locale.getLanguage()) ? name : name.toLowerCase(locale);
    }

    /** "1 March 2026" in English (as written in Europe), "2026. gada 1. marts" in Latvian. */
    public static String longDate(LocalDate date, Locale locale) {
        Locale style = "en".equals(locale.getLanguage()) ? Locale.UK : locale;
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(style).format(date);
    }
}
