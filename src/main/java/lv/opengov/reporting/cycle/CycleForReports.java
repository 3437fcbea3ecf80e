package lv.opengov.reporting.cycle;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lv.opengov.reporting.cycle.internal.ReportingCycleRepository;
import lv.opengov.reporting.report.ReportCycle;
import org.springframework.stereotype.Component;

/** What the report module asks of a report's cycle ({@link ReportCycle}), answered from the cycle's dates. */
@Component
class CycleForReports implements ReportCycle {

    private final CycleSchedule schedule;
    private final ReportingCycleRepository cycles;
    /** A cycle's invitation date never changes: read once, not once for each of its reports. */
    private final Map<Long, LocalDate> invitationDates = new ConcurrentHashMap<>();

    CycleForReports(CycleSchedule schedule, ReportingCycleRepository cycles) {
        this.schedule = schedule;
        this.cycles = cycles;
    }

    @Override
    public Date dueAt(LocalDate dueDate) {
        return schedule.at(dueDate);
    }

    @Override
    public LocalDate contributionDue(LocalDate reportDue) {
        return schedule.contributionDueDate(reportDue);
    }

    @Override
    public Date followUpAt(Long cycleId, LocalDate dueDate) {
        List<LocalDate> reminders = schedule.reminderDates(dueDate, invitationDates.computeIfAbsent(cycleId,
                id -> cycles.findById(id).orElseThrow(() -> new IllegalStateException("No cycle " + id))
                        .getInvitationDate()));
        return reminders.isEmpty() ? null : schedule.at(reminders.get(0));
    }
}
