package lv.opengov.reporting.support;

import java.util.List;
import java.util.Map;
import lv.opengov.reporting.notification.OutgoingMail;
import lv.opengov.reporting.plan.Institution;

/** Mails for the outbox's tests: the plain "measures assigned" notice to an institution. */
public final class TestMails {

    private TestMails() {
    }

    /** The notice of one new measure to the institution's contact. */
    public static OutgoingMail measureAssigned(String key, Institution institution) {
        return new OutgoingMail(key, "measure-assigned", List.of(institution.getContactEmail()), List.of(),
                institution.locale(), Map.of("institution", institution, "assignments", List.of()), List.of(1), null);
    }

    /** The notice of two new measures to the institution's contact, its head in copy. */
    public static OutgoingMail measuresAssignedWithHeadInCopy(String key, Institution institution) {
        return new OutgoingMail(key, "measure-assigned", List.of(institution.getContactEmail()),
                List.of(institution.getHeadEmail()), institution.locale(),
                Map.of("institution", institution, "assignments", List.of()), List.of(2), null);
    }
}
