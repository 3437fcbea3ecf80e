package lv.opengov.reporting.cycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.TaskInputRefusedException;
import lv.opengov.reporting.common.TextRules;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the approval form's user answered, checked: approve (the default, also for a completion that
 * sends nothing), or send back the reports of the measures named (codes separated by commas or spaces)
 * with a comment of at most {@value #COMMENT_LENGTH} characters, without markup. Whether each measure's
 * report may go back is the cycle's to say ({@code ReportService.sendBack}).
 */
@Component
class ApprovalAnswers {

    static final String APPROVE = "APPROVE";
    static final String SEND_BACK = "SEND_BACK";
    static final int COMMENT_LENGTH = 2000;

    /** The decision: no measures to send back means approval. */
    record Answer(Set<String> sendBack, String comment) {
    }

    private final MessageSource messages;

    ApprovalAnswers(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @throws TaskInputRefusedException naming each field that breaks the form's rules
     */
    Answer read(Map<String, Object> answers) {
        Object decision = answers.get(ReportingCycleProcess.VAR_APPROVAL_DECISION);
        String codes = text(answers.get(ReportingCycleProcess.VAR_SEND_BACK));
        String comment = text(answers.get(ReportingCycleProcess.VAR_SEND_BACK_COMMENT));
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        if (decision != null && !APPROVE.equals(decision) && !SEND_BACK.equals(decision)) {
            problems.add(problem(ReportingCycleProcess.VAR_APPROVAL_DECISION, "approval.decision.invalid"));
        }
        if (!SEND_BACK.equals(decision)) {
            if (problems.isEmpty()) {
                return new Answer(Set.of(), null);
            }
            throw new TaskInputRefusedException(problems);
        }
        Set<String> measures = new LinkedHashSet<>();
        if (codes != null) {
            for (String code : codes.split("[,;\\s]+")) {
                if (!code.isBlank()) {
                    measures.add(code.trim());
                }
            }
        }
        if (measures.isEmpty()) {
            problems.add(problem(ReportingCycleProcess.VAR_SEND_BACK, "approval.send-back.required"));
        } else if (measures.stream().anyMatch(code -> !code.matches("\\d{1,3}(\\.\\d{1,3}){1,2}"))) {
            problems.add(problem(ReportingCycleProcess.VAR_SEND_BACK, "approval.send-back.codes"));
        }
        if (comment == null) {
            problems.add(problem(ReportingCycleProcess.VAR_SEND_BACK_COMMENT, "approval.comment.required"));
        } else if (comment.length() > COMMENT_LENGTH) {
            problems.add(new ApiError.FieldProblem(ReportingCycleProcess.VAR_SEND_BACK_COMMENT,
                    message("report.text.too-long", COMMENT_LENGTH, comment.length())));
        } else if (TextRules.MARKUP.matcher(comment).find() || TextRules.CONTROL.matcher(comment).find()) {
            problems.add(problem(ReportingCycleProcess.VAR_SEND_BACK_COMMENT, "approval.comment.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new TaskInputRefusedException(problems);
        }
        return new Answer(measures, comment);
    }

    private static String text(Object value) {
        return value == null ? null : TextRules.blankToNull(value.toString());
    }

    private ApiError.FieldProblem problem(String field, String code) {
        return new ApiError.FieldProblem(field, message(code));
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
