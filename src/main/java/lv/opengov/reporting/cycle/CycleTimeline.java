package lv.opengov.reporting.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lv.opengov.reporting.calendar.LatvianCalendar;
import org.springframework.stereotype.Component;

/**
 * The dates of a cycle as its page lists them: invitation, reminders, deadline, overdue notice and
 * legal deadline, each with why it moved when a requested date fell on a day off.
 */
@Component
public class CycleTimeline {

    /** A date of the cycle's timeline. */
    public record Moment(LocalDate date, String what, boolean past, String note) {
    }

    private final CycleSchedule schedule;
    private final LatvianCalendar calendar;

    CycleTimeline(CycleSchedule schedule, LatvianCalendar calendar) {
        this.schedule = schedule;
        this.calendar = calendar;
    }

    public List<Moment> of(ReportingCycle cycle, LocalDate today, Locale locale) {
        List<Moment> moments = new ArrayList<>();
        LocalDate invitation = schedule.invitationDay(cycle.getInvitationDate());
        moments.add(moment(invitation, "invitation", today, cycle.getInvitationDate(), locale));
        for (LocalDate reminder : schedule.reminderDates(cycle.getSubmissionDeadline(), cycle.getInvitationDate())) {
            moments.add(new Moment(reminder, "reminder", !reminder.isAfter(today), null));
        }
        moments.add(moment(cycle.getSubmissionDeadline(), "deadline", today, cycle.getRequestedSubmissionDeadline(),
                locale));
        LocalDate overdue = schedule.overdueNoticeDate(cycle.getSubmissionDeadline());
        moments.add(new Moment(overdue, "overdue", !overdue.isAfter(today), null));
        moments.add(moment(cycle.getLegalDeadline(), "legal", today, cycle.getRequestedLegalDeadline(), locale));
        return moments;
    }

    private Moment moment(LocalDate date, String what, LocalDate today, LocalDate requested, Locale locale) {
        return new Moment(date, what, !date.isAfter(today),
                requested.equals(date) ? null : calendar.explainMove(requested, date, locale));
    }
}
