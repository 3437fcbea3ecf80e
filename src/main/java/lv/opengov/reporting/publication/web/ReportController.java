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
        return file(exports.xlsx(exports.report(id, LocaleContextHolder.getLocale())), id, "xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/api/cycles/{id}/report.csv")
    ResponseEntity<byte[]> csv(@PathVariable Long id) {
        return file(exports.csv(exports.report(id, LocaleContextHolder.getLocale())), id, "csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/api/cycles/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable Long id) {
        return file(exports.pdf(exports.report(id, LocaleContextHolder.getLocale())), id, "pdf",
                MediaType.APPLICATION_PDF);
    }

    private static ResponseEntity<byte[]> file(byte[] body, Long id, String extension, MediaType type) {
        Locale locale = LocaleContextHolder.getLocale();
        String name = ("en".equals(locale.getLanguage()) ? "report-" : "atskaite-") + id + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
