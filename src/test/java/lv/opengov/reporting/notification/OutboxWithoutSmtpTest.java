package lv.opengov.reporting.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.TestMails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Without an SMTP host messages stay queued, and coordinators see them. */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxWithoutSmtpTest {

    @Autowired
    Clock clock;

    @Autowired
    Outbox outbox;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    PlanService planService;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    void queueOneMessage() {
        var institution = planService.findInstitution("VAS").orElseThrow();
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> outbox.queue(TestMails.measureAssigned("test:no-smtp", institution)));
    }

    @Test
    void withoutAnSmtpHostNothingIsSentAndTheMessageStaysQueued() {
        assertThat(dispatcher.dispatchDue(clock.instant().plusSeconds(3600))).isZero();
        assertThat(outbox.find("test:no-smtp").orElseThrow().getStatus()).isEqualTo(MailStatus.QUEUED);
    }

    @Test
    void coordinatorsSeeTheQueuedMessage() throws Exception {
        mvc.perform(get("/api/outbox?status=QUEUED").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].idempotencyKey").value("test:no-smtp"))
                .andExpect(jsonPath("$[0].to[0]").value("vas.reports@example.org"))
                .andExpect(jsonPath("$[0].status").value("QUEUED"))
                .andExpect(jsonPath("$[0].attempts").value(0))
                .andExpect(jsonPath("$[0].subject").value("Rīcības plāns: jūsu iestādei ir jauns pasākums"));
    }

    @Test
    void anUnknownStatusIsABadRequest() throws Exception {
        mvc.perform(get("/api/outbox?status=NONSENSE").with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isBadRequest());
    }
}
