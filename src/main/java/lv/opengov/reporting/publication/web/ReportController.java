package lv.opengov.reporting.publication.web;

import lv.opengov.reporting.publication.ReportExports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The consolidated report as the contract's files: spreadsheet, CSV and PDF; its page is {@link ReportPages}'. */
@RestController
class ReportController {

    private final ReportExports exports;

    ReportController(ReportExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/cycles/{id}/report.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable Long id) {
        var report = exports.report(id, LocaleContextHolder.getLocale());
        return file(exports.xlsx(report), report, "xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/api/cycles/{id}/report.csv")
    ResponseEntity<byte[]> csv(@PathVariable Long id) {
        var report = exports.report(id, LocaleContextHolder.getLocale());
        return file(exports.csv(report), report, "csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/api/cycles/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable Long id) {
        var report = exports.report(id, LocaleContextHolder.getLocale());
        return file(exports.pdf(report), report, "pdf",
                MediaType.APPLICATION_PDF);
    }

    /** Named for the cycle, in the reader's language: {@code atskaite-3.pdf}, {@code final-report-4.xlsx}. */
    private static ResponseEntity<byte[]> file(byte[] body, lv.opengov.reporting.publication.ConsolidatedReport report,
            String extension, MediaType type) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        String kind = report.cycle().isFinalReport() ? (english ? "final-report-" : "gala-atskaite-")
                : (english ? "report-" : "atskaite-");
        String name = kind + report.cycle().getId() + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
