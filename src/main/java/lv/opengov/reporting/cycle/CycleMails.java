package lv.opengov.reporting.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.common.LatvianDates;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.notification.OutgoingMail;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.report.ContributionRow;
import lv.opengov.reporting.report.ReportRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails of a reporting cycle, queued in the outbox within the transaction of the step that
 * causes them. Each has an idempotency key naming its occasion, so a step that runs again (a retried
 * job) queues nothing twice.
 */
@Component
public class CycleMails {

    private final Outbox outbox;
    private final LatvianCalendar calendar;
    private final String baseUrl;

    CycleMails(Outbox outbox, LatvianCalendar calendar, @Value("${reporting.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.calendar = calendar;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * A measure as a mail lists it, in the recipient's language; the template writes its due date in
     * the form its sentence needs ({@link LatvianDates}, the model's {@code dates}).
     */
    public record Item(String code, String title, String responsible, LocalDate due) {
    }

    void invitation(ReportingCycle cycle, Institution institution, List<ReportRow> rows) {
        queue("invitation:" + cycle.getId() + ":" + institution.getCode(), "invitation", cycle, institution,
                List.of(), rows, Map.of(), List.of(cycle.getName()));
    }

    /** To a co-responsible institution or other implementer: the measures it contributes to, and by when. */
    void invitationCopy(ReportingCycle cycle, Institution institution, List<ReportRow> shared,
            Map<String, Institution> institutions, LocalDate contributionDue) {
        Locale locale = institution.locale();
        List<Item> items = new ArrayList<>();
        for (ReportRow row : shared) {
            items.add(new Item(row.measureCode(), row.title(locale), institutions.get(row.institution()).name(locale),
                    row.dueDate()));
        }
        queue("invitation-copy:" + cycle.getId() + ":" + institution.getCode(), "invitation-copy", cycle,
                institution, List.of(), List.of(), Map.of("items", items, "contributionDue", contributionDue),
                List.of(cycle.getName()));
    }

    /**
     * A reminder digest: the institution's own reports still open, and the contributions it still owes
     * to others' reports, each with its due date.
     */
    void reminder(ReportingCycle cycle, Institution institution, List<ReportRow> rows,
            List<ContributionRow> contributions, Map<String, Institution> institutions, LocalDate on) {
        List<Item> items = items(institution.locale(), rows, contributions, institutions);
        queue(reminderKey(cycle.getId(), institution.getCode(), on), REMINDER, cycle, institution,
                List.of(), rows, Map.of("items", items), List.of(items.size()));
    }

    private static List<Item> items(Locale locale, List<ReportRow> rows, List<ContributionRow> contributions,
            Map<String, Institution> institutions) {
        List<Item> items = new ArrayList<>();
        rows.forEach(r -> items.add(new Item(r.measureCode(), r.title(locale), null, r.dueDate())));
        contributions.forEach(c -> items.add(new Item(c.measureCode(), c.title(locale),
                institutions.get(c.lead()).name(locale), c.dueDate())));
        return items;
    }

    static final String REMINDER = "reminder";

    /** A reminder digest's idempotency key: one per cycle, institution and day. */
    static String reminderKey(Long cycleId, String institutionCode, LocalDate on) {
        return REMINDER + ":" + cycleId + ":" + institutionCode + ":" + on;
    }

    /** How many reminder digests each institution was sent, by institution code, from a cycle's mails. */
    public static Map<String, Long> remindersByInstitution(List<MailMessage> mails) {
        Map<String, Long> reminders = new java.util.LinkedHashMap<>();
        for (MailMessage mail : mails) {
            if (REMINDER.equals(mail.getTemplate())) {
                // reminderKey's second part
                reminders.merge(mail.getIdempotencyKey().split(":")[2], 1L, Long::sum);
            }
        }
        return reminders;
    }

    void overdue(ReportingCycle cycle, Institution institution, List<ReportRow> rows,
            List<ContributionRow> contributions, Map<String, Institution> institutions, LocalDate on) {
        List<String> cc = institution.getHeadEmail() == null ? List.of() : List.of(institution.getHeadEmail());
        List<Item> items = items(institution.locale(), rows, contributions, institutions);
        queue("overdue:" + cycle.getId() + ":" + institution.getCode() + ":" + on, "overdue", cycle, institution,
                cc, rows, Map.of("items", items), List.of(items.size()));
    }

    void returned(ReportingCycle cycle, Institution institution, ReportRow row, String comment, int revision) {
        queue("returned:" + row.reportId() + ":" + revision, "returned", cycle, institution, List.of(), List.of(row),
                Map.of("comment", comment == null ? "" : comment), List.of(row.measureCode()));
    }

    void published(ReportingCycle cycle, List<String> boardEmails, long accepted, long total) {
        if (boardEmails.isEmpty()) {
            return;
        }
        Locale locale = Locale.forLanguageTag("lv");
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", cycle);
        model.put("accepted", accepted);
        model.put("total", total);
        model.put("publicUrl", baseUrl + "/public/cycles/" + cycle.getId());
        model.put("overviewUrl", baseUrl + "/api/cycles/" + cycle.getId() + "/overview");
        outbox.queue(new OutgoingMail("published:" + cycle.getId(), "published", boardEmails, List.of(), locale,
                model, List.of(cycle.getName()), cycle.getId()));
    }

    /**
     * The overview's approval to every coordinator: due today, or overdue since its due day. One mail per
     * approval round and kind, in Latvian, as the coordinators work.
     */
    void approvalDue(ReportingCycle cycle, List<String> coordinatorEmails, boolean overdue) {
        if (coordinatorEmails.isEmpty()) {
            return;
        }
        Locale locale = Locale.forLanguageTag("lv");
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", cycle);
        model.put("overdue", overdue);
        model.put("dates", LatvianDates.in(locale));
        model.put("reportUrl", baseUrl + "/cycles/" + cycle.getId() + "/report");
        model.put("tasklistUrl", baseUrl + "/camunda/app/tasklist/");
        outbox.queue(new OutgoingMail("approval-" + (overdue ? "overdue" : "due") + ":" + cycle.getId() + ":"
                + cycle.getApprovalDueDate(), "approval", coordinatorEmails, List.of(), locale, model,
                List.of(overdue ? 1 : 0, cycle.getName()), cycle.getId()));
    }

    private void queue(String key, String template, ReportingCycle cycle, Institution institution, List<String> cc,
            List<ReportRow> rows, Map<String, Object> extra, List<Object> subjectArgs) {
        Locale locale = institution.locale();
        Map<String, Object> model = new HashMap<>(extra);
        model.put("cycle", cycle);
        model.put("institutionName", institution.name(locale));
        model.putIfAbsent("items", rows.stream().map(r -> new Item(r.measureCode(), r.title(locale), null,
                r.dueDate())).toList());
        model.put("dates", LatvianDates.in(locale));
        // a deadline moved off a day off says why
        model.put("deadlineNote", cycle.getRequestedSubmissionDeadline().equals(cycle.getSubmissionDeadline()) ? ""
                : calendar.explainMove(cycle.getRequestedSubmissionDeadline(), cycle.getSubmissionDeadline(), locale));
        model.put("tasklistUrl", baseUrl + "/camunda/app/tasklist/");
        outbox.queue(new OutgoingMail(key, template, List.of(institution.getContactEmail()), cc, locale, model,
                subjectArgs, cycle.getId()));
    }
}
