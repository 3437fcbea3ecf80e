package lv.opengov.reporting.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.report.Completion;
import lv.opengov.reporting.report.ReportDetail;
import lv.opengov.reporting.report.ReportState;
import lv.opengov.reporting.support.CycleFixture;
import lv.opengov.reporting.support.ReportingTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text that a spreadsheet would run as a formula is written with a leading quote in every CSV and
 * spreadsheet the product writes; numbers stay numbers.
 */
@ReportingTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetInjectionTest {

    /** What reporters wrote, by measure; the validator strips leading blanks, so tab and CR come below. */
    private static final Map<String, String> PROGRESS = Map.of(
            "1.2", "=HYPERLINK(\"http://x\",\"y\")",
            "3.2", "+1",
            "4.2", "-1+1",
            "4.3", "@SUM(A1)");

    @Autowired
    MockMvc mvc;

    @Autowired
    CycleFixture fixture;

    @Autowired
    ReportExports exports;

    @Autowired
    PlanService plan;

    private ReportingCycle cycle;

    @BeforeAll
    void acceptedReportsWithFormulas() throws Exception {
        cycle = fixture.openCycle("Formulu pārbaude");
        for (Map.Entry<String, String> report : PROGRESS.entrySet()) {
            fixture.submit(cycle, report.getKey(), "vk", CycleFixture.report("LIMITED", report.getValue()));
            fixture.review(cycle, report.getKey(), Map.of("decision", "ACCEPT"));
        }
    }

    @Test
    void coordinatorsCsvQuotesEveryFormula() throws Exception {
        byte[] csv = download("/api/cycles/" + cycle.getId() + "/report.csv");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1))).getRecords();
        for (Map.Entry<String, String> report : PROGRESS.entrySet()) {
            CSVRecord row = records.stream().filter(r -> r.get(0).equals(report.getKey())).findFirst().orElseThrow();
            assertThat(row.get(6)).isEqualTo("'" + report.getValue());
            // the amount is a number column and is left alone
            assertThat(row.get(9)).isEqualTo("1500.00");
        }
    }

    @Test
    void spreadsheetWritesFormulasAsQuotedText() throws Exception {
        byte[] xlsx = download("/api/cycles/" + cycle.getId() + "/report.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Map.Entry<String, String> report : PROGRESS.entrySet()) {
                Row row = row(sheet, report.getKey());
                assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo("'" + report.getValue());
                assertThat(row.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
            }
        }
    }

    @Test
    void tabAndCarriageReturnAtTheStartAreQuotedInBothFormats() throws Exception {
        List<ReportDetail> details = new ArrayList<>();
        details.add(detail("1.1", "\tX", "\rX", new BigDecimal("-12.50")));
        details.add(detail("1.2", "=1+1", "-", null));
        ConsolidatedReport report = ConsolidatedReport.of(cycle, Locale.ENGLISH, details, plan.commitmentsByNumber(),
                plan.institutionsByCode());

        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(exports.csv(report), StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(records.get(1).get(6)).isEqualTo("'\tX");
        assertThat(records.get(1).get(7)).isEqualTo("'\rX");
        // a negative amount is a number, not text to neutralise
        assertThat(records.get(1).get(9)).isEqualTo("-12.50");
        assertThat(records.get(2).get(6)).isEqualTo("'=1+1");
        assertThat(records.get(2).get(7)).isEqualTo("'-");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exports.xlsx(report)))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("'\tX");
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("'\rX");
            assertThat(row.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(-12.5);
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(6).getStringCellValue()).isEqualTo("'=1+1");
        }
    }

    @Test
    void publicOpenDataCsvQuotesEveryFormula() throws Exception {
        ReportingCycle published = fixture.openCycle("Publicēto formulu pārbaude");
        for (Map.Entry<String, String> report : PROGRESS.entrySet()) {
            fixture.submit(published, report.getKey(), "vk", CycleFixture.report("COMPLETE", report.getValue()));
            fixture.review(published, report.getKey(), Map.of("decision", "ACCEPT"));
        }
        fixture.publish(published);
        String csv = mvc.perform(get("/public/data/cycles/" + published.getId() + ".csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        for (Map.Entry<String, String> report : PROGRESS.entrySet()) {
            CSVRecord row = records.stream().filter(r -> r.get("code").equals(report.getKey())).findFirst()
                    .orElseThrow();
            assertThat(row.get("progress")).isEqualTo("'" + report.getValue());
            assertThat(row.get("funds_spent_eur")).isEqualTo("1500.00");
        }
    }

    private ReportDetail detail(String code, String progress, String challenges, BigDecimal funds) {
        return new ReportDetail(code, 1, "Nosaukums", "Title", "VK", ReportState.ACCEPTED, Completion.LIMITED,
                progress, challenges, "Next", funds, "https://example.org", Instant.parse("2026-01-01T10:00:00Z"));
    }

    private byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("coordinator", "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static Row row(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }
}
