package lv.opengov.reporting.calendar.web;

import lv.opengov.reporting.calendar.CalendarDay;
import lv.opengov.reporting.calendar.CalendarService;
import lv.opengov.reporting.calendar.LatvianCalendar;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InputDates;
import lv.opengov.reporting.common.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar: days off with their reasons, and the data coordinators maintain. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final LatvianCalendar calendar;
    private final CalendarService service;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    CalendarController(LatvianCalendar calendar, CalendarService service, CurrentUser currentUser,
            MessageSource messages) {
        this.calendar = calendar;
        this.service = service;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    record DayOffView(LocalDate date, String weekdayLv, String weekdayEn, String kind, String reasonLv,
            String reasonEn) {
    }

    record WorkingDayView(LocalDate date, String reasonLv, String reasonEn) {
    }

    record DaysOff(LocalDate from, LocalDate to, List<DayOffView> daysOff, List<WorkingDayView> workingWeekendDays) {
    }

    @GetMapping("/days-off")
    DaysOff daysOff(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (!InputDates.isPlausible(from) || !InputDates.isPlausible(to) || to.isBefore(from)
                || to.isAfter(from.plusYears(20))) {
            throw new InvalidInputException("invalid range", List.of(new FieldProblem("to",
                    messages.getMessage("calendar.range.invalid", null, LocaleContextHolder.getLocale()))));
        }
        Locale lv = Locale.forLanguageTag("lv");
        return new DaysOff(from, to,
                calendar.daysOff(from, to).stream().map(d -> new DayOffView(d.date(),
                        d.date().getDayOfWeek().getDisplayName(TextStyle.FULL_STANDALONE, lv),
                        d.date().getDayOfWeek().getDisplayName(TextStyle.FULL_STANDALONE, Locale.ENGLISH),
                        d.kind(), d.reasonLv(), d.reasonEn())).toList(),
                calendar.workingWeekendDays(from, to).stream()
                        .map(d -> new WorkingDayView(d.getDay(), d.getReasonLv(), d.getReasonEn())).toList());
    }

    @GetMapping("/days")
    List<CalendarDay> days() {
        return service.list();
    }

    @PostMapping("/days")
    @PreAuthorize("@access.isCoordinator()")
    ResponseEntity<CalendarDay> add(@RequestBody CalendarService.NewDay day) {
        CalendarDay added = service.add(day, currentUser.id());
        return ResponseEntity.created(URI.create("/api/calendar/days/" + added.getDay())).body(added);
    }

    @DeleteMapping("/days/{date}")
    @PreAuthorize("@access.isCoordinator()")
    ResponseEntity<Void> remove(@PathVariable String date) {
        service.remove(date);
        return ResponseEntity.noContent().build();
    }
}
