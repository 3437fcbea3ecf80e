package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.plan.Commitment;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.report.Completion;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportState;
import org.junit.jupiter.api.Test;

/** The cycle page's figures, from report rows alone. */
class CycleProgressTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 2);
    private static final Map<String, Institution> INSTITUTIONS = Map.of("VK", new Institution("VK"),
            "FM", new Institution("FM"));
    private static final Map<Integer, Commitment> COMMITMENTS = Map.of(1, new Commitment(1), 2, new Commitment(2));

    private static ReportRow row(long id, int commitment, String institution, ReportState state, Completion completion) {
        return new ReportRow(id, commitment + "." + id, "LV " + id, "EN " + id, commitment, institution, state,
                completion, null, DEADLINE, "pi-" + id, null);
    }

    private static final List<ReportRow> ROWS = List.of(
            row(1, 1, "VK", ReportState.ACCEPTED, Completion.COMPLETE),
            row(2, 1, "VK", ReportState.AWAITING, null),
            row(3, 2, "FM", ReportState.SUBMITTED, Completion.LIMITED),
            row(4, 2, "FM", ReportState.RETURNED, Completion.LIMITED));

    private static CycleProgress progressOn(LocalDate today) {
        return CycleProgress.of(ROWS, INSTITUTIONS, COMMITMENTS, Map.of("VK", 2L), today, Locale.ENGLISH);
    }

    @Test
    void countsEveryStateIncludingTheEmptyOnes() {
        assertThat(progressOn(DEADLINE).states()).containsExactly(Map.entry("AWAITING", 1L),
                Map.entry("SUBMITTED", 1L), Map.entry("RETURNED", 1L), Map.entry("ACCEPTED", 1L));
    }

    @Test
    void countsCompletionOnlyOfReportsThatWereSubmitted() {
        assertThat(progressOn(DEADLINE).completions()).containsExactly(Map.entry("NOT_STARTED", 0L),
                Map.entry("LIMITED", 2L), Map.entry("SUBSTANTIAL", 0L), Map.entry("COMPLETE", 1L));
        assertThat(progressOn(DEADLINE).maxCompletion()).isEqualTo(2);
    }

    @Test
    void percentagesAreOfAllReports() {
        CycleProgress progress = progressOn(DEADLINE);
        assertThat(progress.acceptedPercent()).isEqualTo(25);
        assertThat(progress.submittedPercent()).isEqualTo(25);
    }

    @Test
    void groupsMeasuresByCommitmentInRowOrder() {
        var byCommitment = progressOn(DEADLINE).byCommitment();
        assertThat(byCommitment.keySet()).extracting(Commitment::getNumber).containsExactly(1, 2);
        assertThat(byCommitment.get(COMMITMENTS.get(2))).extracting(line -> line.row().reportId())
                .containsExactly(3L, 4L);
    }

    @Test
    void onlyReportsStillOwedAfterTheirDeadlineAreOverdue() {
        assertThat(progressOn(DEADLINE).overdue()).isEmpty();
        var overdue = progressOn(DEADLINE.plusDays(3)).overdue();
        assertThat(overdue).extracting(line -> line.row().reportId()).containsExactly(2L, 4L);
        assertThat(overdue).extracting(CycleProgress.Line::daysOverdue).containsOnly(3L);
    }

    @Test
    void eachInstitutionHasItsOpenSubmittedAcceptedAndReminders() {
        assertThat(progressOn(DEADLINE).institutions()).containsExactly(
                new CycleProgress.InstitutionLine("FM", null, 1, 1, 0, 0),
                new CycleProgress.InstitutionLine("VK", null, 1, 0, 1, 2));
    }

    @Test
    void anEmptyCycleHasNoDivisionByZero() {
        CycleProgress empty = CycleProgress.of(List.of(), INSTITUTIONS, COMMITMENTS, Map.of(), DEADLINE, Locale.ENGLISH);
        assertThat(empty.total()).isZero();
        assertThat(empty.acceptedPercent()).isZero();
        assertThat(empty.maxCompletion()).isEqualTo(1);
    }
}
