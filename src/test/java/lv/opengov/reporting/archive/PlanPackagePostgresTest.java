package lv.opengov.reporting.archive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import lv.opengov.reporting.support.ReportingPostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link PlanPackageTest} on PostgreSQL, where evidence files come out in slices and the audit log and
 * the revisions are read in batches by id; and a package that fails half-way, over a real connection.
 */
@ReportingPostgresTest
class PlanPackagePostgresTest extends PlanPackageTest {

    @Test
    void packageThatFailsOnTheWayIsCutOffNotCompleted(@Autowired JdbcTemplate jdbc, @LocalServerPort int port) {
        // a file whose row says one byte more than its content: its copy fails after the reports went out
        jdbc.update("update evidence_file set size_bytes = size_bytes + 1 where id = ?", evidence.id());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plan/package.zip"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8)))
                    .build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()))
                    .isInstanceOf(IOException.class);
        } finally {
            jdbc.update("update evidence_file set size_bytes = size_bytes - 1 where id = ?", evidence.id());
        }
    }
}
