package lv.opengov.reporting.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The three exports read back with POI and PDFBox, Latvian letters checked, and the report page. */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExportsTest {

    private static final String LETTERS = "ā č ē ģ ī ķ ļ ņ š ū ž";

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    private ReportingCycle cycle;

    @BeforeAll
    void cycleInProgress() throws Exception {
        cycle = fixture.openCycle("Eksporta pārbaude");
        fixture.submit(cycle, "3.1", "vk", CycleFixture.report("SUBSTANTIAL", "Notikušas 4 nozaru sanāksmes."));
        fixture.review(cycle, "3.1", Map.of("decision", "ACCEPT"));
        fixture.submit(cycle, "6.3", "varam", CycleFixture.report("LIMITED", "Līdzdalības budžets 3 pašvaldībās."));
    }

    private byte[] download(String path, String language) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", language).with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void spreadsheetHasOneRowPerMeasureAFrozenHeaderFiltersAndReadableWidths() throws Exception {
        byte[] xlsx = download("/api/cycles/" + cycle.getId() + "/report.xlsx", "lv");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            // twelve measures, a blank row and the totals: spent, and planned (192,000 EUR in the plan's lines)
            assertThat(sheet.getLastRowNum()).isEqualTo(14);
            assertThat(sheet.getRow(14).getCell(0).getStringCellValue()).isEqualTo("Kopā");
            assertThat(sheet.getRow(14).getCell(13).getNumericCellValue()).isEqualTo(192000.0);
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("Finansējums");
            assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(6); // five lines and the total
            // 3.2's three yearly lines (rows 3 to 5) share one spent cell: reports give spending per measure
            assertThat(workbook.getSheetAt(1).getMergedRegions()).singleElement()
                    .satisfies(region -> assertThat(region.formatAsString()).isEqualTo("E4:E6"));
            assertThat(workbook.getSheetAt(1).getRow(3).getCell(2).getStringCellValue()).isEqualTo("3.2");
            assertThat(workbook.getSheetAt(1).getRow(4).getCell(4)).isNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Pasākums");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(workbook.getSheetAt(0).getCTWorksheet().getAutoFilter()).isNotNull();
            assertThat(sheet.getColumnWidth(6)).isGreaterThanOrEqualTo(60 * 256);
            var row31 = sheet.getRow(4);
            assertThat(row31.getCell(0).getStringCellValue()).isEqualTo("3.1");
            assertThat(row31.getCell(2).getStringCellValue()).startsWith("Nozaru sadarbības partneru");
            assertThat(row31.getCell(5).getStringCellValue()).isEqualTo("Būtiska");
            assertThat(row31.getCell(7).getStringCellValue()).contains(LETTERS);
            assertThat(row31.getCell(9).getNumericCellValue()).isEqualTo(1500.0);
        }
        byte[] english = download("/api/cycles/" + cycle.getId() + "/report.xlsx", "en");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Measure");
            assertThat(workbook.getSheetAt(0).getRow(4).getCell(5).getStringCellValue()).isEqualTo("Substantial");
        }
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkThatExcelOpensWithLatvianLetters() throws Exception {
        byte[] csv = download("/api/cycles/" + cycle.getId() + "/report.csv", "lv");
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Pasākums;Apņemšanās;Nosaukums");
        assertThat(text).contains(LETTERS).contains("3.1;3;Nozaru sadarbības").contains("Līdzdalības budžets");
    }

    @Test
    void pdfRendersLatvianLettersWithAnEmbeddedFont() throws Exception {
        byte[] pdf = download("/api/cycles/" + cycle.getId() + "/report.pdf", "lv");
        // kept for a look: target/exports/report-lv.pdf
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/exports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/exports/report-lv.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Apkopotā atskaite: Eksporta pārbaude").contains(LETTERS)
                    .contains("Pārskats uzraudzības padomei").contains("Līdzdalības budžets 3 pašvaldībās");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("DejaVu");
            assertThat(font.isEmbedded()).isTrue();
        }
        byte[] english = download("/api/cycles/" + cycle.getId() + "/report.pdf", "en");
        try (PDDocument document = Loader.loadPDF(english)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Consolidated report")
                    .contains("Overview for the supervisory board");
        }
    }

    @Test
    void reportPageInLatvian() throws Exception {
        mvc.perform(get("/cycles/" + cycle.getId() + "/report").with(httpBasic("board", "board")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Norādītie izaicinājumi")))
                .andExpect(content().string(containsString("Notikušas 4 nozaru sanāksmes.")));
    }

    @Test
    void reportPageInEnglish() throws Exception {
        mvc.perform(get("/cycles/" + cycle.getId() + "/report?lang=en").with(httpBasic("board", "board")))
                .andExpect(content().string(containsString("Challenges reported")));
    }

    @Test
    void anInstitutionExportsOnlyItsOwnMeasures() throws Exception {
        byte[] own = mvc.perform(get("/api/cycles/" + cycle.getId() + "/report.csv").with(httpBasic("varam", "varam")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        // the header, VARAM's four measures and the totals, which count no other institution's plan
        List<String> lines = new String(own, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(6);
        String[] total = lines.get(5).split(";", -1);
        assertThat(total[0]).isEqualTo("Kopā");
        assertThat(total[9]).as("spent by VARAM's reports shown").isEqualTo("1500.00");
        assertThat(total[13]).as("planned").isEqualTo("0");
    }

    @Test
    void theAnonymousExportNothing() throws Exception {
        mvc.perform(get("/api/cycles/" + cycle.getId() + "/report.csv")).andExpect(status().isUnauthorized());
    }
}
