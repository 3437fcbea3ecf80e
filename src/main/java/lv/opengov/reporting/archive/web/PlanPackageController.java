package lv.opengov.reporting.archive.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lv.opengov.reporting.archive.PlanPackage;
import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The end-of-plan package ({@link PlanPackage}) for coordinators and administrators, streamed as it is
 * made. A refusal or a failure before the first byte is answered as any other API error. A failure
 * once the archive has begun to go out cannot change the status any more: the connection is then cut
 * (the exception goes on to the servlet container, which closes a committed response at once), so the
 * browser or {@code curl} reports a failed download, and what did arrive has neither manifest nor
 * central directory.
 */
@RestController
class PlanPackageController {

    private static final Logger log = LoggerFactory.getLogger(PlanPackageController.class);

    private final PlanPackage planPackage;
    private final CurrentUser currentUser;
    private final ServiceZone zone;
    private final MessageSource messages;

    PlanPackageController(PlanPackage planPackage, CurrentUser currentUser, ServiceZone zone,
            MessageSource messages) {
        this.planPackage = planPackage;
        this.currentUser = currentUser;
        this.zone = zone;
        this.messages = messages;
    }

    /** A failure while the package was being written. */
    static class PackageBrokenOff extends RuntimeException {
        PackageBrokenOff(Exception cause) {
            super("The plan's package broke off", cause);
        }
    }

    @GetMapping("/api/plan/package.zip")
    @PreAuthorize("@access.isCoordinator()")
    void download(HttpServletResponse response) throws IOException {
        PlanPackage.Contents contents = planPackage.contents(currentUser.id(), LocaleContextHolder.getLocale());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(contents.fileName(zone)).build().toString());
        try {
            planPackage.write(contents, response.getOutputStream());
        } catch (IOException | RuntimeException e) {
            throw new PackageBrokenOff(e);
        }
        response.flushBuffer();
    }

    /**
     * Before anything went out, the answer the API gives to any unexpected failure; after, none (see
     * the class's comment): the exception is thrown on.
     */
    @ExceptionHandler(PackageBrokenOff.class)
    ResponseEntity<ApiError> brokenOff(PackageBrokenOff e, HttpServletResponse response) {
        if (response.isCommitted()) {
            log.error("The plan's package broke off after its first bytes had gone out; the connection is cut",
                    e.getCause());
            throw e;
        }
        log.error("The plan's package failed before its first byte", e.getCause());
        response.reset();
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(),
                messages.getMessage("api.unexpected", null, LocaleContextHolder.getLocale()), List.of()));
    }
}
