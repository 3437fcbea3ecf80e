package lv.opengov.reporting.report;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The rules of the submit-report, contribute-report and review-report forms, enforced on the server:
 * the form's own validation helps the user, this decides.
 */
@Component
public class ReportValidator {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_LINKS = 20;

    private final MessageSource messages;

    ReportValidator(MessageSource messages) {
        this.messages = messages;
    }

    /** The submission in the given variables, or an {@link InvalidReportException} naming each bad field. */
    public ReportValues validateSubmission(Map<String, Object> variables) {
        List<FieldProblem> problems = new ArrayList<>();
        Completion completion = null;
        Object completionValue = variables.get(ReportAnswers.COMPLETION);
        if (isBlank(completionValue)) {
            problems.add(problem(ReportAnswers.COMPLETION, "report.required"));
        } else {
            try {
                completion = Completion.valueOf(completionValue.toString().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(problem(ReportAnswers.COMPLETION, "report.completion.invalid", completionValue));
            }
        }
        String progress = text(variables, ReportAnswers.PROGRESS, true, problems);
        String challenges = text(variables, ReportAnswers.CHALLENGES, false, problems);
        String nextSteps = text(variables, ReportAnswers.NEXT_STEPS, false, problems);
        BigDecimal funds = funds(variables.get(ReportAnswers.FUNDS_SPENT_EUR), problems);
        List<String> links = links(variables.get(ReportAnswers.EVIDENCE_LINKS), problems);
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems);
        }
        return new ReportValues(completion, progress, challenges, nextSteps, funds, links);
    }

    /**
     * A contribution to a report: what the contributor did (required), problems, funds spent and
     * evidence links, or an {@link InvalidReportException} naming each bad field.
     */
    public ReportValues validateContribution(Map<String, Object> variables) {
        List<FieldProblem> problems = new ArrayList<>();
        String progress = text(variables, ReportAnswers.PROGRESS, true, problems);
        String challenges = text(variables, ReportAnswers.CHALLENGES, false, problems);
        BigDecimal funds = funds(variables.get(ReportAnswers.FUNDS_SPENT_EUR), problems);
        List<String> links = links(variables.get(ReportAnswers.EVIDENCE_LINKS), problems);
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems);
        }
        return new ReportValues(null, progress, challenges, null, funds, links);
    }

    /**
     * A user completing a report task must belong to the group the task is for: the engine lets a
     * task be handed to anyone. Completions by the service itself (no user) pass.
     */
    public void checkMember(boolean member, String groupId) {
        if (!member) {
            throw new InvalidReportException(List.of(problem("assignee", "report.not-your-task", groupId)));
        }
    }

    /** A reviewer's decision: {@code true} to accept; a return needs a comment. */
    public boolean validateReview(Map<String, Object> variables) {
        List<FieldProblem> problems = new ArrayList<>();
        Object decision = variables.get("decision");
        String comment = text(variables, "reviewComment", false, problems);
        boolean accept = false;
        if (isBlank(decision)) {
            problems.add(problem("decision", "report.required"));
        } else if ("ACCEPT".equals(decision.toString())) {
            accept = true;
        } else if ("RETURN".equals(decision.toString())) {
            if (comment == null) {
                problems.add(problem("reviewComment", "report.review.comment-required"));
            }
        } else {
            problems.add(problem("decision", "report.review.decision-invalid", decision));
        }
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems);
        }
        return accept;
    }

    private String text(Map<String, Object> variables, String field, boolean required, List<FieldProblem> problems) {
        Object value = variables.get(field);
        if (isBlank(value)) {
            if (required) {
                problems.add(problem(field, "report.required"));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(problem(field, "report.text.invalid"));
            return null;
        }
        if (text.length() > MAX_TEXT) {
            problems.add(problem(field, "report.text.too-long", MAX_TEXT, text.length()));
            return null;
        }
        return text.strip();
    }

    private BigDecimal funds(Object value, List<FieldProblem> problems) {
        if (isBlank(value)) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = value instanceof Number number ? new BigDecimal(number.toString())
                    : new BigDecimal(value.toString().trim().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(problem(ReportAnswers.FUNDS_SPENT_EUR, "report.funds.invalid", value));
            return null;
        }
        if (amount.signum() < 0) {
            problems.add(problem(ReportAnswers.FUNDS_SPENT_EUR, "report.funds.negative", value));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.compareTo(new BigDecimal("999999999999")) > 0) {
            problems.add(problem(ReportAnswers.FUNDS_SPENT_EUR, "report.funds.invalid", value));
            return null;
        }
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private List<String> links(Object value, List<FieldProblem> problems) {
        if (isBlank(value)) {
            return List.of();
        }
        List<String> links = Arrays.stream(value.toString().split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (links.size() > MAX_LINKS) {
            problems.add(problem(ReportAnswers.EVIDENCE_LINKS, "report.links.too-many", MAX_LINKS, links.size()));
            return List.of();
        }
        if (value.toString().length() > MAX_TEXT) {
            problems.add(problem(ReportAnswers.EVIDENCE_LINKS, "report.text.too-long", MAX_TEXT, value.toString().length()));
            return List.of();
        }
        for (String link : links) {
            if (!isWebLink(link)) {
                problems.add(problem(ReportAnswers.EVIDENCE_LINKS, "report.links.invalid", link));
            }
        }
        return links;
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private FieldProblem problem(String field, String code, Object... args) {
        return new FieldProblem(field, messages.getMessage(code, args, LocaleContextHolder.getLocale()));
    }
}
