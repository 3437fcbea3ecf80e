package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.notification.MailDispatcher;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.notification.SmtpDelivery;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.plan.TestInstitutions;
import lv.opengov.reporting.report.Completion;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cycle's mails as their readers get them from a real SMTP server, in Latvian and in English: each
 * date in the case its Latvian sentence needs ("līdz 2026. gada 28. decembrim", not "līdz … 28.
 * decembris"), one form in English, and no quoting left over from the message bundle.
 */
@ReportingTest
class CycleMailTextTest {

    private static final int SMTP_PORT = SmtpDelivery.freePort();

    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 28);
    private static final LocalDate RETURNED_DUE = LocalDate.of(2027, 1, 8);
    private static final LocalDate CONTRIBUTION_DUE = LocalDate.of(2026, 12, 18);

    @Autowired
    CycleMails mails;

    @Autowired
    Outbox outbox;

    @Autowired
    PlanService planService;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    private GreenMail smtp;
    private MailDispatcher dispatcher;
    private ReportingCycle cycle;
    private Institution latvian;
    private Institution english;

    @BeforeEach
    void setUp() {
        SmtpDelivery.emptyOutbox(context);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        dispatcher = SmtpDelivery.dispatcher(context, SMTP_PORT);
        // asked for Sunday 27 December, moved to Monday the 28th
        cycle = new ReportingCycle(new CycleRequest.Valid("Vidusposma atskaite", LocalDate.of(2022, 1, 1),
                LocalDate.of(2023, 12, 31), LocalDate.of(2026, 11, 30), DEADLINE, LocalDate.of(2027, 1, 29),
                LocalDate.of(2026, 12, 27), LocalDate.of(2027, 1, 29), false), "coordinator", clock.instant());
        latvian = planService.findInstitution("VK").orElseThrow();
        english = TestInstitutions.unsaved("XEN", "Ārvalstu partneris", "Foreign partner", "partner@example.org", "en");
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    @Test
    void latvianMailsPutEachDateInTheCaseItsSentenceNeeds() throws Exception {
        Map<String, String> text = deliver(latvian);

        assertThat(text.get("invitation"))
                .contains("ziņošanas ciklā \"Vidusposma atskaite\" (periods no 2022. gada 1. janvāra līdz 2023. gada 31. decembrim)")
                .contains("Lūdzam iesniegt atskaites līdz 2026. gada 28. decembrim.")
                .contains("2026. gada 27. decembris ir svētdiena; termiņš ir pirmdiena, 2026. gada 28. decembris.")
                .contains("filtrā \"Manas iestādes atskaites\"");
        assertThat(text.get("invitation-copy"))
                .contains("iesniegt savu ieguldījumu Tasklist līdz 2026. gada 18. decembrim (")
                .contains("ko tā iesniedz līdz 2026. gada 28. decembrim.");
        assertThat(text.get("reminder")).contains("1.1 Pirmais pasākums — termiņš 2026. gada 28. decembris");
        assertThat(text.get("overdue"))
                .contains("— termiņš 2026. gada 28. decembris")
                .contains("iesniegšanas termiņš ir 2027. gada 29. janvāris.");
        assertThat(text.get("returned")).contains("iesniegt atkārtoti līdz 2027. gada 8. janvārim.");
        assertThat(text.get("approval")).contains("termiņš ir šodien, 2027. gada 2. marts.");
        assertThat(text.values()).allSatisfy(body -> assertThat(body).doesNotContain("''")
                .doesNotContainPattern("līdz [0-9]{4}\\. gada [0-9]+\\. [a-zāēīū]+(is|s)\\b"));
    }

    @Test
    void englishMailsWriteDatesAsWrittenInEurope() throws Exception {
        Map<String, String> text = deliver(english);

        assertThat(text.get("invitation"))
                .contains("in the cycle \"Vidusposma atskaite\" (period 1 January 2022 – 31 December 2023)")
                .contains("Please submit the reports by 28 December 2026.")
                .contains("under the filter \"My institution's reports\"")
                .contains("Log in with your institution's account");
        assertThat(text.get("invitation-copy")).contains("in Tasklist by 18 December 2026 (")
                .contains("which it submits by 28 December 2026.");
        assertThat(text.get("reminder")).contains("1.1 First measure — due 28 December 2026");
        assertThat(text.get("overdue")).contains("The legal deadline for the information is 29 January 2027.");
        assertThat(text.get("returned")).contains("submit it again by 8 January 2027.");
        assertThat(text.values()).allSatisfy(body -> assertThat(body).doesNotContain("''")
                .doesNotContain("gada").doesNotContain("Manas iestādes"));
    }

    /**
     * Queues every mail of a cycle to the institution (the approval, which goes to coordinators in
     * Latvian, with the Latvian institution's), delivers them and answers each one's text and HTML by
     * template.
     */
    private Map<String, String> deliver(Institution institution) throws Exception {
        ReportRow row = new ReportRow(1L, "1.1", "Pirmais pasākums", "First measure", 1, institution.getCode(),
                ReportState.AWAITING, null, null, DEADLINE, null, null);
        ReportRow returned = new ReportRow(2L, "1.2", "Otrais pasākums", "Second measure", 1, institution.getCode(),
                ReportState.RETURNED, Completion.LIMITED, null, RETURNED_DUE, null, null);
        Map<String, Institution> institutions = Map.of(institution.getCode(), institution);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            mails.invitation(cycle, institution, List.of(row));
            mails.invitationCopy(cycle, institution, List.of(row), institutions, CONTRIBUTION_DUE);
            mails.reminder(cycle, institution, List.of(row), List.of(), institutions, DEADLINE.minusDays(1));
            mails.overdue(cycle, institution, List.of(row), List.of(), institutions, DEADLINE.plusDays(1));
            mails.returned(cycle, institution, returned, "Precizējiet.", 1);
            if (institution == latvian) {
                cycle.approvalDue(LocalDate.of(2027, 3, 2));
                mails.approvalDue(cycle, List.of("coordinator@example.org"), false);
            }
        });
        assertThat(dispatcher.dispatchDue(clock.instant().plusSeconds(1))).isEqualTo(institution == latvian ? 6 : 5);

        Map<String, String> byTemplate = new java.util.HashMap<>();
        for (String template : List.of("invitation", "invitation-copy", "reminder", "overdue", "returned", "approval")) {
            String key = switch (template) {
                case "invitation", "invitation-copy" -> template + ":null:" + institution.getCode();
                case "reminder" -> CycleMails.reminderKey(null, institution.getCode(), DEADLINE.minusDays(1));
                case "overdue" -> "overdue:null:" + institution.getCode() + ":" + DEADLINE.plusDays(1);
                case "returned" -> "returned:2:1";
                default -> "approval-due:null:2027-03-02";
            };
            outbox.find(key).ifPresent(queued -> Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> queued.getMessageId().equals(messageIdOf(m))).findFirst()
                    .ifPresent(m -> byTemplate.put(template, textOf(m))));
        }
        assertThat(byTemplate).containsOnlyKeys(institution == latvian
                ? List.of("invitation", "invitation-copy", "reminder", "overdue", "returned", "approval")
                : List.of("invitation", "invitation-copy", "reminder", "overdue", "returned"));
        return byTemplate;
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject and every text part, decoded, the HTML's line breaks as spaces. */
    private static String textOf(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder(message.getSubject()).append('\n');
            appendParts(message, text);
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendParts(Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                appendParts(child, text);
            }
        } else if (part.isMimeType("text/*")) {
            text.append(part.getContent().toString().replaceAll("\\s*\\n\\s*", " ")).append('\n');
        }
    }
}
