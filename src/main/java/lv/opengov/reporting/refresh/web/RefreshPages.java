package lv.opengov.reporting.refresh.web;

import lv.opengov.reporting.refresh.OpinionRateLimit;
import lv.opengov.reporting.refresh.PlanRefresh;
import lv.opengov.reporting.refresh.RefreshConflictException;
import lv.opengov.reporting.refresh.OpinionService;
import lv.opengov.reporting.refresh.RefreshQuery;
import lv.opengov.reporting.refresh.RefreshService;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.common.PdfDocuments;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.common.InvalidInputException;
import lv.opengov.reporting.common.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The refresh's pages: the public page with the schedule, the opinion form while co-creation is open
 * and, once published, the opinions with their responses; and the coordinators' page to answer the
 * opinions and record the changes. The changes document, once published, is public too.
 */
@Controller
class RefreshPages {

    private final RefreshService refreshes;
    private final OpinionService opinions;
    private final RefreshQuery query;
    private final ServiceZone zone;
    private final OpinionRateLimit rateLimit;
    private final PdfDocuments pdf;
    private final CurrentUser currentUser;

    RefreshPages(RefreshService refreshes, OpinionService opinions, RefreshQuery query, OpinionRateLimit rateLimit,
            PdfDocuments pdf, CurrentUser currentUser, ServiceZone zone) {
        this.refreshes = refreshes;
        this.opinions = opinions;
        this.query = query;
        this.zone = zone;
        this.pdf = pdf;
        this.rateLimit = rateLimit;
        this.currentUser = currentUser;
    }

    @GetMapping("/public/refresh/{id}")
    String publicPage(@PathVariable Long id, Model model) {
        PlanRefresh refresh = query.find(id);
        if (refresh.getSchedulePublishedAt() == null) {
            throw new lv.opengov.reporting.common.NotFoundException("Refresh " + id + " is not public yet");
        }
        model.addAttribute("refresh", refresh);
        model.addAttribute("open", refresh.isOpenForOpinions(zone.today()));
        model.addAttribute("opinions", refresh.getOpinionsPublishedAt() == null ? java.util.List.of()
                : query.opinions(id));
        model.addAttribute("changes", refresh.getOpinionsPublishedAt() == null ? java.util.List.of()
                : query.changes(id));
        return "refresh/public";
    }

    /** The published changes document, for anyone: unknown until the opinions and changes are published. */
    @GetMapping(path = "/public/refresh/{id}/changes.html", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> publicDocument(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(publishedDocument(id));
    }

    @GetMapping(path = "/public/refresh/{id}/changes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> publicDocumentPdf(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf.render(publishedDocument(id)));
    }

    private String publishedDocument(Long id) {
        PlanRefresh refresh = query.find(id);
        String document = refresh.document(LocaleContextHolder.getLocale());
        if (refresh.getOpinionsPublishedAt() == null || document == null) {
            throw new NotFoundException("The changes of refresh " + id + " are not published");
        }
        return document;
    }

    @PostMapping("/public/refresh/{id}/opinions")
    String send(@PathVariable Long id, @ModelAttribute OpinionService.OpinionRequest request, HttpServletRequest http,
            RedirectAttributes redirect, Model model) {
        try {
            rateLimit.check(http);
            opinions.submit(id, request);
        } catch (InvalidInputException | RefreshConflictException | lv.opengov.reporting.common.TooManyRequestsException e) {
            publicPage(id, model);
            model.addAttribute("problems", e instanceof InvalidInputException invalid ? invalid.getErrors() : java.util.List.of());
            model.addAttribute("problem", e instanceof InvalidInputException ? null : e.getMessage());
            model.addAttribute("form", request);
            return "refresh/public";
        }
        redirect.addFlashAttribute("thanks", true);
        return "redirect:/public/refresh/" + id;
    }

    @GetMapping("/refreshes/{id}")
    @PreAuthorize("@access.isCoordinator()")
    String page(@PathVariable Long id, Model model) {
        model.addAttribute("refresh", query.find(id));
        model.addAttribute("opinions", query.opinions(id));
        model.addAttribute("changes", query.changes(id));
        return "refresh/page";
    }

    @PostMapping("/refreshes/{id}/opinions/{opinionId}/response")
    @PreAuthorize("@access.isCoordinator()")
    String respond(@PathVariable Long id, @PathVariable Long opinionId, @RequestParam(required = false) String response,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            opinions.respond(id, opinionId, response, reason, currentUser.id());
        } catch (InvalidInputException | RefreshConflictException e) {
            redirect.addFlashAttribute("problems", e instanceof InvalidInputException invalid ? invalid.getErrors()
                    : java.util.List.of(e.getMessage()));
        }
        return "redirect:/refreshes/" + id;
    }

    @PostMapping("/refreshes/{id}/changes")
    @PreAuthorize("@access.isCoordinator()")
    String change(@PathVariable Long id, @ModelAttribute RefreshService.ChangeRequest request,
            RedirectAttributes redirect) {
        try {
            refreshes.recordChange(id, request, currentUser.id());
        } catch (InvalidInputException | RefreshConflictException e) {
            redirect.addFlashAttribute("problems", e instanceof InvalidInputException invalid ? invalid.getErrors()
                    : java.util.List.of(e.getMessage()));
        }
        return "redirect:/refreshes/" + id;
    }
}
