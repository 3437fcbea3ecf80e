package lv.opengov.reporting.evidence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lv.opengov.reporting.common.ByteSizes;
import lv.opengov.reporting.evidence.EvidenceAccess;
import lv.opengov.reporting.evidence.EvidenceFile;
import lv.opengov.reporting.evidence.EvidenceProperties;
import lv.opengov.reporting.evidence.EvidenceQuery;
import lv.opengov.reporting.report.TaskToReturnTo;
import lv.opengov.reporting.evidence.EvidenceRefusedException;
import lv.opengov.reporting.evidence.EvidenceReport;
import lv.opengov.reporting.evidence.EvidenceService;
import lv.opengov.reporting.evidence.EvidenceType;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A report's evidence files: the page that lists them and takes uploads (Tasklist's forms cannot), the
 * downloads, and the public download of a file once it is public. The submit-report and review-report
 * forms link here; the page links back to the user's task in Tasklist. An upload or removal answers
 * with the page again and what happened, refused or done.
 */
@Controller
class EvidencePages {

    /** Where Tasklist opens a task. */

    private final EvidenceQuery query;
    private final TaskToReturnTo returnTo;
    private final EvidenceService evidence;
    private final EvidenceAccess access;
    private final EvidenceProperties properties;

    EvidencePages(EvidenceQuery query, EvidenceService evidence, EvidenceAccess access, EvidenceProperties properties,
            TaskToReturnTo returnTo) {
        this.query = query;
        this.returnTo = returnTo;
        this.evidence = evidence;
        this.access = access;
        this.properties = properties;
    }

    @GetMapping("/reports/{reportId}/evidence")
    String page(@PathVariable Long reportId, Model model) {
        EvidenceReport report = query.report(reportId);
        List<EvidenceFile> files = query.files(report);
        int submissions = query.submissions(report);
        Set<Long> deletable = files.stream().filter(access.deletable(report, submissions))
                .map(EvidenceFile::id).collect(Collectors.toSet());
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("report", report);
        model.addAttribute("reportTitle", report.title(locale));
        model.addAttribute("files", files);
        model.addAttribute("submissions", submissions);
        model.addAttribute("deletable", deletable);
        model.addAttribute("mayAttach", access.mayAttach(report));
        model.addAttribute("full", files.size() >= properties.maxFiles());
        model.addAttribute("maxFiles", properties.maxFiles());
        model.addAttribute("maxFileSize", ByteSizes.format(properties.maxFileSize().toBytes(), locale));
        model.addAttribute("types", EvidenceType.labels());
        model.addAttribute("accept", java.util.Arrays.stream(EvidenceType.values())
                .flatMap(t -> t.extensions().stream()).map(e -> "." + e).collect(Collectors.joining(",")));
        model.addAttribute("taskUrl", returnTo.tasklistUrl(report.processInstanceId(), report.institution()));
        return "evidence/page";
    }

    @PostMapping("/reports/{reportId}/evidence")
    String upload(@PathVariable Long reportId, @RequestParam(required = false) MultipartFile file,
            @RequestParam(name = "public", defaultValue = "false") boolean publicFile, RedirectAttributes redirect)
            throws IOException {
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            EvidenceFile stored = evidence.attach(reportId, file == null ? null : file.getOriginalFilename(), content,
                    publicFile);
            redirect.addFlashAttribute("attached", stored.fileName());
        } catch (EvidenceRefusedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/reports/" + reportId + "/evidence";
    }

    @PostMapping("/reports/{reportId}/evidence/{fileId}/delete")
    String delete(@PathVariable Long reportId, @PathVariable Long fileId, RedirectAttributes redirect) {
        try {
            evidence.delete(reportId, fileId);
            redirect.addFlashAttribute("deleted", true);
        } catch (EvidenceRefusedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/reports/" + reportId + "/evidence";
    }

    @GetMapping("/reports/{reportId}/evidence/{fileId}")
    void download(@PathVariable Long reportId, @PathVariable Long fileId, HttpServletResponse response)
            throws IOException {
        send(query.file(query.report(reportId), fileId), response);
    }

    @GetMapping("/public/evidence/{fileId}")
    void publicDownload(@PathVariable Long fileId, HttpServletResponse response) throws IOException {
        send(query.publicFile(fileId), response);
    }

    /**
     * The file as a download, never shown in the page's origin: the type Tika read, the kept name, and
     * its SHA-256 for the receiver to check (RFC 9530).
     */
    private void send(EvidenceFile file, HttpServletResponse response) throws IOException {
        response.setContentType(file.mediaType());
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(file.sha256())) + ":");
        query.copyContent(file, response.getOutputStream());
    }
}
