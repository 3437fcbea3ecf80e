package lv.opengov.reporting.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.EvidenceSamples;
import lv.opengov.reporting.support.ReportingTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Attaching evidence files through the service, as the evidence page does: each allowed kind is kept
 * with the type its content has; a program named .pdf, a plain archive, a file over the limit, an empty
 * one and the 21st are refused, and a refusal leaves nothing behind, neither a row, an audit entry nor
 * a temporary file. Files belong to the submission being prepared, and what was submitted stays.
 */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceFilesTest {

    @Autowired
    CycleFixture fixture;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceQuery query;

    @Autowired
    EvidenceProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    private ReportingCycle cycle;

    @BeforeAll
    void openCycle() {
        cycle = fixture.openCycle("Pierādījumu faili");
    }

    @BeforeEach
    void inEnglish() {
        LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
    }

    @AfterEach
    void languageAsBefore() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void eachAllowedKindIsKeptWithTheTypeItsContentHas() throws Exception {
        Long report = fixture.reportId(cycle, "1.1");
        Map<String, byte[]> samples = new java.util.LinkedHashMap<>();
        samples.put("Pārskats.pdf", EvidenceSamples.pdf("Report"));
        samples.put("Foto.png", EvidenceSamples.png());
        samples.put("Foto.jpeg", EvidenceSamples.jpeg());
        samples.put("Protokols.docx", EvidenceSamples.docx("Protokols"));
        samples.put("Dati.xlsx", EvidenceSamples.xlsx("Dati"));
        samples.put("Protokols.odt", EvidenceSamples.odt("Protokols"));
        samples.put("Dati.ods", EvidenceSamples.ods("Dati"));
        for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
            EvidenceFile file = fixture.attach(report, "vk", sample.getKey(), sample.getValue(), false);
            assertThat(file.fileName()).isEqualTo(sample.getKey());
            assertThat(file.size()).isEqualTo(sample.getValue().length);
            assertThat(file.sha256()).isEqualTo(sha256(sample.getValue()));
            assertThat(file.institution()).isEqualTo("VK");
            assertThat(file.uploadedBy()).isEqualTo("vk");
            assertThat(file.revisionNo()).isEqualTo(1);
            assertThat(content(file)).isEqualTo(sample.getValue());
        }
        assertThat(fixture.asUser("vk", () -> query.files(query.report(report))))
                .extracting(EvidenceFile::typeLabel)
                .containsExactly("PDF", "PNG", "JPEG", "DOCX", "XLSX", "ODT", "ODS");
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysOrOfAKindNotAllowedIsRefusedAndNothingIsKept() throws Exception {
        Long report = fixture.reportId(cycle, "1.2");
        Map<String, Long> before = stored();
        assertRefused(report, "pārskats.pdf", EvidenceSamples.exe(), "its name says PDF", "application/x-");
        assertRefused(report, "setup.exe", EvidenceSamples.exe(), "cannot be attached", "application/x-");
        assertRefused(report, "protokols.docx", EvidenceSamples.zip(), "its name says DOCX", "application/zip");
        assertRefused(report, "arhīvs.zip", EvidenceSamples.zip(), "cannot be attached", "application/zip");
        assertRefused(report, "teksts.pdf", "Nav PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "its name says PDF", "text/plain");
        assertRefused(report, "tukšs.pdf", new byte[0], "is empty");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedOneBytePastItAndNothingIsKept() throws Exception {
        Long report = fixture.reportId(cycle, "4.2");
        Map<String, Long> before = stored();
        long limit = properties.maxFileSize().toBytes();
        assertThat(limit).isEqualTo(10L * 1024 * 1024);
        EvidenceSamples.MadePdf eleven = new EvidenceSamples.MadePdf(11L * 1024 * 1024);
        assertThatThrownBy(() -> fixture.asUser("vk", () -> evidence.attach(report, "liels.pdf", eleven, false)))
                .isInstanceOf(EvidenceRefusedException.class)
                .hasMessageContaining("larger than 10 MB");
        assertThat(eleven.bytesRead()).as("bytes read of the upload").isEqualTo(limit + 1);
        // exactly at the limit is allowed
        EvidenceFile atLimit = fixture.attach(report, "vk", "tieši 10 MB.pdf", EvidenceSamples.pdfOfSize((int) limit),
                false);
        assertThat(atLimit.size()).isEqualTo(limit);
        assertThat(stored().get("files")).isEqualTo(before.get("files") + 1);
    }

    @Test
    void aReportTakesTwentyFilesAndRefusesTheTwentyFirst() throws Exception {
        Long report = fixture.reportId(cycle, "3.1");
        for (int i = 1; i <= 20; i++) {
            fixture.attach(report, "vk", "foto-" + i + ".png", EvidenceSamples.png(), false);
        }
        Map<String, Long> before = stored();
        assertRefused(report, "foto-21.png", EvidenceSamples.png(), "at most 20 files");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void filesBelongToTheSubmissionBeingPreparedAndWhatWasSubmittedStays() throws Exception {
        Long report = fixture.reportId(cycle, "3.2");
        EvidenceFile first = fixture.attach(report, "vk", "pirmais.pdf", EvidenceSamples.pdf("First"), false);
        EvidenceFile dropped = fixture.attach(report, "vk", "lieks.pdf", EvidenceSamples.pdf("Extra"), false);
        fixture.asUser("vk", () -> {
            evidence.delete(report, dropped.id());
            return null;
        });
        fixture.submit(cycle, "3.2", "vk", CycleFixture.report("LIMITED", "Sākts."));
        // under review the institution attaches nothing
        assertRefused(report, "vēlāk.pdf", EvidenceSamples.pdf("Later"), "only while it is open", "Submitted");
        fixture.review(cycle, "3.2", Map.of("decision", "RETURN", "reviewComment", "Pievienojiet protokolu."));
        EvidenceFile second = fixture.attach(report, "vk", "protokols.pdf", EvidenceSamples.pdf("Minutes"), true);
        assertThat(first.revisionNo()).isEqualTo(1);
        assertThat(second.revisionNo()).isEqualTo(2);
        assertThat(second.publicFile()).isTrue();
        // the first submission's file stays as the reviewer saw it
        assertThatThrownBy(() -> fixture.asUser("vk", () -> {
            evidence.delete(report, first.id());
            return null;
        })).isInstanceOf(EvidenceRefusedException.class).hasMessageContaining("already made");
        assertThat(fixture.asUser("reviewer", () -> query.files(query.report(report))))
                .extracting(EvidenceFile::fileName).containsExactly("pirmais.pdf", "protokols.pdf");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action in "
                + "('EVIDENCE_ATTACHED', 'EVIDENCE_REMOVED') and cycle_id = ? and measure_code = '3.2'", Long.class,
                cycle.getId())).isEqualTo(4);
    }

    @Test
    void onlyTheReportsInstitutionAttachesAndOnlyThoseWhoSeeTheReportReadItsFiles() throws Exception {
        Long report = fixture.reportId(cycle, "4.3");
        EvidenceFile file = fixture.attach(report, "vk", "plāns.pdf", EvidenceSamples.pdf("Plan"), false);
        assertThatThrownBy(() -> fixture.attach(report, "vas", "svešs.pdf", EvidenceSamples.pdf("Other"), false))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.asUser("vas", () -> query.report(report))).isInstanceOf(NotFoundException.class);
        for (String reader : List.of("reviewer", "coordinator", "board", "admin")) {
            assertThatThrownBy(() -> fixture.attach(report, reader, "cits.pdf", EvidenceSamples.pdf("Other"), false))
                    .as(reader).isInstanceOf(AccessDeniedException.class);
            assertThat(fixture.asUser(reader, () -> query.file(query.report(report), file.id()))).isEqualTo(file);
        }
    }

    private void assertRefused(Long report, String name, byte[] content, String... messageParts) throws IOException {
        long temporary = temporaryUploads();
        var refused = assertThatThrownBy(() -> fixture.attach(report, "vk", name, content, false))
                .as(name).isInstanceOf(EvidenceRefusedException.class);
        for (String part : messageParts) {
            refused.hasMessageContaining(part);
        }
        assertThat(temporaryUploads()).as("temporary files left by " + name).isEqualTo(temporary);
    }

    /** What a refusal must not change: the files kept and the audit log. */
    private Map<String, Long> stored() {
        return Map.of("files", jdbc.queryForObject("select count(*) from evidence_file", Long.class),
                "audit", jdbc.queryForObject("select count(*) from audit_entry", Long.class));
    }

    private static long temporaryUploads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("evidence-")).count();
        }
    }

    private byte[] content(EvidenceFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        query.copyContent(file, out);
        return out.toByteArray();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
