package lv.opengov.reporting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.ReportingApplication;
import lv.opengov.reporting.identity.IdentitySetup;
import lv.opengov.reporting.plan.PlanImportService;
import lv.opengov.reporting.plan.PlanTable;
import lv.opengov.reporting.report.MeasureReportProcess;
import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.RequiresPostgres;
import lv.opengov.reporting.support.WebSession;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A busy institution in Tasklist: 500 open reports of one institution, listed by one of its users the
 * way Tasklist lists them, through the institution's filter ("My institution's reports"), first page
 * of 15, in Camunda's web apps' API (with the login's session) and in the REST API (HTTP Basic). The
 * baseline, measured in the same run, is the engine's plain task query for the institution's group,
 * without a filter. Prints p50, p95 and the largest of each; the design's goal is p95 at most 200 ms.
 *
 * <pre>./mvnw test -Dtest=BusyInstitutionBenchmark -Dbenchmark=true [-Dbenchmark.requests=200] -DargLine=-Xmx512m</pre>
 */
@RequiresPostgres
@EnabledIfSystemProperty(named = "benchmark", matches = "true",
        disabledReason = "a benchmark, not a test: run it with -Dbenchmark=true (see the class comment)")
class BusyInstitutionBenchmark {

    private static final int TASKS = 500;
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 200);
    private static final String USER = "busy";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anInstitutionListsItsFiveHundredReports() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingApplication.class).run(
                "--spring.profiles.active=demo,postgres",
                "--spring.datasource.url=" + PostgresDatabase.createDatabase("bench_busy"),
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(), "--server.port=0",
                "--spring.main.banner-mode=off", "--reporting.seed.plan=false",
                "--reporting.mail.dispatch-initial-delay=PT1H", "--logging.level.root=warn")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            openFiveHundredReports(context);

            String filter = context.getBean(FilterService.class).createFilterQuery()
                    .filterName(IdentitySetup.FILTER_MY_INSTITUTION).singleResult().getId();
            WebSession tasklist = WebSession.login(port, USER);
            String csrf = tasklist.camundaCsrf();
            String basic = WebSession.basic(USER, USER);
            String page = "?firstResult=0&maxResults=15";

            Timings webapps = time(() -> tasklist.post("/camunda/api/engine/engine/default/filter/" + filter + "/list"
                    + page, "{}", "Accept", "application/hal+json", "X-XSRF-TOKEN", csrf));
            Timings rest = time(() -> send(HttpRequest.newBuilder(url(port, "/engine-rest/filter/" + filter + "/list"
                    + page)).header("Authorization", basic).header("Content-Type", "application/json")
                    .header("Accept", "application/hal+json").POST(HttpRequest.BodyPublishers.ofString("{}"))));
            Timings plain = time(() -> send(HttpRequest.newBuilder(url(port, "/engine-rest/task" + page
                    + "&candidateGroup=inst-busy&sortBy=dueDate&sortOrder=asc")).header("Authorization", basic)
                    .header("Accept", "application/json").GET()));

            System.out.printf("%nBENCHMARK busy institution: %d open tasks, %d requests each, first page of 15%n"
                    + "| Figure | p50 | p95 | max | ratio of p95 to the baseline | goal |%n|---|---|---|---|---|---|%n"
                    + "%s%s%s%n", TASKS, REQUESTS,
                    webapps.row("filter list, Tasklist's API (session)", plain, "p95 ≤ 200 ms"),
                    rest.row("filter list, REST API (Basic)", plain, "p95 ≤ 200 ms"),
                    plain.row("baseline: the engine's task query for the group, REST API", plain, ""));
        }
    }

    private void openFiveHundredReports(ConfigurableApplicationContext context) {
        StringBuilder measures = new StringBuilder("code,commitment,title_lv,title_en,responsible,co_responsible\n");
        StringBuilder commitments = new StringBuilder("number,ogp_id,title_lv,title_en\n");
        for (int c = 1; c <= 5; c++) {
            commitments.append(c).append(",,Apņemšanās ").append(c).append(",Commitment ").append(c).append('\n');
            for (int m = 1; m <= TASKS / 5; m++) {
                measures.append(c).append('.').append(m).append(',').append(c).append(",Pasākums ").append(m)
                        .append(",Measure ").append(m).append(",BUSY,\n");
            }
        }
        Map<PlanTable, byte[]> plan = new EnumMap<>(PlanTable.class);
        plan.put(PlanTable.INSTITUTIONS, ("code,name_lv,name_en,contact_email,head_email,language\n"
                + "BUSY,Aizņemtā iestāde,Busy institution,busy@example.org,,lv\n").getBytes(StandardCharsets.UTF_8));
        plan.put(PlanTable.COMMITMENTS, commitments.toString().getBytes(StandardCharsets.UTF_8));
        plan.put(PlanTable.MEASURES, measures.toString().getBytes(StandardCharsets.UTF_8));
        context.getBean(PlanImportService.class).importTables(plan);

        IdentityService identity = context.getBean(IdentityService.class);
        if (identity.createUserQuery().userId(USER).count() == 0) {
            User user = identity.newUser(USER);
            user.setPassword(USER);
            user.setEmail("busy@example.org");
            identity.saveUser(user);
            identity.createMembership(USER, "inst-busy");
        }
        BenchmarkCycles.startAndInvite(context, "Noslogota iestāde");
        TaskService tasks = context.getBean(TaskService.class);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> tasks.createTaskQuery()
                .taskDefinitionKey(MeasureReportProcess.TASK_SUBMIT).taskCandidateGroup("inst-busy").count() == TASKS);
    }

    private static URI url(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    /** Each call's time, after as many calls again to warm up; every answer must be 200 with 15 tasks. */
    private static Timings time(Call call) throws Exception {
        for (int i = 0; i < REQUESTS; i++) {
            check(call.call());
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = call.call();
            micros.add((System.nanoTime() - start) / 1000);
            check(response);
        }
        micros.sort(null);
        return new Timings(micros);
    }

    private static void check(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body().split("\"id\":\"", -1).length - 1).as("tasks listed")
                .isGreaterThanOrEqualTo(15);
    }

    record Timings(List<Long> micros) {

        double percentile(double p) {
            return micros.get(Math.min(micros.size() - 1, (int) Math.ceil(p * micros.size()) - 1)) / 1000.0;
        }

        String row(String name, Timings baseline, String goal) {
            return String.format(java.util.Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.2f× | %s |%n", name,
                    percentile(0.5), percentile(0.95), micros.get(micros.size() - 1) / 1000.0,
                    percentile(0.95) / baseline.percentile(0.95), goal);
        }
    }
}
