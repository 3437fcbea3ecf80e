package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.notification.MailDispatcher;
import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.MailStatus;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.notification.SmtpDelivery;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.TestClock;
import lv.opengov.reporting.support.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * While the mail server does not answer, the outbox keeps a cycle's mails and tries again; the cycle's
 * page tells its coordinators so, and its JSON carries the same facts ({@code mailDelay}), until the
 * mails are sent. The application sends through a real SMTP server (GreenMail), which the test stops
 * and starts again on the same port; the test runs the application's dispatcher when it means to.
 */
@ReportingTest
class CycleMailDelayTest {

    private static final GreenMail FIRST_SERVER = TestSmtp.started();
    private static final int SMTP_PORT = FIRST_SERVER.getSmtp().getPort();
    private static GreenMail server = FIRST_SERVER;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.register(registry, FIRST_SERVER);
    }

    @AfterAll
    static void stopMailServer() {
        server.stop();
    }

    @Autowired
    lv.opengov.reporting.notification.MailProperties mailProperties;

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    Outbox outbox;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    TestClock clock;

    @Autowired
    ServiceZone zone;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void onlyThisTestsMails() {
        SmtpDelivery.emptyOutbox(context);
    }

    @Test
    void mailsTheServerDoesNotTakeAreShownLateUntilTheyAreSent() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Pasta aizture");
        List<MailMessage> invitations = outbox.listForCycle(cycle.getId());
        int count = invitations.size();
        assertThat(count).as("the invitations are queued").isGreaterThan(1);
        assertThat(pageOf(cycle, "coordinator")).doesNotContain("id=\"mail-delay\"");
        assertThat(jsonOf(cycle, "coordinator").get("mailDelay").isNull()).as("just queued: not late").isTrue();

        server.stop();
        assertThat(dispatcher.dispatchDue(clock.instant())).isZero();
        assertThat(outbox.listForCycle(cycle.getId())).extracting(MailMessage::getStatus)
                .containsOnly(MailStatus.RETRYING);

        Instant since = invitations.stream().map(MailMessage::getCreatedAt).min(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(pageOf(cycle, "coordinator")).contains(count + " e-pasta vēstules vēl nav nosūtītas: pasta "
                + "serveris neatbild kopš " + shown(since) + ". Tās tiks nosūtītas automātiski.");
        assertThat(pageOf(cycle, "coordinator", "en")).contains(count + " e-mails are not sent yet: the mail "
                + "server has not answered since " + shown(since) + ". They will be sent automatically.");
        JsonNode delay = jsonOf(cycle, "coordinator").get("mailDelay");
        assertThat(delay.get("waiting").asInt()).isEqualTo(count);
        assertThat(delay.get("failed").asInt()).isZero();
        assertThat(Instant.parse(delay.get("since").asText())).isEqualTo(since);
        assertThat(delay.get("reason").asText()).isEqualTo("MAIL_SERVER_NOT_ANSWERING");
        // the mails are the coordinators' to follow, as on the page
        assertThat(pageOf(cycle, "vas")).doesNotContain("id=\"mail-delay\"");
        assertThat(jsonOf(cycle, "vas").get("mailDelay").isNull()).isTrue();

        serverBack();
        assertThat(dispatcher.dispatchDue(clock.instant().plus(Duration.ofHours(1)))).isEqualTo(count);
        assertThat(pageOf(cycle, "coordinator")).doesNotContain("id=\"mail-delay\"");
        JsonNode sent = jsonOf(cycle, "coordinator");
        assertThat(sent.get("mailDelay").isNull()).isTrue();
        assertThat(sent.get("name").asText()).as("the cycle's own fields beside it").isEqualTo("Pasta aizture");
    }

    @Test
    void mailsGivenUpAreShownUntilACoordinatorSendsThemAgain() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Pasta atteikums");
        List<MailMessage> invitations = outbox.listForCycle(cycle.getId());
        int count = invitations.size();

        server.stop();
        // every attempt fails, each after the backoff of the one before, until the outbox gives up
        Instant attempt = clock.instant();
        for (int i = 0; i < mailProperties.maxAttempts(); i++) {
            dispatcher.dispatchDue(attempt);
            attempt = attempt.plus(Duration.ofHours(2));
        }
        assertThat(outbox.listForCycle(cycle.getId())).extracting(MailMessage::getStatus)
                .containsOnly(MailStatus.FAILED);

        assertThat(pageOf(cycle, "coordinator")).contains(count + " e-pasta vēstules netika nosūtītas arī pēc "
                + "visiem mēģinājumiem, un to sūtīšana ir pārtraukta.")
                .contains("/api/outbox?status=FAILED").doesNotContain("pasta serveris neatbild");
        JsonNode delay = jsonOf(cycle, "coordinator").get("mailDelay");
        assertThat(delay.get("waiting").asInt()).isZero();
        assertThat(delay.get("failed").asInt()).isEqualTo(count);
        assertThat(delay.get("reason").isNull()).isTrue();

        // sent again by a coordinator, while the server is still away: waiting again, and late after a while
        for (MailMessage message : invitations) {
            mvc.perform(post("/api/outbox/" + message.getId() + "/retry").with(httpBasic("coordinator", "coordinator")))
                    .andExpect(status().isOk());
        }
        assertThat(jsonOf(cycle, "coordinator").get("mailDelay").isNull()).as("queued a moment ago").isTrue();
        clock.moveTo(clock.instant().plus(Duration.ofMinutes(6)));
        JsonNode waiting = jsonOf(cycle, "coordinator").get("mailDelay");
        assertThat(waiting.get("waiting").asInt()).isEqualTo(count);
        assertThat(waiting.get("reason").asText()).isEqualTo("NOT_SENT_YET");
        assertThat(pageOf(cycle, "coordinator", "en")).contains(count + " e-mails have been waiting to be sent since ");

        serverBack();
        assertThat(dispatcher.dispatchDue(clock.instant())).isEqualTo(count);
        assertThat(pageOf(cycle, "coordinator")).doesNotContain("id=\"mail-delay\"");
        assertThat(jsonOf(cycle, "coordinator").get("mailDelay").isNull()).isTrue();
    }

    /** A new server on the port the application sends to, as the mail server that comes back. */
    private static void serverBack() {
        server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** A moment as the page writes it: the time of day today, else the date too. */
    private String shown(Instant moment) {
        ZonedDateTime local = zone.local(moment);
        return DateTimeFormatter.ofPattern(local.toLocalDate().equals(zone.today()) ? "HH:mm" : "yyyy-MM-dd HH:mm")
                .format(local);
    }

    private String pageOf(ReportingCycle cycle, String user, String... lang) throws Exception {
        String path = "/cycles/" + cycle.getId() + (lang.length > 0 ? "?lang=" + lang[0] : "");
        return mvc.perform(get(path).with(httpBasic(user, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode jsonOf(ReportingCycle cycle, String user) throws Exception {
        return json.readTree(mvc.perform(get("/api/cycles/" + cycle.getId()).with(httpBasic(user, user)))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
