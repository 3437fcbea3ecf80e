package lv.opengov.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report's answers: what the form starts from and what changed between two submissions. */
class ReportAnswersTest {

    private static ReportAnswers answers(Completion completion, String progress, String funds, String... links) {
        return ReportAnswers.of(new ReportValues(completion, progress, null, "Next",
                funds == null ? null : new BigDecimal(funds), List.of(links)));
    }

    @Test
    void theFormGetsTheCompletionByNameAndTheFundsAsANumber() {
        assertThat(answers(Completion.LIMITED, "Done", "1200.50", "https://a.lv").asFormValues())
                .containsEntry(ReportAnswers.COMPLETION, "LIMITED")
                .containsEntry(ReportAnswers.FUNDS_SPENT_EUR, 1200.5)
                .containsEntry(ReportAnswers.EVIDENCE_LINKS, "https://a.lv")
                .containsEntry(ReportAnswers.CHALLENGES, null)
                .containsOnlyKeys(ReportAnswers.FIELDS);
    }

    @Test
    void nothingSubmittedGivesAnEmptyForm() {
        assertThat(ReportAnswers.none().asFormValues()).containsOnlyKeys(ReportAnswers.FIELDS)
                .allSatisfy((field, value) -> assertThat(value).isNull());
    }

    @Test
    void changesListOnlyTheFieldsThatDifferInTheFormsOrder() {
        ReportAnswers before = answers(Completion.LIMITED, "Started", "100.00", "https://a.lv");
        ReportAnswers after = answers(Completion.SUBSTANTIAL, "Started", "100.00", "https://a.lv", "https://b.lv");
        assertThat(after.changesSince(before)).containsExactly(
                new ReportAnswers.Change(ReportAnswers.COMPLETION, "LIMITED", "SUBSTANTIAL"),
                new ReportAnswers.Change(ReportAnswers.EVIDENCE_LINKS, "https://a.lv", "https://a.lv\nhttps://b.lv"));
    }

    @Test
    void fundsCompareAsWrittenNotAsFloatingPoint() {
        assertThat(answers(Completion.LIMITED, "Same", "100.10").changesSince(answers(Completion.LIMITED, "Same", "100.1")))
                .containsExactly(new ReportAnswers.Change(ReportAnswers.FUNDS_SPENT_EUR, "100.1", "100.10"));
        assertThat(answers(Completion.LIMITED, "Same", "7").changesSince(answers(Completion.LIMITED, "Same", "7")))
                .isEmpty();
    }
}
