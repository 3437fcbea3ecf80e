package lv.opengov.reporting.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an institution answers on a measure: the six fields of the submit-report form, kept the same
 * way on the report (its latest answers) and on each revision. The field names are the form's, which
 * the contract fixes.
 */
@Embeddable
public class ReportAnswers {

    public static final String COMPLETION = "completion";
    public static final String PROGRESS = "progress";
    public static final String CHALLENGES = "challenges";
    public static final String NEXT_STEPS = "nextSteps";
    public static final String FUNDS_SPENT_EUR = "fundsSpentEur";
    public static final String EVIDENCE_LINKS = "evidenceLinks";

    /** The form's fields, in the form's order. */
    public static final List<String> FIELDS =
            List.of(COMPLETION, PROGRESS, CHALLENGES, NEXT_STEPS, FUNDS_SPENT_EUR, EVIDENCE_LINKS);

    /** What changed in one field from one set of answers to the next. */
    public record Change(String field, String before, String after) {
    }

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Completion completion;

    @Column(length = 10000)
    private String progress;

    @Column(length = 10000)
    private String challenges;

    @Column(name = "next_steps", length = 10000)
    private String nextSteps;

    @Column(name = "funds_spent_eur", precision = 14, scale = 2)
    private BigDecimal fundsSpentEur;

    /** One link per line. */
    @Column(name = "evidence_links", length = 10000)
    private String evidenceLinks;

    protected ReportAnswers() {
    }

    static ReportAnswers of(ReportValues values) {
        ReportAnswers answers = new ReportAnswers();
        answers.completion = values.completion();
        answers.progress = values.progress();
        answers.challenges = values.challenges();
        answers.nextSteps = values.nextSteps();
        answers.fundsSpentEur = values.fundsSpentEur();
        answers.evidenceLinks = values.evidenceLinksText();
        return answers;
    }

    static ReportAnswers none() {
        return new ReportAnswers();
    }

    /** The answers as the form's fields hold them: the completion by name, the funds as a number. */
    public Map<String, Object> asFormValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(COMPLETION, completion == null ? null : completion.name());
        values.put(PROGRESS, progress);
        values.put(CHALLENGES, challenges);
        values.put(NEXT_STEPS, nextSteps);
        values.put(FUNDS_SPENT_EUR, fundsSpentEur == null ? null : fundsSpentEur.doubleValue());
        values.put(EVIDENCE_LINKS, evidenceLinks);
        return values;
    }

    /** The fields whose text differs from the earlier answers, in the form's order. */
    public List<Change> changesSince(ReportAnswers before) {
        Map<String, String> earlier = before.asText();
        List<Change> changes = new ArrayList<>();
        asText().forEach((field, now) -> {
            if (!Objects.equals(earlier.get(field), now)) {
                changes.add(new Change(field, earlier.get(field), now));
            }
        });
        return changes;
    }

    private Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        asFormValues().forEach((field, value) -> text.put(field, Objects.toString(value, null)));
        text.put(FUNDS_SPENT_EUR, Objects.toString(fundsSpentEur, null));
        return text;
    }

    public Completion getCompletion() {
        return completion;
    }

    public String getProgress() {
        return progress;
    }

    public String getChallenges() {
        return challenges;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public BigDecimal getFundsSpentEur() {
        return fundsSpentEur;
    }

    public String getEvidenceLinks() {
        return evidenceLinks;
    }
}
