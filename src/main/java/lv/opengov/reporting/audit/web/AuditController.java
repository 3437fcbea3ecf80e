package lv.opengov.reporting.audit.web;

import lv.opengov.reporting.audit.AuditQuery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log as JSON, with the page's filters and the same rule of who sees what. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditQuery query;

    AuditController(AuditQuery query) {
        this.query = query;
    }

    @GetMapping
    AuditQuery.Result list(@RequestParam(required = false) String action,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String cycle,
            @RequestParam(required = false) String institution, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String page) {
        return query.search(query.parse(action, actor, cycle, institution, from, to, page));
    }
}
