package lv.opengov.reporting.cycle;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reporting cycle's settings ({@code reporting.cycle.*}).
 *
 * @param reminderDaysBefore the reminder digests, in working days before a report's deadline
 * @param contributionDaysBefore how many working days before the responsible institution's deadline the
 *                               co-responsible institutions' and other implementers' contributions are due
 * @param followUpIntervalDays after the legal deadline, how many working days until coordinators are asked again
 *                             about the reports still missing
 * @param noticeTime           the time of day at which invitations, reminders and notices go out, in the
 *                             service's zone ({@code reporting.zone})
 * @param reportBatchSize      how many measure-report processes one job of the cycle prepares for starting (each
 *                             then starts in a job of its own)
 * @param approvalDays         how many working days after it opens the approval of the overview is due; every
 *                             coordinator is reminded on that day and the approval is escalated the working day after
 * @param correctionDays       how many working days an institution has to correct a report sent back at approval
 * @param windowWeeks          the submission window the order's practice gives, in weeks from the invitation
 *                             (three); a shorter one is pointed out when a cycle starts
 * @param legalCycles          the reports Cabinet order No. 78 asks for, offered as presets
 */
@ConfigurationProperties("reporting.cycle")
public record CycleProperties(List<Integer> reminderDaysBefore, int followUpIntervalDays, LocalTime noticeTime,
        int reportBatchSize, Integer contributionDaysBefore, Integer approvalDays, Integer correctionDays,
        Integer windowWeeks, List<LegalCycle> legalCycles) {

    public CycleProperties {
        windowWeeks = windowWeeks == null || windowWeeks < 1 ? 3 : windowWeeks;
        legalCycles = legalCycles == null ? List.of() : List.copyOf(legalCycles);
        approvalDays = approvalDays == null || approvalDays < 1 ? 5 : approvalDays;
        correctionDays = correctionDays == null || correctionDays < 1 ? 5 : correctionDays;
        contributionDaysBefore = contributionDaysBefore == null || contributionDaysBefore < 0 ? 5
                : contributionDaysBefore;
        reportBatchSize = reportBatchSize <= 0 ? 100 : reportBatchSize;
        reminderDaysBefore = reminderDaysBefore == null ? List.of(5, 1) : List.copyOf(reminderDaysBefore);
        followUpIntervalDays = followUpIntervalDays <= 0 ? 5 : followUpIntervalDays;
        noticeTime = noticeTime == null ? LocalTime.of(9, 0) : noticeTime;
    }
}
