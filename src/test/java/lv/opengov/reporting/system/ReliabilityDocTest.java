package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings table of docs/reliability.md is rendered from application.yaml, so that the document
 * always gives the values the service runs with. {@code -Dreliability.doc.write=true} writes it.
 */
class ReliabilityDocTest {

    private static final Path DOC = Path.of("docs", "reliability.md");
    private static final String BEGIN = "<!-- settings: rendered from application.yaml by ReliabilityDocTest -->";
    private static final String END = "<!-- end of settings -->";

    /** Each setting that bounds a recovery, with what it bounds. */
    static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("camunda.bpm.job-execution.lock-time-in-millis",
                "a job taken by a node that died is taken again, by any node, once its lock is this old (ms)");
        SETTINGS.put("camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle",
                "the waits before a failing job is tried again; after the last it becomes an incident");
        SETTINGS.put("reporting.mail.sending-lease",
                "a message claimed by a node that died before it recorded the sending is sent again after this");
        SETTINGS.put("reporting.mail.dispatch-interval", "how often each node's dispatcher looks for mail to send");
        SETTINGS.put("reporting.mail.batch-size", "messages each dispatcher sends per look");
        SETTINGS.put("reporting.mail.initial-backoff", "the first wait after a failed delivery, doubled after each");
        SETTINGS.put("reporting.mail.max-backoff", "the longest wait between deliveries of one message");
        SETTINGS.put("reporting.mail.max-attempts", "deliveries before a message is given up (shown on the cycle page)");
        SETTINGS.put("spring.datasource.hikari.connection-timeout",
                "a request waits at most this for a database connection (ms), then gets 503");
        SETTINGS.put("reporting.startup.wait", "a request before the service is ready waits this long, then gets 503");
        SETTINGS.put("spring.lifecycle.timeout-per-shutdown-phase",
                "on SIGTERM, running requests and then running jobs get this long to finish");
        SETTINGS.put("server.servlet.session.timeout", "a session unused this long ends (on every node at once)");
    }

    @Test
    void theSettingsTableGivesTheValuesOfApplicationYaml() throws Exception {
        String rendered = table();
        assertThat(DOC).exists();
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("the settings markers in docs/reliability.md").isNotNegative().isLessThan(end);
        String current = doc.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("reliability.doc.write")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + rendered + doc.substring(end));
            current = rendered;
        }
        assertThat(current).as("docs/reliability.md's settings are out of date with application.yaml; regenerate "
                + "them with ./mvnw test -Dtest=ReliabilityDocTest -Dreliability.doc.write=true").isEqualTo(rendered);
    }

    private static String table() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yaml"));
        StringBuilder table = new StringBuilder("\n| Setting | Value | What it bounds |\n|---|---|---|\n");
        SETTINGS.forEach((key, meaning) -> {
            Object value = sources.stream().map(s -> s.getProperty(key)).filter(v -> v != null).findFirst()
                    .orElseThrow(() -> new AssertionError(key + " is not set in application.yaml"));
            table.append("| `").append(key).append("` | `").append(value).append("` | ").append(meaning).append(" |\n");
        });
        return table.toString();
    }
}
