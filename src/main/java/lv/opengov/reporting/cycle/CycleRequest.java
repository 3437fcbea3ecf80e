package lv.opengov.reporting.cycle;

import java.time.LocalDate;

/**
 * A request to start a cycle, as received: every field is checked by {@link CycleService}. A request
 * naming a {@code preset} (one of the order's cycles, {@link LegalCycles}) may leave out the name, the
 * period and the dates: the preset fills them, the invitation on the first working day of the week of
 * {@code invitationWeek} (by default the preset's).
 *
 * @param acceptMovedDates  false from the start form: a date on a day off, or a window shorter than the
 *                          order's, is pointed out and refuses the start until the user ticks this
 * @param finalReport       whether the cycle is the plan's final report, which covers the whole plan period;
 *                          a preset says so itself
 */
public record CycleRequest(String name, String periodFrom, String periodTo, String invitationDate,
        String submissionDeadline, String legalDeadline, Boolean acceptMovedDates, String preset,
        String invitationWeek, Boolean finalReport) {

    public CycleRequest(String name, String periodFrom, String periodTo, String invitationDate,
            String submissionDeadline, String legalDeadline) {
        this(name, periodFrom, periodTo, invitationDate, submissionDeadline, legalDeadline, Boolean.TRUE);
    }

    public CycleRequest(String name, String periodFrom, String periodTo, String invitationDate,
            String submissionDeadline, String legalDeadline, Boolean acceptMovedDates) {
        this(name, periodFrom, periodTo, invitationDate, submissionDeadline, legalDeadline, acceptMovedDates, null,
                null, null);
    }

    /** The same request once every field has been checked. */
    record Valid(String name, LocalDate periodFrom, LocalDate periodTo, LocalDate invitationDate,
            LocalDate submissionDeadline, LocalDate legalDeadline, LocalDate requestedSubmissionDeadline,
            LocalDate requestedLegalDeadline, boolean finalReport) {
    }
}
