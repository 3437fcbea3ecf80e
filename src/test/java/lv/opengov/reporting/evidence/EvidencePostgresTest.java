package lv.opengov.reporting.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.EvidenceSamples;
import lv.opengov.reporting.support.ReportingPostgresTest;
import lv.opengov.reporting.support.WebSession;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Evidence files of several megabytes on PostgreSQL, through the real server: what is downloaded is what
 * was uploaded, to the last byte of its SHA-256, read back in slices; and storing one does not hold it
 * in the application's memory.
 */
@ReportingPostgresTest
class EvidencePostgresTest {

    private static final Logger log = LoggerFactory.getLogger(EvidencePostgresTest.class);
    private static final String BOUNDARY = "evidence-postgres-boundary";

    @Autowired
    CycleFixture fixture;

    @Autowired
    EvidenceService evidence;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void aFileOfSeveralMegabytesComesBackAsItWentIn() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Lieli pierādījumi");
        Long report = fixture.reportId(cycle, "1.2");
        byte[] pdf = EvidenceSamples.pdfOfSize(7 * 1024 * 1024 + 12345);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        WebSession vk = WebSession.login(port, "vk");
        String page = vk.get("/reports/" + report + "/evidence").body();
        Matcher action = Pattern.compile("enctype=\"multipart/form-data\"\\s+action=\"([^\"]+)\"").matcher(page);
        assertThat(action.find()).as("the upload form").isTrue();
        long started = System.nanoTime();
        HttpResponse<String> uploaded = vk.post(action.group(1).replace("&amp;", "&"),
                "multipart/form-data; boundary=" + BOUNDARY, multipartBody(WebSession.csrf(page), pdf));
        log.info("Uploading {} bytes to PostgreSQL took {} ms", pdf.length, (System.nanoTime() - started) / 1_000_000);
        assertThat(uploaded.statusCode()).isEqualTo(302);

        Long id = jdbc.queryForObject("select id from evidence_file where report_id = ?", Long.class, report);
        assertThat(jdbc.queryForObject("select sha256 from evidence_file where id = ?", String.class, id))
                .isEqualTo(sha256);
        assertThat(jdbc.queryForObject("select octet_length(content) from evidence_file where id = ?", Long.class, id))
                .isEqualTo(pdf.length);

        started = System.nanoTime();
        HttpResponse<InputStream> download = vk.download("/reports/" + report + "/evidence/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long size;
        try (InputStream body = new DigestInputStream(download.body(), received)) {
            size = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        log.info("Downloading {} bytes from PostgreSQL took {} ms", size, (System.nanoTime() - started) / 1_000_000);
        assertThat(size).isEqualTo(pdf.length);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sha256);
        assertThat(download.headers().firstValue("Content-Length")).hasValue(String.valueOf(pdf.length));
        assertThat(download.headers().firstValue("Repr-Digest"))
                .hasValue("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
    }

    @Test
    void storingATenMegabyteFileDoesNotHoldItInMemory() throws Exception {
        ReportingCycle cycle = fixture.openCycle("Pierādījumi bez atmiņas");
        Long report = fixture.reportId(cycle, "4.2");
        long size = 10L * 1024 * 1024;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // once, for the classes and caches that a first upload loads
        fixture.attach(report, "vk", "pirmais.pdf", EvidenceSamples.pdf("First"), false);

        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        EvidenceFile file = fixture.asUser("vk", () -> evidence.attach(report, "liels.pdf", new EvidenceSamples.MadePdf(size), false));
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        log.info("Storing {} bytes on PostgreSQL took {} ms and allocated {} bytes on the storing thread",
                size, (System.nanoTime() - started) / 1_000_000, allocated);

        assertThat(file.size()).isEqualTo(size);
        assertThat(allocated).as("bytes allocated while storing a %d-byte file", size).isLessThan(size / 4);
        assertThat(new String(jdbc.queryForObject("select substring(content from 1 for 5) from evidence_file where id = ?",
                byte[].class, file.id()), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static byte[] multipartBody(String csrf, byte[] pdf) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Pārskats.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
