package lv.opengov.reporting.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.evidence.internal.EvidenceFileRepository;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import org.springframework.stereotype.Service;

/**
 * Reading evidence files: a report's files for those who may see them, the files of a whole cycle for
 * its pages and reports, and a file's content for its download. A report or file the current user may
 * not see is not found.
 */
@Service
public class EvidenceQuery {

    private final EvidenceFileRepository files;
    private final ReportService reports;
    private final EvidenceAccess evidenceAccess;
    private final EvidenceCycles cycles;

    EvidenceQuery(EvidenceFileRepository files, ReportService reports, EvidenceAccess evidenceAccess,
            EvidenceCycles cycles) {
        this.cycles = cycles;
        this.files = files;
        this.reports = reports;
        this.evidenceAccess = evidenceAccess;
    }

    /** The report, when the current user may see its files. */
    public EvidenceReport report(Long reportId) {
        EvidenceReport report = reports.find(reportId)
                .map(found -> EvidenceReport.of(reports.row(reportId), found))
                .orElseThrow(() -> notFound(reportId));
        if (!evidenceAccess.mayRead(report)) {
            throw notFound(reportId);
        }
        return report;
    }

    /** A report's files, in the order they were attached; the caller has the report from {@link #report}. */
    public List<EvidenceFile> files(EvidenceReport report) {
        return files.findByReport(report.reportId());
    }

    /** How many times the report was submitted: its files of later revisions are still being prepared. */
    public int submissions(EvidenceReport report) {
        return reports.revisionCount(report.reportId());
    }

    /**
     * The files of every report of a cycle by measure code, read at once. For pages that show the reports
     * themselves, and so have checked who may see them.
     */
    public Map<String, List<EvidenceFile>> filesByMeasure(Long cycleId) {
        return files.findByCycle(cycleId);
    }

    /**
     * The files of the given reports, read at once, in the order they were attached. For callers that
     * have checked who may see the reports, as {@link #filesByMeasure} is.
     */
    public List<EvidenceFile> filesOfReports(java.util.Collection<Long> reportIds) {
        return files.findByReports(reportIds);
    }

    /**
     * The files of a cycle's reports that anyone may download, by measure code: none before the cycle
     * is published, and only those marked public of the reports accepted.
     *
     * @param stateOf the state of the cycle's report on a measure, by measure code
     */
    public Map<String, List<EvidenceFile>> publicFilesByMeasure(Long cycleId, Function<String, ReportState> stateOf) {
        if (!cycles.isPublished(cycleId)) {
            return Map.of();
        }
        Map<String, List<EvidenceFile>> shown = new LinkedHashMap<>();
        files.findByCycle(cycleId).forEach((code, ofReport) -> {
            List<EvidenceFile> open = ofReport.stream()
                    .filter(file -> evidenceAccess.isPublic(file, stateOf.apply(code), true)).toList();
            if (!open.isEmpty()) {
                shown.put(code, open);
            }
        });
        return shown;
    }

    /** A file of the report, for the current user to download. */
    public EvidenceFile file(EvidenceReport report, Long fileId) {
        return files.find(fileId).filter(file -> file.reportId().equals(report.reportId()))
                .orElseThrow(() -> new NotFoundException("No evidence file " + fileId));
    }

    /** A file for anyone to download, when it is public ({@link EvidenceAccess#isPublic}). */
    public EvidenceFile publicFile(Long fileId) {
        return files.find(fileId).filter(file -> reports.find(file.reportId())
                        .filter(report -> evidenceAccess.isPublic(file, report.getState(), report.getCycleId()))
                        .isPresent())
                .orElseThrow(() -> new NotFoundException("No public evidence file " + fileId));
    }

    /** Writes the file's content to the stream as it reads it. */
    public void copyContent(EvidenceFile file, OutputStream out) throws IOException {
        files.copyContent(file, out);
    }

    private static NotFoundException notFound(Long reportId) {
        return new NotFoundException("No report " + reportId + " with evidence for the current user");
    }
}
