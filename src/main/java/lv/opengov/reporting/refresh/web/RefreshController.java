package lv.opengov.reporting.refresh.web;

import lv.opengov.reporting.refresh.Opinion;
import lv.opengov.reporting.refresh.OpinionRateLimit;
import lv.opengov.reporting.refresh.PlanChange;
import lv.opengov.reporting.refresh.PlanRefresh;
import lv.opengov.reporting.refresh.OpinionService;
import lv.opengov.reporting.refresh.RefreshQuery;
import lv.opengov.reporting.refresh.RefreshService;
import lv.opengov.reporting.refresh.RefreshStatus;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.plan.PlanVersions;
import lv.opengov.reporting.common.PdfDocuments;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The refresh's API. Coordinators start refreshes, register and answer opinions and record changes;
 * anyone may send an opinion while co-creation is open ({@code POST /api/refreshes/{id}/opinions},
 * no login, rate-limited per address).
 */
@RestController
@RequestMapping("/api/refreshes")
class RefreshController {

    private final RefreshService refreshes;
    private final OpinionService opinions;
    private final RefreshQuery query;
    private final OpinionRateLimit rateLimit;
    private final PdfDocuments pdf;
    private final CurrentUser currentUser;

    RefreshController(RefreshService refreshes, OpinionService opinions, RefreshQuery query,
            OpinionRateLimit rateLimit, PdfDocuments pdf, CurrentUser currentUser) {
        this.refreshes = refreshes;
        this.opinions = opinions;
        this.query = query;
        this.rateLimit = rateLimit;
        this.pdf = pdf;
        this.currentUser = currentUser;
    }

    record RefreshView(Long id, LocalDate coCreationStart, LocalDate coCreationEnd, LocalDate ogpDeadline,
            RefreshStatus status, String processInstanceId, Instant schedulePublishedAt, Instant opinionsPublishedAt,
            Instant documentGeneratedAt, Instant submittedAt, String submittedBy) {

        static RefreshView of(PlanRefresh r) {
            return new RefreshView(r.getId(), r.getCoCreationStart(), r.getCoCreationEnd(), r.getOgpDeadline(),
                    r.getStatus(), r.getProcessInstanceId(), r.getSchedulePublishedAt(), r.getOpinionsPublishedAt(),
                    r.getDocumentGeneratedAt(), r.getSubmittedAt(), r.getSubmittedBy());
        }
    }

    /** An opinion as coordinators see it, with the address it came from. */
    record OpinionView(Long id, Opinion.Channel channel, String author, String email, String measureCode,
            String proposalTitle, String text, Instant receivedAt, Opinion.Response response, String responseReason) {

        static OpinionView of(Opinion o) {
            return new OpinionView(o.getId(), o.getChannel(), o.getAuthor(), o.getEmail(), o.getMeasureCode(),
                    o.getProposalTitle(), o.getText(), o.getReceivedAt(), o.getResponse(), o.getResponseReason());
        }
    }

    record Received(Long id, Instant receivedAt) {
    }

    record ResponseRequest(String response, String reason) {
    }

    @PostMapping
    @PreAuthorize("@access.isCoordinator()")
    ResponseEntity<RefreshView> start(@RequestBody RefreshService.RefreshRequest request) {
        PlanRefresh refresh = refreshes.start(request, currentUser.id());
        return ResponseEntity.created(URI.create("/api/refreshes/" + refresh.getId())).body(RefreshView.of(refresh));
    }

    @GetMapping
    List<RefreshView> list() {
        return query.list().stream().map(RefreshView::of).toList();
    }

    @GetMapping("/{id}")
    RefreshView get(@PathVariable Long id) {
        return RefreshView.of(query.find(id));
    }

    /** From anyone, without login, while co-creation is open. */
    @PostMapping("/{id}/opinions")
    ResponseEntity<Received> submit(@PathVariable Long id, @RequestBody OpinionService.OpinionRequest request,
            HttpServletRequest http) {
        rateLimit.check(http);
        Opinion opinion = opinions.submit(id, request);
        return ResponseEntity.status(201).body(new Received(opinion.getId(), opinion.getReceivedAt()));
    }

    /** An opinion that came by email or at a meeting. */
    @PostMapping("/{id}/opinions/registered")
    @PreAuthorize("@access.isCoordinator()")
    ResponseEntity<OpinionView> register(@PathVariable Long id, @RequestBody OpinionService.OpinionRequest request) {
        return ResponseEntity.status(201)
                .body(OpinionView.of(opinions.register(id, request, currentUser.id())));
    }

    @GetMapping("/{id}/opinions")
    @PreAuthorize("@access.isCoordinator()")
    List<OpinionView> opinions(@PathVariable Long id) {
        return query.opinions(id).stream().map(OpinionView::of).toList();
    }

    @PutMapping("/{id}/opinions/{opinionId}/response")
    @PreAuthorize("@access.isCoordinator()")
    OpinionView respond(@PathVariable Long id, @PathVariable Long opinionId, @RequestBody ResponseRequest request) {
        return OpinionView.of(opinions.respond(id, opinionId, request.response(), request.reason(), currentUser.id()));
    }

    @PostMapping("/{id}/changes")
    @PreAuthorize("@access.isCoordinator()")
    ResponseEntity<PlanChange> change(@PathVariable Long id, @RequestBody RefreshService.ChangeRequest request) {
        return ResponseEntity.status(201).body(refreshes.recordChange(id, request, currentUser.id()));
    }

    @GetMapping("/{id}/changes")
    List<PlanChange> changes(@PathVariable Long id) {
        return query.changes(id);
    }

    /** The original and the refreshed plan compared, measure by measure. */
    @GetMapping("/{id}/comparison")
    List<PlanVersions.Difference> comparison(@PathVariable Long id) {
        return query.comparison(id);
    }

    @GetMapping(path = "/{id}/changes.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> document(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(query.document(id, LocaleContextHolder.getLocale()));
    }

    @GetMapping(path = "/{id}/changes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> documentPdf(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .body(pdf.render(query.document(id, LocaleContextHolder.getLocale())));
    }
}
