package lv.opengov.reporting.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.notification.OutgoingMail;
import org.springframework.stereotype.Component;

/** Tells each institution, in the same transaction as the import, which measures it now has. */
@Component
class AssignmentMails {

    private final Outbox outbox;

    AssignmentMails(Outbox outbox) {
        this.outbox = outbox;
    }

    void queue(Map<Institution, List<MeasureAssignment>> assignments) {
        String importId = UUID.randomUUID().toString();
        assignments.forEach((institution, measures) -> outbox.queue(new OutgoingMail(
                "measure-assigned:" + importId + ":" + institution.getCode(), "measure-assigned",
                List.of(institution.getContactEmail()), List.of(), institution.locale(),
                Map.of("institution", institution, "assignments", measures), List.of(measures.size()), null)));
    }
}
