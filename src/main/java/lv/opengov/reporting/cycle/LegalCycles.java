package lv.opengov.reporting.cycle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lv.opengov.reporting.calendar.LatvianCalendar;
import org.springframework.stereotype.Component;

/**
 * The order's cycles as presets ({@code reporting.cycle.legal-cycles}) and the dates each proposes:
 * the legal deadline moved to the next working day when it falls on a day off, the invitation on the
 * first working day of the week the coordinator picks (by default the preset's week of 8 January), and
 * the submission deadline the order's window ({@code reporting.cycle.window-weeks}) later, on a working
 * day and never after the legal deadline.
 */
@Component
public class LegalCycles {

    /**
     * What a preset proposes for an invitation week.
     *
     * @param passed whether its legal deadline is behind us: it can no longer be started
     */
    public record Proposal(String preset, String name, LocalDate periodFrom, LocalDate periodTo,
            LocalDate invitationDate, LocalDate submissionDeadline, LocalDate legalDeadline,
            LocalDate requestedLegalDeadline, boolean finalReport, boolean passed) {
    }

    private final CycleProperties properties;
    private final LatvianCalendar calendar;
    private final CycleSchedule schedule;

    LegalCycles(CycleProperties properties, LatvianCalendar calendar, CycleSchedule schedule) {
        this.properties = properties;
        this.calendar = calendar;
        this.schedule = schedule;
    }

    public List<LegalCycle> all() {
        return properties.legalCycles();
    }

    public Optional<LegalCycle> find(String key) {
        return all().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** Each preset's proposal, its invitation in the given week (null: the preset's own week). */
    public List<Proposal> proposals(LocalDate week, Locale locale) {
        return all().stream().map(c -> propose(c, week, locale)).toList();
    }

    public Proposal propose(LegalCycle cycle, LocalDate week, Locale locale) {
        LocalDate monday = (week != null ? week : cycle.invitationWeek()).with(DayOfWeek.MONDAY);
        LocalDate invitation = calendar.onOrAfter(monday);
        LocalDate legal = calendar.deadline(cycle.legalDeadline());
        LocalDate deadline = calendar.deadline(invitation.plusWeeks(properties.windowWeeks()));
        if (deadline.isAfter(legal)) {
            deadline = calendar.onOrBefore(legal);
        }
        return new Proposal(cycle.key(), cycle.name(locale), cycle.periodFrom(), cycle.periodTo(), invitation,
                deadline, legal, cycle.legalDeadline(), cycle.finalReport(), legal.isBefore(schedule.today()));
    }

    /** Whether the window from the invitation to the deadline is shorter than the order's. */
    public boolean isShortWindow(LocalDate invitation, LocalDate deadline) {
        return deadline.isBefore(invitation.plusWeeks(properties.windowWeeks()));
    }

    public int windowWeeks() {
        return properties.windowWeeks();
    }

    /** The period of the plan's final report, the whole plan period; none when no preset is final. */
    public Optional<LegalCycle> finalCycle() {
        return all().stream().filter(LegalCycle::finalReport).findFirst();
    }
}
