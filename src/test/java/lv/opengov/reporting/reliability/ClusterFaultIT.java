package lv.opengov.reporting.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;
import lv.opengov.reporting.calendar.LatvianCalendar;
import lv.opengov.reporting.calendar.LatvianCalendars;
import lv.opengov.reporting.support.FakeTime;
import lv.opengov.reporting.support.JarNode;
import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.RequiresPostgres;
import lv.opengov.reporting.support.TcpProxy;
import lv.opengov.reporting.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service under faults, as it runs in production: the packaged jar, two nodes as separate processes
 * on one PostgreSQL database (reached through a TCP proxy that can cut them off from it), a real SMTP
 * server that can go down, and one wall clock for both processes that the test moves (libfaketime). One
 * cycle of 2,000 measures across 500 institutions goes through its invitation, two reminder days and
 * its overdue notices while the test kills nodes with SIGKILL, stops the mail server and cuts the
 * database off. What arrives at the SMTP server is counted by Message-ID.
 *
 * <p>The steps build on each other, in order. Each prints its figures (lines starting {@code FIGURE})
 * and adds them to {@code target/reliability-figures.md}; docs/reliability.md holds those of the last
 * run on the reference machine. The settings that bound recovery are given to the nodes explicitly:
 * the job lock time, the outbox's sending lease and the dispatcher's interval.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {

    static final int INSTITUTIONS = 500;
    static final int MEASURES = 2_000;
    static final Duration LOCK_TIME = Duration.ofSeconds(30);
    static final Duration SENDING_LEASE = Duration.ofSeconds(20);
    static final ZoneId RIGA = ZoneId.of("Europe/Riga");
    static final String COORDINATOR = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final LatvianCalendar calendar = LatvianCalendars.withMigratedData();
    private final Map<String, String> figures = new LinkedHashMap<>();

    private FakeTime time;
    private Mailbox mail;
    private TcpProxy database;
    private JdbcTemplate jdbc;
    private JarNode nodeA;
    private JarNode nodeB;
    private WebSession session;
    private JarNode killed;
    private long cycleId;
    private LocalDate invitationDay;
    private LocalDate deadline;
    private List<LocalDate> reminderDays;

    @BeforeAll
    void startTheParts() {
        if (!FakeTime.available()) {
            String missing = "The fault tests need libfaketime (Debian's package faketime)";
            if (Boolean.getBoolean(PostgresDatabase.REQUIRED_PROPERTY)) {
                throw new IllegalStateException(missing + "; .ci/run installs it");
            }
            org.junit.jupiter.api.Assumptions.abort(missing + ": skipped");
        }
        String url = PostgresDatabase.createDatabase("fault");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresDatabase.user(), PostgresDatabase.password()));
        URI server = URI.create(url.substring("jdbc:".length()));
        database = TcpProxy.start(server.getHost(), server.getPort() == -1 ? 5432 : server.getPort());
        String throughProxy = "jdbc:postgresql://127.0.0.1:" + database.port() + server.getPath();
        mail = new Mailbox();
        time = FakeTime.in(Path.of("target", "fault-logs"));
        // the invitation on a working day at least a few days ahead, the nodes started before its notice time
        invitationDay = calendar.onOrAfter(LocalDate.now(RIGA).plusDays(3));
        deadline = calendar.onOrAfter(invitationDay.plusWeeks(4));
        time.setTo(invitationDay.atTime(LocalTime.of(8, 0)).atZone(RIGA));
        String[] settings = {"--reporting.seed.plan=false",
            "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
            // a clock that jumps hours at once: the job executor looks for due jobs at least every 2 s
            "--camunda.bpm.job-execution.max-wait=2000",
            "--reporting.mail.dispatch-interval=PT1S", "--reporting.mail.dispatch-initial-delay=PT1S",
            "--reporting.mail.sending-lease=" + SENDING_LEASE};
        nodeA = JarNode.of("node-a", time, throughProxy, mail.port(), settings);
        nodeB = JarNode.of("node-b", time, throughProxy, mail.port(), settings);
    }

    @AfterAll
    void stopTheParts() throws Exception {
        for (JarNode node : new JarNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (mail != null) {
            mail.close();
        }
        if (database != null) {
            database.close();
        }
        Figures.write(getClass().getSimpleName(), figures);
    }

    @Test
    @Order(1)
    void twoNodesStartOnOneDatabase() {
        // the first node creates the schema; a second one started on an empty database at the same moment
        // would race it (README: start one node first)
        Duration first = nodeA.start().awaitReady(Duration.ofMinutes(6));
        Duration second = nodeB.start().awaitReady(Duration.ofMinutes(6));
        figure("start of the first node to ready, on an empty database", seconds(first));
        figure("start of the second node to ready", seconds(second));
        assertThat(nodeA.status("/actuator/health/liveness")).isEqualTo(200);
        assertThat(nodeB.status("/actuator/health/liveness")).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aLoginOnOneNodeServesTheOther() throws Exception {
        session = WebSession.login(nodeA.port(), "coordinator");
        HttpResponse<String> onB = session.on(nodeB.port()).get("/api/cycles");
        assertThat(onB.statusCode()).as("our API on the other node, with the session of the first").isEqualTo(200);
        HttpResponse<String> tasklist = session.on(nodeB.port()).get("/camunda/api/engine/engine/default/task/count");
        assertThat(tasklist.statusCode()).as("Tasklist's API on the other node").isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'coordinator'",
                Long.class)).as("the session, in the database").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aCycleStartIsSharedAndSurvivesTheKillOfANode() throws Exception {
        importPlan();
        JsonNode started = startCycle();
        cycleId = started.get("id").asLong();
        reminderDays = new ArrayList<>();
        started.get("reminderDates").forEach(d -> reminderDays.add(LocalDate.parse(d.asText())));
        assertThat(reminderDays).hasSize(2);

        Set<String> owners = new ConcurrentSkipListSet<>();
        moveClockTo(invitationDay.atTime(LocalTime.of(9, 0, 5)));
        long opened = System.nanoTime();
        // logins of now (the clock's jump of an hour has ended the one before, as it would in an hour)
        Map<JarNode, WebSession> logins = Map.of(nodeA, WebSession.login(nodeA.port(), "coordinator"),
                nodeB, WebSession.login(nodeB.port(), "coordinator"));
        // the node holding jobs is killed, once both have taken some or half the reports have started: the
        // jobs of one cycle are taken by one node at a time (jobExecutorAcquireExclusiveOverProcessHierarchies),
        // so the other can take the ones in hand only once their locks expire
        String[] holder = {null};
        await("the reports starting, a node holding jobs").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    List<String> locked = jdbc.queryForList("select lock_owner_ from act_ru_job "
                            + "where lock_owner_ is not null and lock_exp_time_ is not null", String.class);
                    owners.addAll(locked);
                    boolean both = owners.stream().anyMatch(o -> o.startsWith("node-a:"))
                            && owners.stream().anyMatch(o -> o.startsWith("node-b:"));
                    long tasks = submitTasks();
                    holder[0] = locked.isEmpty() ? null : locked.get(0);
                    return holder[0] != null && tasks >= MEASURES / 20 && (both || tasks >= MEASURES / 2);
                });
        killed = holder[0].startsWith(nodeA.name() + ":") ? nodeA : nodeB;
        JarNode survivor = killed == nodeA ? nodeB : nodeA;
        session = logins.get(killed);
        killed.kill();
        long atKill = submitTasks();
        long lockedAtKill = lockedBy(killed.name() + ":");
        long killedAt = System.nanoTime();
        long sendingAtKill = sending("invitation:");
        assertThat(lockedAtKill).as("jobs in the hand of the node killed").isPositive();
        assertThat(session.on(survivor.port()).get("/api/cycles/" + cycleId).statusCode())
                .as("a login on the node killed, on the other node").isEqualTo(200);
        figure("reports started when " + killed.name() + " was killed", atKill + " of " + MEASURES);
        figure("jobs " + killed.name() + " held when it was killed", String.valueOf(lockedAtKill));
        figure("job lock owners seen before the kill", String.join(", ", new TreeSet<>(owners)));

        await(survivor.name() + " finishes the start").atMost(LOCK_TIME.plus(Duration.ofMinutes(4)))
                .pollInterval(Duration.ofMillis(200)).until(() -> submitTasks() == MEASURES);
        Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);
        figure("all 2,000 reports started by " + survivor.name() + ", from the kill (job lock time "
                + seconds(LOCK_TIME) + ")", seconds(recovery));
        figure("cycle start, from the invitation's timer to the last report, with the kill",
                seconds(Duration.ofNanos(System.nanoTime() - opened)));
        assertEveryReportStartedOnce();

        onlyThoseInFlightTwice("invitations", deliveredOnce("invitation:", INSTITUTIONS), sendingAtKill);
    }

    @Test
    @Order(4)
    void theKilledNodeComesBackAndTheSessionLivesOn() throws Exception {
        figure("restart of " + killed.name() + " to ready", seconds(killed.start().awaitReady(Duration.ofMinutes(6))));
        assertThat(session.get("/api/cycles/" + cycleId).statusCode())
                .as("the session opened on the node before its kill").isEqualTo(200);
        assertEveryReportStartedOnce();
    }

    @Test
    @Order(5)
    void aReminderDayFiresOnceAndItsDigestsSurviveKillingEveryNode() throws Exception {
        LocalDate day = reminderDays.get(0);
        String prefix = "reminder:" + cycleId + ":";
        Predicate<String> ofTheDay = digestsOf(day);
        moveClockTo(day.atTime(LocalTime.of(9, 0, 5)));
        await("digests on their way").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> mail.deliveries(ofTheDay).size() >= INSTITUTIONS * 3 / 10);
        nodeA.kill();
        nodeB.kill();
        long deliveredAtKill = mail.deliveries(ofTheDay).size();
        long sendingAtKill = sending(prefix);
        figure("digests delivered when both nodes were killed", deliveredAtKill + " of " + INSTITUTIONS);
        assertThat(noticeRuns()).as("the day's notice job ran once, on one of the two nodes").isEqualTo(1);

        long restarted = System.nanoTime();
        nodeA.start().awaitReady(Duration.ofMinutes(6));
        Map<String, Long> digests = deliveredOnce(prefix + "%:" + day, INSTITUTIONS, ofTheDay);
        figure("every digest delivered, from the restart", seconds(Duration.ofNanos(System.nanoTime() - restarted)));
        onlyThoseInFlightTwice("reminder digests", digests, sendingAtKill);
    }

    @Test
    @Order(6)
    void theMailServerDownOnAReminderDay() throws Exception {
        LocalDate day = reminderDays.get(1);
        String prefix = "reminder:" + cycleId + ":";
        Predicate<String> ofTheDay = digestsOf(day);
        mail.stop();
        moveClockTo(day.atTime(LocalTime.of(9, 0, 5)));
        await("the digests waiting").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.queryForObject("select count(*) from mail_message where idempotency_key like ? "
                        + "and status = 'RETRYING'", Long.class, prefix + "%:" + day) == INSTITUTIONS);
        JsonNode delay = api(nodeA, "/api/cycles/" + cycleId).get("mailDelay");
        assertThat(delay).as("the cycle shows the delay").isNotNull();
        assertThat(delay.get("waiting").asLong()).isGreaterThanOrEqualTo(INSTITUTIONS);
        assertThat(page(nodeA, "/cycles/" + cycleId)).containsAnyOf("not sent yet", "vēl nav nosūtītas");

        moveClockTo(time.now().toLocalDateTime().plusMinutes(10));
        mail.start();
        long back = System.nanoTime();
        // past every message's backoff
        moveClockTo(time.now().toLocalDateTime().plusHours(1));
        Map<String, Long> digests = deliveredOnce(prefix + "%:" + day, INSTITUTIONS, ofTheDay);
        figure("digests delivered after the mail server came back, from its return",
                seconds(Duration.ofNanos(System.nanoTime() - back)));
        figure("reminder digests with the mail server down: expected / delivered / doubled",
                INSTITUTIONS + " / " + digests.size() + " / " + doubled(digests));
        assertThat(doubled(digests)).isZero();
        assertThat(api(nodeA, "/api/cycles/" + cycleId).get("mailDelay").isNull()).as("no delay shown any more")
                .isTrue();
    }

    @Test
    @Order(7)
    void theDatabaseGoesAwayInTheMiddleOfTheCycle() throws Exception {
        LocalDate day = calendar.plusWorkingDays(deadline, 1);
        String prefix = "overdue:" + cycleId + ":";
        long pid = nodeA.pid();
        moveClockTo(day.atTime(LocalTime.of(9, 0, 5)));
        database.cut();
        jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                + "and pid <> pg_backend_pid()");
        long cut = System.nanoTime();
        await("requests refused while the database is away").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500)).until(() -> status(nodeA, "/api/cycles") == 503);
        HttpResponse<String> refused = get(nodeA, "/api/cycles/" + cycleId, "application/json");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).containsAnyOf("database", "datubāz").doesNotContain("Exception", "SQL", "at org.");
        HttpResponse<String> publicPage = get(nodeA, "/public", "text/html");
        assertThat(publicPage.statusCode()).isEqualTo(503);
        assertThat(publicPage.body()).doesNotContain("Exception", "at org.");
        HttpResponse<String> engine = get(nodeA, "/engine-rest/task/count", "application/json");
        assertThat(engine.statusCode()).isEqualTo(503);
        assertThat(engine.body()).doesNotContain("Exception", "SQL");
        // an outage as long as a restart of PostgreSQL with its recovery: every request refused for 15 s
        long[] refusedSince = {System.nanoTime()};
        await("15 s of refusals").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (status(nodeA, "/api/cycles") != 503) {
                refusedSince[0] = System.nanoTime();
            }
            return System.nanoTime() - refusedSince[0] >= Duration.ofSeconds(15).toNanos();
        });
        database.restore();
        long restored = System.nanoTime();
        await("requests served again").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(nodeA, "/api/cycles") == 200);
        figure("outage of the database", seconds(Duration.ofNanos(restored - cut)));
        figure("first request served after the database came back", seconds(Duration.ofNanos(System.nanoTime()
                - restored)));
        Map<String, Long> overdue = deliveredOnce(prefix, INSTITUTIONS);
        figure("overdue notices of the day the database went away: expected / delivered / doubled",
                INSTITUTIONS + " / " + overdue.size() + " / " + doubled(overdue));
        figure("overdue notices delivered, from the database's return", seconds(Duration.ofNanos(System.nanoTime()
                - restored)));
        assertThat(doubled(overdue)).isZero();
        assertThat(nodeA.pid()).as("the same process, never restarted").isEqualTo(pid);
        assertNoIncidentAndNoFailedJob();
    }

    // --- the clock

    /**
     * Moves the nodes' clock and waits until every running node tells that time: each reads the clock's
     * file once a second, and a login, say, stamped with the time before the move would end at once.
     */
    private void moveClockTo(java.time.LocalDateTime riga) {
        time.setTo(riga.atZone(RIGA));
        java.time.Instant target = riga.atZone(RIGA).toInstant().minusSeconds(1);
        for (JarNode node : List.of(nodeA, nodeB)) {
            if (node.alive()) {
                await(node.name() + " on the moved clock").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200)).until(() -> !node.clock().isBefore(target));
            }
        }
    }

    // --- the cycle

    private void importPlan() throws Exception {
        StringBuilder institutions = new StringBuilder("code,name_lv,name_en,contact_email,head_email,language\n");
        for (int i = 0; i < INSTITUTIONS; i++) {
            institutions.append(String.format("F%03d,Iestāde %d,Institution %d,f%03d@example.org,,lv%n", i, i, i, i));
        }
        StringBuilder commitments = new StringBuilder("number,ogp_id,title_lv,title_en\n");
        StringBuilder measures = new StringBuilder("code,commitment,title_lv,title_en,responsible,co_responsible\n");
        int perCommitment = MEASURES / 20;
        for (int c = 1, n = 0; c <= 20; c++) {
            commitments.append(c).append(",,Apņemšanās ").append(c).append(",Commitment ").append(c).append('\n');
            for (int m = 1; m <= perCommitment; m++, n++) {
                measures.append(String.format("%d.%d,%d,Pasākums %d,Measure %d,F%03d,%n", c, m, c, n, n,
                        n % INSTITUTIONS));
            }
        }
        String boundary = "plan" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map<String, CharSequence> parts = Map.of("institutions", institutions, "commitments", commitments,
                "measures", measures);
        for (String table : List.of("institutions", "commitments", "measures")) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(table)
                    .append("\"; filename=\"").append(table).append(".csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .append(parts.get(table)).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(nodeA.url("/api/plan/import"))
                .header("Authorization", COORDINATOR).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    private JsonNode startCycle() throws Exception {
        String request = json.writeValueAsString(Map.of("name", "Noturības pārbaude", "periodFrom", "2022-01-01",
                "periodTo", "2023-12-31", "invitationDate", invitationDay.toString(), "submissionDeadline",
                deadline.toString(), "legalDeadline", deadline.plusWeeks(2).toString(), "acceptMovedDates", true));
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(nodeB.url("/api/cycles"))
                .header("Authorization", COORDINATOR).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return json.readTree(started.body());
    }

    /** The idempotency keys of the cycle's reminder digests of one day. */
    private Predicate<String> digestsOf(LocalDate day) {
        String prefix = "reminder:" + cycleId + ":";
        return key -> key != null && key.startsWith(prefix) && key.endsWith(":" + day);
    }

    private long submitTasks() {
        return jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = 'submit-report'", Long.class);
    }

    /** Runs of the cycle's notice task so far: one per notice day. */
    private long noticeRuns() {
        return jdbc.queryForObject("select count(*) from act_hi_actinst where act_id_ = 'Task_SendDueNotices' "
                + "and end_time_ is not null", Long.class);
    }

    private long lockedBy(String ownerPrefix) {
        return jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ like ? and lock_exp_time_ is not null",
                Long.class, ownerPrefix + "%");
    }

    private long sending(String keyPrefix) {
        return jdbc.queryForObject("select count(*) from mail_message where status = 'SENDING' "
                + "and idempotency_key like ?", Long.class, keyPrefix + "%");
    }

    private void assertEveryReportStartedOnce() {
        assertThat(jdbc.queryForObject("select count(*) from measure_report where cycle_id = ?", Long.class, cycleId))
                .isEqualTo(MEASURES);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution e join act_re_procdef d "
                + "on e.proc_def_id_ = d.id_ where d.key_ = 'measure-report' and e.id_ = e.proc_inst_id_", Long.class))
                .as("report processes").isEqualTo(MEASURES);
        assertThat(jdbc.queryForList("select business_key_ from act_ru_execution where id_ = proc_inst_id_ "
                + "and business_key_ is not null group by business_key_ having count(*) > 1", String.class))
                .as("reports started twice").isEmpty();
        assertThat(submitTasks()).isEqualTo(MEASURES);
    }

    private void assertNoIncidentAndNoFailedJob() {
        assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).as("incidents").isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where retries_ = 0", Long.class))
                .as("jobs out of retries").isZero();
    }

    private Map<String, Long> deliveredOnce(String keyPrefix, int expected) {
        return deliveredOnce(keyPrefix + "%", expected, key -> key != null && key.startsWith(keyPrefix));
    }

    /**
     * Waits until the outbox has sent every message of the keys (an SQL pattern; messages still in flight
     * may yet be sent again), then counts what the SMTP server got, by Message-ID.
     */
    private Map<String, Long> deliveredOnce(String keyPattern, int expected, Predicate<String> keys) {
        await(keyPattern + " sent").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.queryForObject("select count(*) from mail_message where idempotency_key like ? "
                        + "and status = 'SENT'", Long.class, keyPattern) >= expected
                        && mail.countsByMessageId(keys).size() >= expected);
        assertThat(jdbc.queryForObject("select count(*) from mail_message where idempotency_key like ?", Long.class,
                keyPattern)).as("messages in the outbox").isEqualTo(expected);
        Map<String, Long> counts = mail.countsByMessageId(keys);
        assertThat(counts).as("every message delivered, each with its own Message-ID").hasSize(expected);
        return counts;
    }

    /**
     * Prints what was expected, delivered and delivered twice, and checks that only messages in flight
     * at the kill (claimed, not yet marked sent) went twice, and that the engine was left with nothing
     * to clear by hand.
     */
    private void onlyThoseInFlightTwice(String what, Map<String, Long> counts, long inFlightAtKill) {
        long doubled = doubled(counts);
        figure(what + ": expected / delivered / doubled (in flight at the kill)",
                INSTITUTIONS + " / " + counts.size() + " / " + doubled + " (" + inFlightAtKill + ")");
        assertThat(doubled).isLessThanOrEqualTo(inFlightAtKill);
        assertNoIncidentAndNoFailedJob();
    }

    private static long doubled(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(n -> n - 1).sum();
    }

    // --- HTTP

    private JsonNode api(JarNode node, String path) throws Exception {
        HttpResponse<String> response = get(node, path, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String page(JarNode node, String path) throws Exception {
        HttpResponse<String> response = get(node, path, "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(JarNode node, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(node.url(path)).header("Authorization", COORDINATOR)
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(JarNode node, String path) {
        try {
            return get(node, path, "application/json").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private void figure(String name, String value) {
        figures.put(name, value);
        System.out.println("FIGURE " + name + ": " + value);
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
