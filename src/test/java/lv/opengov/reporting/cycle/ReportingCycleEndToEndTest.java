package lv.opengov.reporting.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.support.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole cycle through the REST APIs, as its users work it, with the job executor and the mail
 * dispatcher running and GreenMail counting what goes out: the coordinator starts the cycle, the
 * institutions submit in Camunda's REST API (as Tasklist does), the reviewer returns one report and
 * accepts the rest, the coordinator approves, the public page shows the result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "reporting.mail.dispatch-interval=PT0.3S",
        "reporting.mail.dispatch-initial-delay=PT0.3S",
        // the invitation goes out at once: its time of day has passed
        "reporting.cycle.notice-time=00:00"})
@ActiveProfiles({"demo", "test"})
@org.springframework.context.annotation.Import(lv.opengov.reporting.support.TestClockConfig.class)
class ReportingCycleEndToEndTest {

    private static final GreenMail SMTP = TestSmtp.started();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.register(registry, SMTP);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CycleSchedule schedule;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void cycleFromInvitationToPublication() throws Exception {
        try (var workingDay = lv.opengov.reporting.support.WorkingDayStart.in(context)) {
            runCycle();
        }
    }

    private void runCycle() throws Exception {
        LocalDate today = schedule.today();
        Map<String, String> request = Map.of("name", "Rīcības plāna vidusposma atskaite", "periodFrom", "2022-01-01",
                "periodTo", "2023-12-31", "invitationDate", today.toString(),
                "submissionDeadline", today.plusDays(28).toString(), "legalDeadline", today.plusDays(50).toString());
        ResponseEntity<Map<String, Object>> started = rest.withBasicAuth("coordinator", "coordinator").exchange(
                "/api/cycles", HttpMethod.POST, new HttpEntity<>(request), new ParameterizedTypeReference<>() {
                });
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Number cycleId = (Number) started.getBody().get("id");

        // each institution sees its own tasks, and only those
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks("vk", "submit-report").size() == 6
                && tasks("vas", "submit-report").size() == 2 && tasks("varam", "submit-report").size() == 4);
        assertThat(tasks("tm", "submit-report")).isEmpty();

        // a submission that breaks the rules is refused with the fields named; the task stays
        Map<String, Object> first = tasks("vas", "submit-report").get(0);
        ResponseEntity<Map<String, Object>> refused = submit("vas", first, Map.of("completion", "DONE",
                "progress", ""));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("completion").contains("progress");
        assertThat(tasks("vas", "submit-report")).hasSize(2);
        // and another institution cannot submit it
        assertThat(submit("vk", first, report()).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND,
                HttpStatus.INTERNAL_SERVER_ERROR);

        for (String institution : List.of("vk", "vas", "varam")) {
            for (Map<String, Object> task : tasks(institution, "submit-report")) {
                assertThat(submit(institution, task, report()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks("reviewer", "review-report").size() == 12);

        // the reviewer returns one report; the institution resubmits it
        List<Map<String, Object>> reviews = tasks("reviewer", "review-report");
        Map<String, Object> returned = reviews.get(0);
        assertThat(submit("reviewer", returned, Map.of("decision", "RETURN", "reviewComment", "Precizējiet.")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        for (Map<String, Object> review : reviews.subList(1, reviews.size())) {
            assertThat(submit("reviewer", review, Map.of("decision", "ACCEPT")).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        String returnedInstance = (String) returned.get("processInstanceId");
        await().atMost(Duration.ofSeconds(30)).until(() -> allTasks("submit-report").stream()
                .anyMatch(t -> returnedInstance.equals(t.get("processInstanceId"))));
        Map<String, Object> again = allTasks("submit-report").stream()
                .filter(t -> returnedInstance.equals(t.get("processInstanceId"))).findFirst().orElseThrow();
        String owner = institutionOf(again);
        Map<String, Object> fixed = new HashMap<>(report());
        fixed.put("progress", "Precizēts: 3 pasākumi, 120 dalībnieki.");
        assertThat(submit(owner, again, fixed).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks("reviewer", "review-report").size() == 1);
        submit("reviewer", tasks("reviewer", "review-report").get(0), Map.of("decision", "ACCEPT"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "AWAITING_APPROVAL".equals(cycle(cycleId).get("status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks("coordinator", "approve-consolidation").size() == 1);
        submit("coordinator", tasks("coordinator", "approve-consolidation").get(0), Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(cycle(cycleId).get("status")));

        // the overview: all of it for the coordinator, its own measures for an institution
        ResponseEntity<Map<String, Object>> overview = rest.withBasicAuth("coordinator", "coordinator").exchange(
                "/api/cycles/" + cycleId + "/overview", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        List<Map<String, Object>> measures = measures(overview.getBody());
        assertThat(measures).hasSize(12).allMatch(m -> "ACCEPTED".equals(m.get("state"))
                && "SUBSTANTIAL".equals(m.get("completion")) && m.get("submittedAt") != null
                && Boolean.FALSE.equals(m.get("overdue")));
        ResponseEntity<Map<String, Object>> own = rest.withBasicAuth("vas", "vas").exchange(
                "/api/cycles/" + cycleId + "/overview", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(measures(own.getBody())).extracting(m -> m.get("code")).containsExactly("1.3", "4.1");

        ResponseEntity<String> page = rest.getForEntity("/public/cycles/" + cycleId + "?lang=en", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Rīcības plāna vidusposma atskaite").contains("Substantial")
                .doesNotContain("reports@example.org").doesNotContain("coordinator");

        // the mails: three invitations, five copies, one return, one notice to the board, each once
        await().atMost(Duration.ofSeconds(30)).until(() -> distinctMessages().size() == 10);
        Map<String, List<String>> byId = distinctMessages();
        assertThat(byId.values()).allMatch(recipients -> recipients.size() == recipients.stream().distinct().count());
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        assertThat(subjects).filteredOn(s -> s.startsWith("Aicinājums sniegt informāciju")).hasSize(3);
        assertThat(subjects).filteredOn(s -> s.startsWith("Jūsu ieguldījums")).hasSize(5);
        assertThat(subjects).filteredOn(s -> s.contains("atgriezta labošanai")).hasSize(1);
        assertThat(subjects).filteredOn(s -> s.startsWith("Pārskats publicēts")).hasSize(1);
    }

    private static Map<String, Object> report() {
        return Map.of("completion", "SUBSTANTIAL", "progress", "Pasākums īstenots daļēji.",
                "challenges", "Resursu trūkums.", "nextSteps", "Turpināt 2024. gadā.",
                "evidenceLinks", "https://www.mk.gov.lv/lv/atverta-parvaldiba");
    }

    private List<Map<String, Object>> tasks(String user, String key) {
        return rest.withBasicAuth(user, user).exchange("/engine-rest/task?taskDefinitionKey=" + key,
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody();
    }

    private List<Map<String, Object>> allTasks(String key) {
        return tasks("admin", key);
    }

    private String institutionOf(Map<String, Object> task) {
        for (String institution : List.of("vk", "vas", "varam")) {
            if (tasks(institution, "submit-report").stream().anyMatch(t -> t.get("id").equals(task.get("id")))) {
                return institution;
            }
        }
        throw new IllegalStateException("No institution sees task " + task.get("id"));
    }

    private ResponseEntity<Map<String, Object>> submit(String user, Map<String, Object> task,
            Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Accept-Language", "en");
        return rest.withBasicAuth(user, user).exchange("/engine-rest/task/" + task.get("id") + "/submit-form",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers),
                new ParameterizedTypeReference<>() {
                });
    }

    private Map<String, Object> cycle(Number id) {
        return rest.withBasicAuth("coordinator", "coordinator").exchange("/api/cycles/" + id, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() {
                }).getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> measures(Map<String, Object> overview) {
        return (List<Map<String, Object>>) overview.get("measures");
    }

    /** Received messages by Message-ID, with the recipient of each delivered copy. */
    private static Map<String, List<String>> distinctMessages() throws Exception {
        Map<String, List<String>> byId = new HashMap<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            byId.computeIfAbsent(message.getMessageID(), id -> new ArrayList<>())
                    .add(String.valueOf(message.getAllRecipients()[0]));
        }
        return byId;
    }
}
