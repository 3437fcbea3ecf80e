package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import lv.opengov.reporting.ReportingApplication;
import lv.opengov.reporting.notification.MailDispatcher;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.support.PostgresDatabase;
import lv.opengov.reporting.support.RequiresPostgres;
import lv.opengov.reporting.support.StandaloneApplication;
import lv.opengov.reporting.support.TestMails;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker does not run here, so the compose file is tested by other means: the application is started
 * with exactly the environment that docker-compose.yml gives its {@code app} service, with the
 * service host names pointed at the local PostgreSQL and at GreenMail in place of Mailpit.
 */
@RequiresPostgres
class ComposeOnPostgresTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            return new Yaml().load(reader);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeDefinesTheDatabaseTheMailCatcherAndTheApplicationBuiltFromTheDockerfile() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).containsOnlyKeys("postgres", "mailpit", "app", "node");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("./mvnw").contains("java\", \"-jar\"");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, String> db = (Map<String, String>) postgres.get("environment");
        Map<String, String> env = (Map<String, String>) app.get("environment");
        assertThat(env.get("POSTGRES_URL")).endsWith("//postgres:5432/" + db.get("POSTGRES_DB"));
        assertThat(env.get("POSTGRES_USER")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(env.get("POSTGRES_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
        assertThat(env.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
        assertThat(env.get("REPORTING_ADMIN_PASSWORD")).startsWith("${REPORTING_ADMIN_PASSWORD:?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void furtherNodesRunTheSameApplicationOnceTheFirstIsReady() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> node = (Map<String, Object>) services.get("node");
        assertThat(node.get("build")).isEqualTo(app.get("build"));
        assertThat(node.get("environment")).isEqualTo(app.get("environment"));
        assertThat(node.get("healthcheck")).isEqualTo(app.get("healthcheck"));
        // the first node creates the schema alone; the others start once it is ready
        assertThat(node.get("depends_on")).isEqualTo(Map.of("app", Map.of("condition", "service_healthy")));
        assertThat((Iterable<String>) node.get("profiles")).containsExactly("cluster");
        // scaled, each further node takes a port of its own
        assertThat((Iterable<String>) node.get("ports")).singleElement().asString().matches("\\d+-\\d+:8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void applicationStartsWithTheComposeEnvironmentAndSendsMail() throws Exception {
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get("app");
        Map<String, Object> environment = new HashMap<>((Map<String, Object>) app.get("environment"));

        GreenMail mailpit = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailpit.start();
        try {
            // a database of its own, fresh as the compose service's volume on its first start
            environment.put("POSTGRES_URL", PostgresDatabase.createDatabase("compose"));
            environment.put("POSTGRES_USER", PostgresDatabase.user());
            environment.put("POSTGRES_PASSWORD", PostgresDatabase.password());
            environment.put("SPRING_MAIL_HOST", "127.0.0.1");
            environment.put("SPRING_MAIL_PORT", String.valueOf(mailpit.getSmtp().getPort()));
            environment.put("REPORTING_ADMIN_PASSWORD", "Compose-Admin-Password-1");

            StandardEnvironment springEnvironment = new StandardEnvironment();
            springEnvironment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", environment));
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingApplication.class)
                    .environment(springEnvironment).run(StandaloneApplication.args())) {
                assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("postgres");
                try (var connection = context.getBean(DataSource.class).getConnection()) {
                    assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
                }
                IdentityService identity = context.getBean(IdentityService.class);
                assertThat(identity.checkPassword("admin", "Compose-Admin-Password-1")).isTrue();
                assertThat(context.getBean(PlanService.class).listMeasures()).isNotEmpty();

                var institution = context.getBean(PlanService.class).findInstitution("VK").orElseThrow();
                new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(
                        status -> context.getBean(Outbox.class).queue(TestMails.measureAssigned(
                                "compose:" + Instant.now().toEpochMilli(), institution)));
                context.getBean(MailDispatcher.class).dispatchDue(Instant.now().plusSeconds(1));
                assertThat(mailpit.getReceivedMessages()).hasSize(1);
            }
        } finally {
            mailpit.stop();
        }
    }
}
