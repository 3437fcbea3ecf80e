package lv.opengov.reporting.calendar;

import lv.opengov.reporting.calendar.internal.CalendarDayRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InputDates;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The coordinators' calendar data: festival days, ad-hoc holidays, transferred days. */
@Service
@Transactional
public class CalendarService {

    private final CalendarDayRepository days;
    private final LatvianCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditLog audit;

    CalendarService(CalendarDayRepository days, LatvianCalendar calendar, MessageSource messages, Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.days = days;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    /** A day to add, as received. */
    public record NewDay(String date, String kind, String reasonLv, String reasonEn) {
    }

    public CalendarDay add(NewDay request, String userId) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = InputDates.read("date", request.date(), problems, messages);
        if (request.date() == null || request.date().isBlank()) {
            problems.add(problem("date", "cycle.required"));
        }
        CalendarDayKind kind = null;
        if (request.kind() == null || request.kind().isBlank()) {
            problems.add(problem("kind", "cycle.required"));
        } else {
            try {
                kind = CalendarDayKind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(problem("kind", "calendar.kind.invalid", request.kind()));
            }
        }
        String reasonLv = text(request.reasonLv(), "reasonLv", problems);
        String reasonEn = text(request.reasonEn(), "reasonEn", problems);
        if (date != null && kind == CalendarDayKind.WORKING_DAY && !LatvianCalendar.isWeekend(date)) {
            problems.add(problem("date", "calendar.working-day.weekday", date));
        }
        if (date != null && (kind == CalendarDayKind.AD_HOC_HOLIDAY || kind == CalendarDayKind.TRANSFERRED_DAY_OFF)
                && LatvianCalendar.isWeekend(date)) {
            problems.add(problem("date", "calendar.day-off.weekend", date));
        }
        if (date != null && days.existsById(date)) {
            problems.add(problem("date", "calendar.day.exists", date));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid calendar day", problems);
        }
        CalendarDay day = days.save(new CalendarDay(date, kind, reasonLv, reasonEn, userId, clock.instant()));
        audit.record(AuditAction.CALENDAR_DAY_ADDED, userId, null, null, null, date.toString(), kind + ": " + reasonLv);
        refreshAfterCommit();
        return day;
    }

    public void remove(String date) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = InputDates.read("date", date, problems, messages);
        if (day == null && problems.isEmpty()) {
            problems.add(problem("date", "cycle.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid date", problems);
        }
        if (!days.existsById(day)) {
            throw new NotFoundException(message("calendar.day.unknown", day));
        }
        days.deleteById(day);
        audit.record(AuditAction.CALENDAR_DAY_REMOVED, null, null, null, null, day.toString(), null);
        refreshAfterCommit();
    }

    @Transactional(readOnly = true)
    public List<CalendarDay> list() {
        return days.findAll().stream().sorted(java.util.Comparator.comparing(CalendarDay::getDay)).toList();
    }

    private void refreshAfterCommit() {
        calendar.refresh();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    calendar.refresh();
                }
            });
        }
    }

    private String text(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "cycle.required"));
            return null;
        }
        if (value.strip().length() > 300) {
            problems.add(problem(field, "report.text.too-long", 300, value.strip().length()));
            return null;
        }
        return value.strip();
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    private FieldProblem problem(String field, String code, Object... args) {
        return new FieldProblem(field, message(code, args));
    }
}
