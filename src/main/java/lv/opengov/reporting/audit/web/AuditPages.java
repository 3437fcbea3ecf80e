package lv.opengov.reporting.audit.web;

import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditCsv;
import lv.opengov.reporting.audit.AuditQuery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log's page and its CSV export. Who sees what is decided by {@link AuditQuery}; a bad
 * filter gets the page again with 400 and each problem named, the export a plain-text 400.
 */
@Controller
class AuditPages {

    private final AuditQuery query;
    private final AuditCsv csv;

    AuditPages(AuditQuery query, AuditCsv csv) {
        this.query = query;
        this.csv = csv;
    }

    /** The filter as typed, to show it again in the form. */
    record Form(String action, String actor, String cycle, String institution, String from, String to) {
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String cycle, @RequestParam(required = false) String institution,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String page, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("form", new Form(action, actor, cycle, institution, from, to));
        model.addAttribute("actions", Arrays.asList(AuditAction.values()));
        AuditQuery.Filter filter;
        try {
            filter = query.parse(action, actor, cycle, institution, from, to, page);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.getErrors());
            return "audit/list";
        }
        model.addAttribute("result", query.search(filter));
        return "audit/list";
    }

    @GetMapping("/audit.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String action,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String cycle,
            @RequestParam(required = false) String institution, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AuditQuery.Filter filter;
        try {
            filter = query.parse(action, actor, cycle, institution, from, to, null);
        } catch (InvalidInputException e) {
            List<String> lines = e.getErrors().stream()
                    .map(p -> p instanceof FieldProblem f ? f.field() + ": " + f.message() : String.valueOf(p))
                    .toList();
            return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = csv.write(filter, LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("audit.csv").build().toString())
                .body(body);
    }
}
