package lv.opengov.reporting.report;

import java.time.LocalDate;
import java.util.Date;

/**
 * What a report's tasks need to know of the cycle the report belongs to: its dates. Declared here and
 * answered by the cycle module, which knows them: the report module never reaches into the cycle's.
 */
public interface ReportCycle {

    /** The moment a report due on the given day is due (the notice time of that day). */
    Date dueAt(LocalDate dueDate);

    /** When the contributions to a report due on the given day are due. */
    LocalDate contributionDue(LocalDate reportDue);

    /**
     * The follow-up moment of a report of the cycle due on the given day: the first reminder the cycle
     * sends for that deadline, or null when no reminder falls after the cycle's invitation date.
     */
    Date followUpAt(Long cycleId, LocalDate dueDate);
}
