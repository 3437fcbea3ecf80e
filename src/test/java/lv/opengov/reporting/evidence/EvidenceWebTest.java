package lv.opengov.reporting.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.EvidenceSamples;
import lv.opengov.reporting.support.ReportingTest;
import lv.opengov.reporting.support.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The evidence page and downloads through the web, for each kind of caller: the institution attaches
 * and downloads its report's files, another institution finds nothing there, reviewers, coordinators
 * and the board read and download, a visitor is sent to the login, and the public downloads a file only
 * once it is marked public, its report accepted and its cycle published. An upload over the limit sent
 * to the real server gets the page with the limit, not an error.
 */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private ReportingCycle open;
    private Long openReport;
    private ReportingCycle published;
    private Long publishedReport;
    private EvidenceFile publicFile;
    private EvidenceFile privateFile;
    private EvidenceFile publicButUnpublished;

    @BeforeAll
    void cycles() throws Exception {
        open = fixture.openCycle("Pierādījumi tīmeklī");
        openReport = fixture.reportId(open, "1.2");
        publicButUnpublished = fixture.attach(fixture.reportId(open, "4.3"), "vk", "publisks.pdf",
                EvidenceSamples.pdf("Public, not yet"), true);

        published = fixture.openCycle("Pierādījumi publicēti");
        publishedReport = fixture.reportId(published, "4.3");
        publicFile = fixture.attach(publishedReport, "vk", "Dialogu protokols.pdf", EvidenceSamples.pdf("Minutes"),
                true);
        privateFile = fixture.attach(publishedReport, "vk", "Dalībnieku saraksts.xlsx",
                EvidenceSamples.xlsx("Vārds"), false);
        fixture.submit(published, "4.3", "vk", CycleFixture.report("COMPLETE", "Dialogi notikuši visās nozarēs."));
        fixture.review(published, "4.3", Map.of("decision", "ACCEPT"));
        published = fixture.publish(published);
    }

    @Test
    void theInstitutionAttachesAFileOnThePageAndDownloadsIt() throws Exception {
        byte[] pdf = EvidenceSamples.pdf("Training report");
        mvc.perform(multipart("/reports/" + openReport + "/evidence")
                        .file(new MockMultipartFile("file", "Mācību pārskats.pdf", "application/octet-stream", pdf))
                        .param("public", "true").with(csrf()).with(httpBasic("vk", "vk")))
                .andExpect(redirectedUrl("/reports/" + openReport + "/evidence"))
                .andExpect(flash().attribute("attached", "Mācību pārskats.pdf"));
        EvidenceFile file = fileNamed(openReport, "Mācību pārskats.pdf");
        assertThat(file.publicFile()).isTrue();
        mvc.perform(get("/reports/" + openReport + "/evidence").with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Pierādījumu faili: 1.2 Improvement of public participation regulation")))
                .andExpect(content().string(containsString("Mācību pārskats.pdf")))
                .andExpect(content().string(containsString("1. iesniegums, vēl nav iesniegts")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("/camunda/app/tasklist/default/#/?task=")))
                .andExpect(content().string(containsString("Dzēst")));
        mvc.perform(get("/reports/" + openReport + "/evidence/" + file.id()).with(httpBasic("vk", "vk")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", allOf(startsWith("attachment;"),
                        containsString("filename*=UTF-8''M%C4%81c%C4%ABbu%20p%C4%81rskats.pdf"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(pdf)) + ":"))
                .andExpect(content().bytes(pdf));
    }

    @Test
    void aDisguisedProgramIsRefusedWithAMessageOnThePage() throws Exception {
        mvc.perform(multipart("/reports/" + openReport + "/evidence")
                        .file(new MockMultipartFile("file", "rēķins.pdf", "application/pdf", EvidenceSamples.exe()))
                        .with(csrf()).with(httpBasic("vk", "vk")).header("Accept-Language", "en"))
                .andExpect(redirectedUrl("/reports/" + openReport + "/evidence"))
                .andExpect(flash().attribute("problem", containsString("is not what its name says")));
        assertThat(jdbc.queryForObject("select count(*) from evidence_file where file_name = 'rēķins.pdf'",
                Long.class)).isZero();
    }

    @Test
    void anotherInstitutionFindsNothingThere() throws Exception {
        Long id = privateFile.id();
        for (String path : List.of("/reports/" + openReport + "/evidence", "/reports/" + publishedReport + "/evidence/" + id)) {
            mvc.perform(get(path).with(httpBasic("vas", "vas"))).andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/reports/" + openReport + "/evidence")
                        .file(new MockMultipartFile("file", "svešs.pdf", "application/pdf", EvidenceSamples.pdf("x")))
                        .with(csrf()).with(httpBasic("vas", "vas")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/reports/" + publishedReport + "/evidence/" + id + "/delete").with(csrf())
                .with(httpBasic("vas", "vas"))).andExpect(status().isNotFound());
        // nor through a report of its own
        Long own = fixture.reportId(open, "1.3");
        mvc.perform(get("/reports/" + own + "/evidence/" + id).with(httpBasic("vas", "vas")))
                .andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"reviewer", "coordinator", "board", "admin"})
    void readersSeeAndDownloadButAttachNothing(String reader) throws Exception {
        mvc.perform(get("/reports/" + publishedReport + "/evidence").with(httpBasic(reader, reader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dalībnieku saraksts.xlsx")))
                .andExpect(content().string(not(containsString("multipart/form-data"))));
        mvc.perform(get("/reports/" + publishedReport + "/evidence/" + privateFile.id()).with(httpBasic(reader, reader)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", EvidenceType.XLSX.mediaType()))
                .andExpect(content().bytes(download(privateFile)));
        mvc.perform(multipart("/reports/" + openReport + "/evidence")
                        .file(new MockMultipartFile("file", "cits.pdf", "application/pdf", EvidenceSamples.pdf("x")))
                        .with(csrf()).with(httpBasic(reader, reader)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aVisitorIsSentToTheLogin() throws Exception {
        mvc.perform(get("/reports/" + openReport + "/evidence").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/reports/" + publishedReport + "/evidence/" + publicFile.id()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void thePublicDownloadsAFileOnlyWhenMarkedPublicAcceptedAndPublished() throws Exception {
        mvc.perform(get("/public/evidence/" + publicFile.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes(download(publicFile)));
        mvc.perform(get("/public/evidence/" + privateFile.id())).andExpect(status().isNotFound());
        mvc.perform(get("/public/evidence/" + publicButUnpublished.id())).andExpect(status().isNotFound());
        mvc.perform(get("/public/evidence/" + publicButUnpublished.id()).with(httpBasic("admin", "admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/public/cycles/" + published.getId()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/public/evidence/" + publicFile.id())))
                .andExpect(content().string(containsString("Dialogu protokols.pdf")))
                .andExpect(content().string(not(containsString("Dalībnieku saraksts"))));
    }

    @Test
    void theOpenDataListsThePublicFilesOnly() throws Exception {
        mvc.perform(get("/public/data/cycles/" + published.getId() + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '4.3')].evidenceFiles[*].path")
                        .value(contains("/public/evidence/" + publicFile.id())))
                .andExpect(jsonPath("$[?(@.code == '4.3')].evidenceFiles[*].fileName").value(contains("Dialogu protokols.pdf")))
                .andExpect(jsonPath("$[?(@.code == '4.3')].evidenceFiles[*].sha256").value(contains(publicFile.sha256())))
                .andExpect(jsonPath("$[?(@.code == '4.3')].evidenceFiles[*].institution").value(contains("VK")))
                .andExpect(content().string(not(containsString("Dalībnieku saraksts"))))
                .andExpect(content().string(not(containsString("uploadedBy"))));
        String csv = mvc.perform(get("/public/data/cycles/" + published.getId() + ".csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",evidence_files");
        assertThat(csv.lines().filter(line -> line.startsWith("4.3,"))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(",/public/evidence/" + publicFile.id()));
        // a cycle not yet published lists nothing, as its pages do
        mvc.perform(get("/public/data/cycles/" + open.getId() + ".json")).andExpect(status().isNotFound());
    }

    @Test
    void theConsolidatedReportAndTheMeasurePageListTheFiles() throws Exception {
        mvc.perform(get("/cycles/" + published.getId() + "/report").with(httpBasic("board", "board")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "/reports/" + publishedReport + "/evidence/" + privateFile.id())))
                .andExpect(content().string(containsString("Dalībnieku saraksts.xlsx")))
                .andExpect(content().string(containsString("(XLSX, ")));
        byte[] pdf = mvc.perform(get("/api/cycles/" + published.getId() + "/report.pdf")
                        .with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Pierādījumu faili")
                    .contains("Dialogu protokols.pdf").contains("Dalībnieku saraksts.xlsx");
        }
        mvc.perform(get("/cycles/" + published.getId() + "/measures/4.3").with(httpBasic("reviewer", "reviewer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dialogu protokols.pdf")))
                .andExpect(content().string(containsString("1. iesniegums")));
    }

    @Test
    void anUploadOverTheLimitSentToTheServerGetsThePageWithTheLimit() throws Exception {
        long before = jdbc.queryForObject("select count(*) from evidence_file", Long.class);
        WebSession vk = WebSession.login(port, "vk");
        String page = vk.get("/reports/" + openReport + "/evidence").body();
        Matcher action = Pattern.compile("enctype=\"multipart/form-data\"\\s+action=\"([^\"]+)\"").matcher(page);
        assertThat(action.find()).as("the upload form").isTrue();
        byte[] eleven = EvidenceSamples.pdfOfSize(11 * 1024 * 1024);
        // as the browser sends the form: the token in the address and among the fields, before the file
        HttpResponse<String> refused = vk.post(action.group(1).replace("&amp;", "&"),
                "multipart/form-data; boundary=" + BOUNDARY,
                multipartBody(Map.of("_csrf", WebSession.csrf(page)), "liels.pdf", eleven));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).get().asString()
                .endsWith("/reports/" + openReport + "/evidence");
        assertThat(vk.get("/reports/" + openReport + "/evidence").body())
                .contains("Fails ir lielāks par 10 MB, lielāko pieļaujamo izmēru. Nekas netika mainīts.");
        assertThat(jdbc.queryForObject("select count(*) from evidence_file", Long.class)).isEqualTo(before);
    }

    @Test
    void anUploadOverTheLimitToTheApiGetsJson() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/plan/import"))
                .header("Authorization", WebSession.basic("coordinator", "coordinator"))
                .header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(Map.of(), "measures.csv",
                        new byte[11 * 1024 * 1024]))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"status\":413")
                .contains("The file is larger than 10 MB, the largest that can be uploaded.");
    }

    private static final String BOUNDARY = "evidence-test-boundary";

    private static byte[] multipartBody(Map<String, String> fields, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private EvidenceFile fileNamed(Long report, String name) {
        return fixture.asUser("vk", () -> query.files(query.report(report))).stream()
                .filter(f -> f.fileName().equals(name)).findFirst().orElseThrow();
    }

    private byte[] download(EvidenceFile file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        query.copyContent(file, out);
        return out.toByteArray();
    }

    @Autowired
    EvidenceQuery query;
}
