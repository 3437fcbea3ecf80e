package lv.opengov.reporting.refresh;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.common.LatvianDates;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.identity.GroupEmails;
import lv.opengov.reporting.identity.Groups;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.notification.OutgoingMail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The refresh's reminders and escalations to the coordinators, one a day per kind at the most. */
@Component
@Transactional
class RefreshMails {

    private static final Locale LATVIAN = Locale.forLanguageTag("lv");

    private final RefreshQuery refreshes;
    private final GroupEmails groupEmails;
    private final Outbox outbox;
    private final RefreshMessages messages;
    private final ServiceZone zone;

    RefreshMails(RefreshQuery refreshes, GroupEmails groupEmails, Outbox outbox, RefreshMessages messages,
            ServiceZone zone) {
        this.refreshes = refreshes;
        this.groupEmails = groupEmails;
        this.outbox = outbox;
        this.messages = messages;
        this.zone = zone;
    }

    /**
     * Mails the coordinators about a step of the refresh; {@code kind} is the model's notice
     * ({@code schedule-reminder}, {@code schedule-overdue}, {@code submission-reminder}, {@code submission-overdue}).
     */
    public void notifyCoordinators(Long refreshId, String kind) {
        notifyCoordinators(refreshId, kind, null);
    }

    /**
     * The OGP deadline near ({@code deadline-reminder}) or reached ({@code deadline-overdue}), to the
     * coordinators, naming the refresh's tasks open now, or its state when none is.
     */
    public void notifyOfDeadline(Long refreshId, List<String> openTasks) {
        PlanRefresh refresh = refreshes.find(refreshId);
        String kind = zone.today().isBefore(refresh.getOgpDeadline()) ? "deadline-reminder" : "deadline-overdue";
        String open = openTasks.isEmpty() ? messages.in(LATVIAN, "mail.refresh-notice.no-open-task")
                : String.join(", ", openTasks);
        notifyCoordinators(refreshId, kind, open);
    }

    private void notifyCoordinators(Long refreshId, String kind, String openTasks) {
        PlanRefresh refresh = refreshes.find(refreshId);
        List<String> to = groupEmails.of(Groups.COORDINATORS);
        if (to.isEmpty()) {
            return;
        }
        LocalDate due = kind.startsWith("schedule") ? refresh.scheduleDue() : refresh.getOgpDeadline();
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("openTasks", openTasks == null ? "" : openTasks);
        model.put("due", due);
        model.put("dates", LatvianDates.in(LATVIAN));
        model.put("refreshId", refreshId);
        outbox.queue(new OutgoingMail("refresh:" + refreshId + ":" + kind + ":" + zone.today(), "refresh-notice", to,
                List.of(), LATVIAN, model, List.of(messages.in(LATVIAN, "mail.refresh-notice." + kind)), null));
    }
}
