package lv.opengov.reporting.publication;

import lv.opengov.reporting.common.PdfDocuments;
import lv.opengov.reporting.common.ServiceZone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.evidence.EvidenceAccess;
import lv.opengov.reporting.evidence.EvidenceQuery;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.report.ReportDetail;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.common.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The consolidated report and its exports: spreadsheet, CSV and PDF, in Latvian or English. */
@Service
public class ReportExports {

    private static final String[] COLUMNS = {"measure", "commitment", "title", "institution", "state", "completion",
        "progress", "challenges", "nextSteps", "fundsSpentEur", "evidenceLinks", "submittedAt", "contributions",
        "fundsPlannedEur", "milestones", "indicators"};
    private static final int FUNDS = 9;
    private static final int PLANNED = 13;
    private static final int[] WIDTHS = {10, 11, 50, 30, 16, 16, 70, 50, 50, 14, 40, 20, 70, 14, 60, 60};

    private final CycleQuery cycles;
    private final ReportService reports;
    private final PlanService plan;
    private final Access access;
    private final MessageSource messages;
    private final SpringTemplateEngine templates;
    private final PdfDocuments pdfDocuments;
    private final ServiceZone zone;
    private final lv.opengov.reporting.report.ContributionService contributions;

    private final EvidenceQuery evidence;
    private final EvidenceAccess evidenceAccess;
    private final String baseUrl;
    private final lv.opengov.reporting.report.ProgressQuery progress;

    ReportExports(CycleQuery cycles, ReportService reports, PlanService plan, Access access, MessageSource messages,
            SpringTemplateEngine templates, PdfDocuments pdfDocuments, ServiceZone zone,
            lv.opengov.reporting.report.ContributionService contributions, EvidenceQuery evidence,
            EvidenceAccess evidenceAccess, lv.opengov.reporting.report.ProgressQuery progress,
            @Value("${reporting.base-url}") String baseUrl) {
        this.progress = progress;
        this.contributions = contributions;
        this.evidence = evidence;
        this.evidenceAccess = evidenceAccess;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.pdfDocuments = pdfDocuments;
        this.zone = zone;
        this.cycles = cycles;
        this.reports = reports;
        this.plan = plan;
        this.access = access;
        this.messages = messages;
        this.templates = templates;
    }

    /** The report for the current user: all measures, or an institution's own. */
    public ConsolidatedReport report(Long cycleId, Locale locale) {
        ReportingCycle cycle = cycles.find(cycleId);
        List<String> only = access.visibleInstitutions();
        List<ReportDetail> details = reports.details(cycleId).stream()
                .filter(d -> only == null || only.contains(d.institution())).toList();
        return ConsolidatedReport.of(cycle, locale, details, plan.commitmentsByNumber(), plan.institutionsByCode(),
                contributions.rows(cycleId).stream().filter(c -> only == null || only.contains(c.lead())).toList(),
                only == null ? plan.fundingLines() : List.of(), evidence.filesByMeasure(cycleId),
                evidenceAccess::mayRead, progress.milestonesOfCycle(cycleId), progress.indicatorsOfCycle(cycleId));
    }

    public byte[] xlsx(ConsolidatedReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName(report));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            Row head = sheet.createRow(0);
            String[] names = headers(report.locale());
            for (int c = 0; c < names.length; c++) {
                head.createCell(c).setCellValue(names[c]);
                head.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int r = 1;
            for (ConsolidatedReport.Entry entry : report.entries()) {
                Row row = sheet.createRow(r++);
                String[] values = values(entry, report.locale(), report.funding());
                for (int c = 0; c < values.length; c++) {
                    if (c == FUNDS && entry.detail().fundsSpentEur() != null && entry.shown()) {
                        row.createCell(c).setCellValue(entry.detail().fundsSpentEur().doubleValue());
                    } else if (c == PLANNED && !values[c].isEmpty()) {
                        row.createCell(c).setCellValue(Double.parseDouble(values[c]));
                    } else {
                        row.createCell(c).setCellValue(SpreadsheetCells.neutralise(values[c]));
                    }
                    row.getCell(c).setCellStyle(wrap);
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, names.length - 1));
            Row total = sheet.createRow(r + 1);
            total.createCell(0).setCellValue(messages.getMessage("funding.total", null, report.locale()));
            total.getCell(0).setCellStyle(header);
            total.createCell(FUNDS).setCellValue(report.funding().spentTotal().doubleValue());
            total.createCell(PLANNED).setCellValue(report.funding().plannedTotal().doubleValue());
            fundingSheet(workbook, header, report);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * UTF-8 with a byte-order mark and semicolons, as Excel expects them under Latvian (and most
     * European) regional settings: it opens the file with the columns and the Latvian letters intact.
     */
    public byte[] csv(ConsolidatedReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(headers(report.locale())).get())) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            for (ConsolidatedReport.Entry entry : report.entries()) {
                String[] values = values(entry, report.locale(), report.funding());
                // the amounts are numbers, written as such: only the text columns are neutralised
                printer.printRecord(IntStream.range(0, values.length)
                        .mapToObj(c -> c == FUNDS || c == PLANNED ? values[c] : SpreadsheetCells.neutralise(values[c]))
                        .toArray());
            }
            String[] total = new String[COLUMNS.length];
            java.util.Arrays.fill(total, "");
            total[0] = messages.getMessage("funding.total", null, report.locale());
            total[FUNDS] = report.funding().spentTotal().toPlainString();
            total[PLANNED] = report.funding().plannedTotal().toPlainString();
            printer.printRecord((Object[]) total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The PDF, from the same template as the page, with a font that has every Latvian letter. */
    public byte[] pdf(ConsolidatedReport report) {
        Context context = new Context(report.locale());
        context.setVariable("report", report);
        context.setVariable("pdf", true);
        // a PDF is read away from the site: its links to evidence files are absolute
        context.setVariable("baseUrl", baseUrl);
        String html = templates.process("publication/consolidated", context);
        return pdfDocuments.render(html);
    }

    private String[] headers(Locale locale) {
        String[] names = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            names[i] = messages.getMessage("export.col." + COLUMNS[i], null, locale);
        }
        return names;
    }

    private String[] values(ConsolidatedReport.Entry entry, Locale locale,
            lv.opengov.reporting.plan.FundingOverview funding) {
        ReportDetail d = entry.detail();
        boolean reported = entry.shown();
        return new String[] {d.measureCode(), String.valueOf(d.commitment()), entry.title(), entry.institutionName(),
            messages.getMessage("state." + d.state(), null, locale),
            reported ? messages.getMessage("completion." + d.completion(), null, locale) : "",
            reported ? nullToEmpty(d.progress()) : "", reported ? nullToEmpty(d.challenges()) : "",
            reported ? nullToEmpty(d.nextSteps()) : "",
            reported && d.fundsSpentEur() != null ? d.fundsSpentEur().toPlainString() : "",
            reported ? nullToEmpty(d.evidenceLinks()) : "",
            d.submittedAt() == null ? "" : zone.local(d.submittedAt())
                    .toLocalDateTime().withNano(0).toString().replace('T', ' '),
            contributions(entry, locale), planned(entry, funding), milestones(entry, locale), indicators(entry, locale)};
    }

    /** The measure's milestones in one cell, a line each: number, title, due date and the state reported. */
    private String milestones(ConsolidatedReport.Entry entry, Locale locale) {
        List<String> lines = new java.util.ArrayList<>();
        for (var m : entry.milestones()) {
            lines.add(m.number() + ". " + m.title(locale) + " (" + m.dueDate() + "): "
                    + (m.state() == null ? "—" : messages.getMessage("progress.state." + m.state(), null, locale)
                            + (m.stateDate() == null ? "" : " " + m.stateDate())));
        }
        return String.join("\n", lines);
    }

    /** The measure's indicators in one cell, a line each: title, then value against baseline and target. */
    private String indicators(ConsolidatedReport.Entry entry, Locale locale) {
        List<String> lines = new java.util.ArrayList<>();
        for (var i : entry.indicators()) {
            lines.add(i.number() + ". " + i.title(locale) + " (" + i.unit() + "): "
                    + messages.getMessage("export.indicator", new Object[] {i.valueText(), i.baselineText(),
                        i.targetText()}, locale));
        }
        return String.join("\n", lines);
    }

    /** The measure's planned funding; a line shared with other measures counts whole (the funding sheet tells). */
    private static String planned(ConsolidatedReport.Entry entry, lv.opengov.reporting.plan.FundingOverview funding) {
        var measure = funding.measure(entry.detail().measureCode());
        return measure == null || measure.planned().signum() == 0 ? "" : measure.planned().toPlainString();
    }

    /** The plan's funding lines against what their measures spent, with the totals. */
    private void fundingSheet(XSSFWorkbook workbook, CellStyle header, ConsolidatedReport report) {
        Locale locale = report.locale();
        Sheet sheet = workbook.createSheet(messages.getMessage("export.funding-sheet", null, locale));
        String[] names = {"funding.col.purpose", "funding.col.year", "funding.col.measures", "funding.col.planned",
            "funding.col.spent"};
        Row head = sheet.createRow(0);
        for (int c = 0; c < names.length; c++) {
            head.createCell(c).setCellValue(messages.getMessage(names[c], null, locale));
            head.getCell(c).setCellStyle(header);
            sheet.setColumnWidth(c, (c == 0 ? 70 : 16) * 256);
        }
        int r = 1;
        for (var line : report.funding().lines()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(SpreadsheetCells.neutralise(line.funding().purpose()));
            if (line.funding().year() != null) {
                row.createCell(1).setCellValue(line.funding().year());
            }
            row.createCell(2).setCellValue(String.join(", ", line.funding().measures()));
            row.createCell(3).setCellValue(line.funding().amountEur().doubleValue());
            if (line.isFirstOfGroup()) {
                // the spending of lines that fund the same measures, once for all of them
                row.createCell(4).setCellValue(line.spent().doubleValue());
                if (line.span() > 1) {
                    sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row.getRowNum(),
                            row.getRowNum() + line.span() - 1, 4, 4));
                }
            }
        }
        Row total = sheet.createRow(r);
        total.createCell(0).setCellValue(messages.getMessage("funding.total", null, locale));
        total.getCell(0).setCellStyle(header);
        total.createCell(3).setCellValue(report.funding().plannedTotal().doubleValue());
        total.createCell(4).setCellValue(report.funding().spentTotal().doubleValue());
    }

    /** The contributions in one cell: each sent one's contributor, text and funds, then who is missing. */
    private String contributions(ConsolidatedReport.Entry entry, Locale locale) {
        List<String> parts = new java.util.ArrayList<>();
        for (var c : entry.sentContributions()) {
            parts.add(c.contributor() + ": " + c.progress()
                    + (c.fundsSpentEur() == null ? "" : " (" + c.fundsSpentEur().toPlainString() + " EUR)"));
        }
        if (!entry.missingContributors().isEmpty()) {
            parts.add(messages.getMessage("export.contributions.missing",
                    new Object[] {String.join(", ", entry.missingContributors())}, locale));
        }
        return String.join("\n", parts);
    }

    /** "Report", or "Final report" for the plan's final report. */
    private String sheetName(ConsolidatedReport report) {
        return messages.getMessage(report.cycle().isFinalReport() ? "cycle.final" : "export.sheet", null,
                report.locale());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
