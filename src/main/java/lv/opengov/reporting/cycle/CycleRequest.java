package lv.opengov.reporting.cycle;

import java.time.LocalDate;

/** A request to start a cycle, as received: every field is checked by {@link CycleService}. */
public record CycleRequest(String name, String periodFrom, String periodTo, String invitationDate,
        String submissionDeadline, String legalDeadline, Boolean acceptMovedDates) {

    public CycleRequest(String name, String periodFrom, String periodTo, String invitationDate,
            String submissionDeadline, String legalDeadline) {
        this(name, periodFrom, periodTo, invitationDate, submissionDeadline, legalDeadline, Boolean.TRUE);
    }

    /** The same request once every field has been checked. */
    record Valid(String name, LocalDate periodFrom, LocalDate periodTo, LocalDate invitationDate,
            LocalDate submissionDeadline, LocalDate legalDeadline, LocalDate requestedSubmissionDeadline,
            LocalDate requestedLegalDeadline) {
    }
}
