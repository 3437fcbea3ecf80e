package lv.opengov.reporting.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import lv.opengov.reporting.common.LatvianDates;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Latvian working days: a day is one unless it is a weekend day or a day off ({@link LatvianDaysOff}:
 * public holidays, the overlay's shifted holidays and the coordinators' data), or the coordinators
 * made a weekend day a working one. Counting working days and explaining a moved date build on that.
 */
@Service
public class LatvianCalendar {

    static final Locale LATVIAN = Locale.forLanguageTag("lv");

    private final LatvianDaysOff daysOff;
    private final MessageSource messages;
    private final boolean rollDeadlines;

    LatvianCalendar(LatvianDaysOff daysOff, MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${reporting.calendar.roll-deadlines:true}")
            boolean rollDeadlines) {
        this.daysOff = daysOff;
        this.messages = messages;
        this.rollDeadlines = rollDeadlines;
    }

    /**
     * A deadline as it applies: moved to the next working day when it falls on a day off, unless
     * {@code reporting.calendar.roll-deadlines} is false.
     */
    public LocalDate deadline(LocalDate requested) {
        return rollDeadlines ? onOrAfter(requested) : requested;
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay data = daysOff.entryOn(date);
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
        return messages.getMessage("calendar.moved", new Object[] {LatvianDates.nominative(requested, locale), why,
                weekday(actual, locale), LatvianDates.nominative(actual, locale)}, locale);
    }

    /** Every day off between the dates, weekends left out unless a holiday falls on them. */
    public List<DayOff> daysOff(LocalDate from, LocalDate to) {
        TreeMap<LocalDate, DayOff> result = new TreeMap<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            daysOff.ofYear(year).forEach((date, off) -> {
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    result.put(date, off);
                }
            });
        }
        return List.copyOf(result.values());
    }

    /** Saturdays or Sundays made working days between the dates. */
    public List<CalendarDay> workingWeekendDays(LocalDate from, LocalDate to) {
        return daysOff.entries().stream()
                .filter(d -> d.getKind() == CalendarDayKind.WORKING_DAY)
                .filter(d -> !d.getDay().isBefore(from) && !d.getDay().isAfter(to))
                .sorted(Comparator.comparing(CalendarDay::getDay))
                .toList();
    }

    /** Forgets the coordinators' data read so far; the next question reads it again. */
    public void refresh() {
        daysOff.refresh();
    }

    private Optional<DayOff> dayOff(LocalDate date) {
        return Optional.ofNullable(daysOff.ofYear(date.getYear()).get(date));
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The weekday's name as it stands inside a sentence: "Monday", "pirmdiena". */
    public static String weekday(LocalDate date, Locale locale) {
        String name = date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        return "en".equals(locale.getLanguage()) ? name : name.toLowerCase(locale);
    }
}
