package lv.opengov.reporting.notification;

import lv.opengov.reporting.notification.internal.MailMessageRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.TestMails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail) that can be stopped and started again. The test
 * context has no SMTP host (its outbox only queues), so the dispatcher under test is the application's
 * own, given the sender that {@code spring.mail.host} and {@code spring.mail.port} would configure.
 */
@ReportingTest
class OutboxDeliveryTest {

    private static final int SMTP_PORT = SmtpDelivery.freePort();

    @Autowired
    Outbox outbox;

    @Autowired
    MailProperties mailProperties;

    @Autowired
    MailMessageRepository repository;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    Clock clock;

    @Autowired
    PlanService planService;

    @Autowired
    PlatformTransactionManager transactionManager;

    private GreenMail smtp;
    private MailDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        // the dispatcher sends whatever is due: only this test's messages may be
        SmtpDelivery.emptyOutbox(context);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        dispatcher = SmtpDelivery.dispatcher(context, SMTP_PORT);
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    private MailMessage queue(String key, String institutionCode) {
        var institution = planService.findInstitution(institutionCode).orElseThrow();
        return new TransactionTemplate(transactionManager).execute(
                status -> outbox.queue(TestMails.measuresAssignedWithHeadInCopy(key, institution)));
    }

    @Test
    void queuedMessageIsDeliveredExactlyOnceWithItsStableMessageId() throws Exception {
        smtp.start();
        MailMessage queued = queue("test:delivery:VK", "VK");

        assertThat(dispatcher.dispatchDue(clock.instant())).isEqualTo(1);
        assertThat(dispatcher.dispatchDue(clock.instant().plus(Duration.ofDays(1)))).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        // one message, delivered to the contact and to the head in copy
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(queued.getMessageId())
                .isEqualTo(outbox.messageIdFor("test:delivery:VK"));
        assertThat(received[0].getSubject()).isEqualTo("Rīcības plāns: jūsu iestādei ir jauni pasākumi (2)");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Labdien, Valsts kanceleja!");
        MailMessage sent = outbox.find("test:delivery:VK").orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getSentAt()).isNotNull();
    }

    @Test
    void sameIdempotencyKeyQueuesOneMessage() {
        MailMessage first = queue("test:twice", "VK");
        MailMessage second = queue("test:twice", "VK");
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void messageIsQueuedOnlyWithinTheTransactionOfItsCause() {
        var institution = planService.findInstitution("VK").orElseThrow();
        OutgoingMail mail = new OutgoingMail("test:rollback", "measure-assigned",
                List.of(institution.getContactEmail()), List.of(), institution.locale(),
                Map.of("institution", institution, "assignments", List.of()), List.of(1), null);
        assertThatThrownBy(() -> outbox.queue(mail)).isInstanceOf(IllegalTransactionStateException.class);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            outbox.queue(mail);
            status.setRollbackOnly();
        });
        assertThat(outbox.find("test:rollback")).isEmpty();
    }

    @Test
    void whileTheServerIsDownMessagesAreRetriedAndDeliveredOnceItIsBack() throws Exception {
        MailMessage queued = queue("test:retry", "TM");
        // whole milliseconds, as the database keeps at most microseconds; not before the message was queued
        Instant now = queued.getCreatedAt().plusMillis(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        assertThat(dispatcher.dispatchDue(now)).isZero();
        MailMessage failed = outbox.find("test:retry").orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(MailStatus.RETRYING);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank();
        assertThat(failed.getNextAttemptAt()).isEqualTo(now.plus(Duration.ofSeconds(30)));

        // not due yet: nothing is attempted
        assertThat(dispatcher.dispatchDue(now.plusSeconds(10))).isZero();
        assertThat(outbox.find("test:retry").orElseThrow().getAttempts()).isEqualTo(1);

        // a second failure doubles the wait
        assertThat(dispatcher.dispatchDue(now.plusSeconds(30))).isZero();
        MailMessage failedTwice = outbox.find("test:retry").orElseThrow();
        assertThat(failedTwice.getAttempts()).isEqualTo(2);
        assertThat(failedTwice.getNextAttemptAt()).isEqualTo(now.plusSeconds(30).plus(Duration.ofSeconds(60)));

        smtp.start();
        assertThat(dispatcher.dispatchDue(now.plus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(dispatcher.dispatchDue(now.plus(Duration.ofHours(2)))).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2); // contact + head in copy, one message
        assertThat(smtp.getReceivedMessages()[0].getHeader("Message-ID")[0]).isEqualTo(queued.getMessageId());
        MailMessage sent = outbox.find("test:retry").orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(3);
        assertThat(sent.getLastError()).isNull();
    }

    @Test
    void messageIsGivenUpAfterTheLastAttempt() {
        queue("test:give-up", "FM");
        Instant now = clock.instant();
        int attempts = mailProperties.maxAttempts();
        for (int attempt = 0; attempt < attempts; attempt++) {
            dispatcher.dispatchDue(now.plus(Duration.ofDays(attempt)));
        }
        MailMessage given = outbox.find("test:give-up").orElseThrow();
        assertThat(given.getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(given.getAttempts()).isEqualTo(attempts);
        assertThat(dispatcher.dispatchDue(now.plus(Duration.ofDays(30)))).isZero();

        smtp.start();
        assertThat(outbox.retry(given.getId())).isPresent();
        assertThat(dispatcher.dispatchDue(clock.instant().plusSeconds(1))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> smtp.getReceivedMessages().length == 2);
    }

    @Test
    void concurrentDispatchersSendEachMessageOnce() {
        smtp.start();
        IntStream.range(0, 30).forEach(i -> queue("test:concurrent:" + i, "VARAM"));
        Instant now = clock.instant();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> dispatcher.dispatchDue(now));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> dispatcher.dispatchDue(now));
        assertThat(first.join() + second.join()).isEqualTo(30);
        // each message goes to the contact and the head
        assertThat(smtp.getReceivedMessages()).hasSize(60);
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count()).isEqualTo(30);
    }

    @Test
    void mailsAreRenderedInTheRecipientsLanguageWithUserTextEscaped() {
        var institution = planService.findInstitution("VK").orElseThrow();
        MailMessage mail = new TransactionTemplate(transactionManager).execute(status -> outbox.queue(
                new OutgoingMail("test:render", "measure-assigned", List.of("x@example.org"), List.of(),
                        Locale.ENGLISH, Map.of("institution", institution, "assignments", List.of(
                                new lv.opengov.reporting.plan.MeasureAssignment("9.9",
                                        null, "<script>alert(1)</script>", false))),
                        List.of(1), null)));
        assertThat(mail.getSubject()).isEqualTo("Action plan: your institution now has one new measure");
        assertThat(mail.getBodyText()).contains("Dear colleagues of State Chancellery,")
                .contains("- 9.9 <script>alert(1)</script> (co-responsible)");
        assertThat(mail.getBodyHtml()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(mail.getLanguage()).isEqualTo("en");
    }
}
