package lv.opengov.reporting.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.evidence.EvidenceFile;
import lv.opengov.reporting.refresh.Opinion;
import lv.opengov.reporting.refresh.OpinionService;
import lv.opengov.reporting.refresh.PlanRefresh;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.EvidenceSamples;
import lv.opengov.reporting.support.RefreshFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The end-of-plan package as a coordinator downloads it: a published cycle whose report on 3.1 was
 * returned once and then accepted, with an evidence file, and a refresh with an answered opinion. The
 * ZIP is opened as a reader would, every entry checked against the manifest and SHA256SUMS.
 */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPackageTest {

    private static final String PROGRESS = "Notikušas 4 sanāksmes pakotnei.";

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    ObjectMapper json;

    @Autowired
    MessageSource messages;

    private ReportingCycle cycle;
    EvidenceFile evidence;
    private final byte[] evidenceBytes = EvidenceSamples.pdf("Sanaksmju protokols 2024");
    private Opinion opinion;
    private Path zipFile;
    private ZipFile zip;

    @BeforeAll
    void publishedCycleAndAnsweredOpinion(@Autowired RefreshFixture refreshes, @Autowired OpinionService opinions,
            @Autowired ServiceZone zone) throws Exception {
        cycle = fixture.openCycle("Pakotnes pārbaude");
        evidence = fixture.attach(fixture.reportId(cycle, "3.1"), "vk", "Protokols.pdf", evidenceBytes, false);
        fixture.submit(cycle, "3.1", "vk", CycleFixture.report("LIMITED", "Pirmā versija."));
        fixture.review(cycle, "3.1", Map.of("decision", "RETURN", "reviewComment", "Lūdzu norādiet sanāksmju skaitu."));
        fixture.submit(cycle, "3.1", "vk", CycleFixture.report("SUBSTANTIAL", PROGRESS));
        fixture.review(cycle, "3.1", Map.of("decision", "ACCEPT"));
        cycle = fixture.publish(cycle);

        PlanRefresh refresh = refreshes.scheduled(zone.today().plusDays(30), zone.today().plusDays(60),
                zone.today().plusDays(90));
        opinion = opinions.register(refresh.getId(), new OpinionService.OpinionRequest("Biedrība Pakotne",
                "pakotne@example.org", "3.2", null, "Iesaistiet jauniešu organizācijas.", null, "EMAIL"),
                "coordinator");
        opinions.respond(refresh.getId(), opinion.getId(), "PARTLY_ACCEPTED", "Iekļauts kā otrā posma darbs.",
                "coordinator");

        byte[] body = mvc.perform(get("/api/plan/package.zip").header("Accept-Language", "en")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"plan-package-")))
                .andReturn().getResponse().getContentAsByteArray();
        zipFile = Files.createTempFile("plan-package", ".zip");
        Files.write(zipFile, body);
        zip = new ZipFile(zipFile.toFile());
    }

    @AfterAll
    void removeZip() throws IOException {
        zip.close();
        Files.deleteIfExists(zipFile);
    }

    @Test
    void everyEntryIsInTheManifestAndTheChecksumsWithItsSizeAndSha256() throws Exception {
        JsonNode manifest = json.readTree(read(PackageZip.MANIFEST));
        assertThat(manifest.get("madeBy").asText()).isEqualTo("coordinator");
        assertThat(manifest.get("madeAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
        assertThat(manifest.get("plan").get("en").asText()).contains("Open Government Action Plan 2022–2025");
        assertThat(manifest.get("plan").get("lv").asText()).contains("atvērtās pārvaldības rīcības plāns");
        assertThat(manifest.get("cycles").findValuesAsText("name")).contains("Pakotnes pārbaude");

        Map<String, String> listed = new LinkedHashMap<>();
        for (JsonNode entry : manifest.get("entries")) {
            String path = entry.get("path").asText();
            byte[] content = read(path);
            assertThat(content.length).as(path).isEqualTo(entry.get("size").asLong());
            assertThat(sha256(content)).as(path).isEqualTo(entry.get("sha256").asText());
            listed.put(path, entry.get("sha256").asText());
        }
        List<String> inZip = new ArrayList<>();
        Collections.list(zip.entries()).forEach(e -> inZip.add(e.getName()));
        assertThat(inZip).containsExactlyInAnyOrderElementsOf(
                concat(listed.keySet(), PackageZip.MANIFEST, PackageZip.CHECKSUMS));

        // the lines `sha256sum -c SHA256SUMS` checks: every entry, the manifest among them
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : new String(read(PackageZip.CHECKSUMS), StandardCharsets.UTF_8).split("\n")) {
            assertThat(line).matches("[0-9a-f]{64}  \\S.*");
            sums.put(line.substring(66), line.substring(0, 64));
        }
        Map<String, String> expected = new LinkedHashMap<>(listed);
        expected.put(PackageZip.MANIFEST, sha256(read(PackageZip.MANIFEST)));
        assertThat(sums).isEqualTo(expected);
    }

    @Test
    void evidenceFileIsTheUploadedBytesUnderItsCycleAndMeasure() throws Exception {
        String path = "cycles/" + cycle.getId() + "/evidence/3.1/" + evidence.id() + "-Protokols.pdf";
        assertThat(read(path)).isEqualTo(evidenceBytes);
    }

    @Test
    void consolidatedReportIsThereInLatvianAndEnglishAsPdfAndSpreadsheet() throws Exception {
        String folder = "cycles/" + cycle.getId() + "/";
        assertThat(pdfText(folder + "report-lv.pdf"))
                .contains("Apkopotā atskaite: Pakotnes pārbaude").contains(PROGRESS);
        assertThat(pdfText(folder + "report-en.pdf"))
                .contains("Consolidated report: Pakotnes pārbaude").contains(PROGRESS);
        try (XSSFWorkbook lv = new XSSFWorkbook(zip.getInputStream(zip.getEntry(folder + "report-lv.xlsx")));
                XSSFWorkbook en = new XSSFWorkbook(zip.getInputStream(zip.getEntry(folder + "report-en.xlsx")))) {
            assertThat(lv.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Pasākums");
            assertThat(en.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Measure");
        }
    }

    @Test
    void acceptedReportsListEverySubmissionWithTheReviewAndTheFilesOfIt() throws Exception {
        String csv = csv("cycles/" + cycle.getId() + "/accepted-reports.csv");
        List<String> rows = csv.lines().filter(l -> l.startsWith("3.1;")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("3.1;VK;1;no;vk;").contains("RETURN")
                .contains("Lūdzu norādiet sanāksmju skaitu.").contains("Pirmā versija.")
                .contains("cycles/" + cycle.getId() + "/evidence/3.1/" + evidence.id() + "-Protokols.pdf");
        assertThat(rows.get(1)).startsWith("3.1;VK;2;yes;vk;").contains("ACCEPT").contains("SUBSTANTIAL")
                .contains(PROGRESS);
        // only accepted reports: 6.3 was never submitted in this cycle
        assertThat(csv.lines().filter(l -> l.startsWith("6.3;"))).isEmpty();
    }

    @Test
    void opinionsRegisterHasTheResponseAndTheSenderButNotTheEmail() throws Exception {
        String csv = csv("refreshes/opinions.csv");
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(
                "refresh;opinion;channel;author;measure;proposal_title;text;received_at;response;response_reason;"
                        + "responded_at");
        assertThat(csv).contains(";" + opinion.getId() + ";EMAIL;Biedrība Pakotne;3.2;;"
                + "Iesaistiet jauniešu organizācijas.;").contains(";PARTLY_ACCEPTED;Iekļauts kā otrā posma darbs.;");
        assertThat(csv).doesNotContain("pakotne@example.org");
    }

    @Test
    void auditLogPlanVersionsAndRefreshAreThere() throws Exception {
        String audit = csv("audit-log.csv");
        String accepted = messages.getMessage("audit.action.REPORT_ACCEPTED", null, Locale.ENGLISH);
        assertThat(audit.lines()).anyMatch(l -> l.contains(";" + accepted + ";" + cycle.getId() + ";3.1;VK;"));
        assertThat(json.readTree(read("plan/versions.json")).findValuesAsText("number")).contains("1");
        assertThat(json.readTree(read("plan/version-1.json")).findValuesAsText("code")).contains("3.1", "6.3");
        assertThat(zip.getEntry("refreshes/" + opinion.getRefreshId() + "/refresh.json")).isNotNull();
    }

    @ParameterizedTest(name = "{0} may not download the package")
    @ValueSource(strings = {"reviewer", "board", "vk"})
    void othersThanCoordinatorsGet403(String user) throws Exception {
        mvc.perform(get("/api/plan/package.zip").with(httpBasic(user, user))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousGets401() throws Exception {
        mvc.perform(get("/api/plan/package.zip")).andExpect(status().isUnauthorized());
    }

    private byte[] read(String path) throws IOException {
        ZipEntry entry = zip.getEntry(path);
        assertThat(entry).as(path).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** A CSV entry without its byte-order mark. */
    private String csv(String path) throws IOException {
        byte[] content = read(path);
        assertThat(content).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
    }

    private String pdfText(String path) throws IOException {
        try (PDDocument document = Loader.loadPDF(read(path))) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static List<String> concat(java.util.Collection<String> paths, String... more) {
        List<String> all = new ArrayList<>(paths);
        all.addAll(List.of(more));
        return all;
    }
}
