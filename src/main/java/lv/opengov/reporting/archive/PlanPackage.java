package lv.opengov.reporting.archive;

import static lv.opengov.reporting.common.ExcelCsv.cell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.audit.AuditCsv;
import lv.opengov.reporting.common.ExcelCsv;
import lv.opengov.reporting.common.PdfDocuments;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.cycle.CycleQuery;
import lv.opengov.reporting.cycle.CycleStatus;
import lv.opengov.reporting.cycle.ReportingCycle;
import lv.opengov.reporting.evidence.EvidenceFile;
import lv.opengov.reporting.evidence.EvidenceQuery;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.plan.PlanVersions;
import lv.opengov.reporting.publication.ConsolidatedReport;
import lv.opengov.reporting.publication.ReportExports;
import lv.opengov.reporting.refresh.Opinion;
import lv.opengov.reporting.refresh.PlanRefresh;
import lv.opengov.reporting.refresh.RefreshQuery;
import lv.opengov.reporting.refresh.RefreshStatus;
import lv.opengov.reporting.report.ReportRevision;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The end-of-plan package: one ZIP with the plan's record for the IRM, which assesses the plan from
 * evidence at its end. It holds
 * <ul>
 * <li>{@code cycles/<id>/report-lv.pdf}, {@code -en.pdf}, {@code -lv.xlsx}, {@code -en.xlsx}: each cycle's
 * consolidated report, as {@link ReportExports} renders it for the cycle's page;</li>
 * <li>{@code cycles/<id>/accepted-reports.csv}: every submission of the cycle's accepted reports, one row
 * each, the accepted one marked {@code final}, with the reviewer's decision and comment and the evidence
 * files of that submission. One CSV per cycle rather than a document per report: at 10,000 measures the
 * IRM filters one table in Excel instead of opening 10,000 files, and the returned submissions beside the
 * accepted one show how each report came to be accepted;</li>
 * <li>{@code cycles/<id>/evidence/<measure>/<file id>-<name>}: the files of the accepted reports, the
 * bytes as uploaded (the id keeps two files of the same name apart);</li>
 * <li>{@code plan/versions.json}, {@code plan/version-<n>.json} and {@code plan/comparison-<n-1>-<n>.json}:
 * the plan's versions, each version's measures, and each refreshed version compared with the one before;</li>
 * <li>{@code refreshes/<id>/refresh.json}, {@code changes.json} and, once published, the changes-and-additions
 * document {@code changes-lv.html}, {@code changes-en.html}, {@code changes-lv.pdf}, {@code changes-en.pdf};</li>
 * <li>{@code refreshes/opinions.csv}: the opinions register with the reasoned responses. The senders'
 * e-mail addresses are left out, as everywhere the opinions are published; their names are kept, because
 * the public refresh page and the changes document already publish them beside each opinion;</li>
 * <li>{@code audit-log.csv}: the whole audit log, oldest first;</li>
 * <li>{@code manifest.json} (the plan, when and by whom the package was made, the cycles, and every entry
 * with its size and SHA-256) and {@code SHA256SUMS}, which {@code sha256sum -c} checks.</li>
 * </ul>
 * The archive is written to the stream as it is made: one cycle's report (one PDF or spreadsheet at a
 * time), 500 reports' revisions or one evidence file's slice is all it holds in memory, whatever the
 * number of measures. What it will hold is read first ({@link #contents}), so that a refusal comes
 * before the first byte; a failure while writing leaves the archive unfinished, without manifest or
 * central directory ({@link PackageZip}).
 */
@Service
public class PlanPackage {

    /** How many reports' revisions and files are read at once. */
    static final int BATCH = 500;

    private static final String[] REVISION_COLUMNS = {"measure", "institution", "revision", "final", "submitted_by",
        "submitted_at", "decision", "review_comment", "reviewed_by", "reviewed_at", "completion", "progress",
        "challenges", "next_steps", "funds_spent_eur", "evidence_links", "evidence_files"};
    private static final String[] OPINION_COLUMNS = {"refresh", "opinion", "channel", "author", "measure",
        "proposal_title", "text", "received_at", "response", "response_reason", "responded_at"};
    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("lv"), Locale.ENGLISH);

    private final CycleQuery cycles;
    private final ReportService reports;
    private final ReportExports exports;
    private final EvidenceQuery evidence;
    private final RefreshQuery refreshes;
    private final PlanVersions versions;
    private final PdfDocuments pdf;
    private final AuditCsv audit;
    private final Access access;
    private final ObjectWriter json;
    private final MessageSource messages;
    private final Clock clock;
    private final ServiceZone zone;
    private final DateTimeFormatter time;

    PlanPackage(CycleQuery cycles, ReportService reports, ReportExports exports, EvidenceQuery evidence,
            RefreshQuery refreshes, PlanVersions versions, PdfDocuments pdf, AuditCsv audit, Access access,
            ObjectMapper json, MessageSource messages, Clock clock, ServiceZone zone) {
        this.cycles = cycles;
        this.reports = reports;
        this.exports = exports;
        this.evidence = evidence;
        this.refreshes = refreshes;
        this.versions = versions;
        this.pdf = pdf;
        this.audit = audit;
        this.access = access;
        this.json = json.writerWithDefaultPrettyPrinter();
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone.id());
    }

    /** What a package will hold, read before its first byte is written, and who asked for it when. */
    public record Contents(List<ReportingCycle> cycles, List<PlanRefresh> refreshes,
            List<PlanVersions.Version> versions, String madeBy, Instant madeAt, Locale locale) {

        /** The name the download is saved under. */
        public String fileName(ServiceZone zone) {
            return "plan-package-" + zone.local(madeAt).toLocalDate() + ".zip";
        }
    }

    /** A cycle as the manifest names it. */
    record CycleEntry(Long id, String name, LocalDate periodFrom, LocalDate periodTo, CycleStatus status,
            Instant publishedAt, String folder) {
    }

    record Manifest(Map<String, String> plan, OffsetDateTime madeAt, String madeBy, List<CycleEntry> cycles,
            List<PackageZip.Entry> entries) {
    }

    record RefreshEntry(Long id, LocalDate coCreationStart, LocalDate coCreationEnd, LocalDate ogpDeadline,
            RefreshStatus status, String schedule, Instant schedulePublishedAt, Instant opinionsPublishedAt,
            Instant documentGeneratedAt, Instant submittedAt) {

        static RefreshEntry of(PlanRefresh r) {
            return new RefreshEntry(r.getId(), r.getCoCreationStart(), r.getCoCreationEnd(), r.getOgpDeadline(),
                    r.getStatus(), r.getScheduleText(), r.getSchedulePublishedAt(), r.getOpinionsPublishedAt(),
                    r.getDocumentGeneratedAt(), r.getSubmittedAt());
        }
    }

    /**
     * What the package will hold, for the current user.
     *
     * @throws AccessDeniedException for anyone but a coordinator or an administrator
     */
    public Contents contents(String madeBy, Locale locale) {
        if (!access.isCoordinator()) {
            throw new AccessDeniedException("the plan's package is for coordinators");
        }
        List<ReportingCycle> all = cycles.list().stream()
                .sorted(java.util.Comparator.comparing(ReportingCycle::getId)).toList();
        List<PlanRefresh> refreshList = refreshes.list().stream()
                .sorted(java.util.Comparator.comparing(PlanRefresh::getId)).toList();
        return new Contents(all, refreshList, versions.versions(), madeBy, clock.instant(), locale);
    }

    /** Writes the package to the stream, which it leaves open; on a failure the archive is left unfinished. */
    public void write(Contents contents, OutputStream out) throws IOException {
        PackageZip zip = new PackageZip(out);
        for (ReportingCycle cycle : contents.cycles()) {
            writeCycle(zip, cycle);
        }
        writeVersions(zip, contents.versions());
        for (PlanRefresh refresh : contents.refreshes()) {
            writeRefresh(zip, refresh);
        }
        zip.add("refreshes/opinions.csv", o -> opinions(contents.refreshes(), o));
        zip.add("audit-log.csv", o -> audit.writeEverything(contents.locale(), o));
        zip.finish(entries -> o -> json.writeValue(o, manifest(contents, entries)));
    }

    private Manifest manifest(Contents contents, List<PackageZip.Entry> entries) {
        Map<String, String> plan = new LinkedHashMap<>();
        for (Locale language : LANGUAGES) {
            plan.put(language.getLanguage(), messages.getMessage("package.plan", null, language));
        }
        List<CycleEntry> cycleEntries = contents.cycles().stream()
                .map(c -> new CycleEntry(c.getId(), c.getName(), c.getPeriodFrom(), c.getPeriodTo(), c.getStatus(),
                        c.getPublishedAt(), folder(c)))
                .toList();
        return new Manifest(plan, zone.local(contents.madeAt()).toOffsetDateTime(), contents.madeBy(), cycleEntries,
                entries);
    }

    private static String folder(ReportingCycle cycle) {
        return "cycles/" + cycle.getId() + "/";
    }

    private void writeCycle(PackageZip zip, ReportingCycle cycle) throws IOException {
        String folder = folder(cycle);
        for (Locale language : LANGUAGES) {
            ConsolidatedReport report = exports.report(cycle.getId(), language);
            zip.add(folder + "report-" + language.getLanguage() + ".pdf", exports.pdf(report));
            zip.add(folder + "report-" + language.getLanguage() + ".xlsx", exports.xlsx(report));
        }
        List<ReportRow> accepted = reports.rows(cycle.getId()).stream()
                .filter(r -> r.state() == ReportState.ACCEPTED).toList();
        zip.add(folder + "accepted-reports.csv", out -> acceptedReports(folder, accepted, out));
        for (List<ReportRow> batch : batches(accepted)) {
            Map<Long, ReportRow> byId = byId(batch);
            for (EvidenceFile file : evidence.filesOfReports(byId.keySet())) {
                zip.add(evidencePath(folder, byId.get(file.reportId()), file), out -> evidence.copyContent(file, out));
            }
        }
    }

    private static String evidencePath(String folder, ReportRow report, EvidenceFile file) {
        return folder + "evidence/" + report.measureCode() + "/" + file.id() + "-" + file.fileName();
    }

    private void acceptedReports(String folder, List<ReportRow> accepted, OutputStream out) throws IOException {
        try (CSVPrinter printer = ExcelCsv.open(out, REVISION_COLUMNS)) {
            for (List<ReportRow> batch : batches(accepted)) {
                Map<Long, ReportRow> byId = byId(batch);
                Map<Long, List<EvidenceFile>> files = new LinkedHashMap<>();
                evidence.filesOfReports(byId.keySet())
                        .forEach(f -> files.computeIfAbsent(f.reportId(), id -> new ArrayList<>()).add(f));
                List<ReportRevision> revisions = reports.revisions(byId.keySet());
                for (int i = 0; i < revisions.size(); i++) {
                    ReportRevision revision = revisions.get(i);
                    boolean last = i + 1 == revisions.size()
                            || !revisions.get(i + 1).getReportId().equals(revision.getReportId());
                    ReportRow report = byId.get(revision.getReportId());
                    List<String> paths = files.getOrDefault(report.reportId(), List.of()).stream()
                            .filter(f -> f.revisionNo() == revision.getRevisionNo())
                            .map(f -> evidencePath(folder, report, f)).toList();
                    var answers = revision.getAnswers();
                    printer.printRecord(report.measureCode(), report.institution(), revision.getRevisionNo(),
                            last ? "yes" : "no", cell(revision.getSubmittedBy()), when(revision.getSubmittedAt()),
                            cell(revision.getDecision()), cell(revision.getReviewComment()),
                            cell(revision.getReviewedBy()), when(revision.getReviewedAt()),
                            answers.getCompletion() == null ? "" : answers.getCompletion().name(),
                            cell(answers.getProgress()), cell(answers.getChallenges()), cell(answers.getNextSteps()),
                            answers.getFundsSpentEur() == null ? "" : answers.getFundsSpentEur().toPlainString(),
                            cell(answers.getEvidenceLinks()), cell(String.join("\n", paths)));
                }
            }
        }
    }

    private void writeVersions(PackageZip zip, List<PlanVersions.Version> all) throws IOException {
        zip.add("plan/versions.json", out -> json.writeValue(out, all));
        for (PlanVersions.Version version : all) {
            zip.add("plan/version-" + version.number() + ".json",
                    out -> json.writeValue(out, versions.measures(version.number())));
            if (version.number() > 1) {
                zip.add("plan/comparison-" + (version.number() - 1) + "-" + version.number() + ".json",
                        out -> json.writeValue(out, versions.compare(version.number() - 1, version.number())));
            }
        }
    }

    private void writeRefresh(PackageZip zip, PlanRefresh refresh) throws IOException {
        String folder = "refreshes/" + refresh.getId() + "/";
        zip.add(folder + "refresh.json", out -> json.writeValue(out, RefreshEntry.of(refresh)));
        zip.add(folder + "changes.json", out -> json.writeValue(out, refreshes.changes(refresh.getId())));
        for (Locale language : LANGUAGES) {
            String document = refresh.document(language);
            if (document != null) {
                zip.add(folder + "changes-" + language.getLanguage() + ".html",
                        document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.add(folder + "changes-" + language.getLanguage() + ".pdf", pdf.render(document));
            }
        }
    }

    private void opinions(List<PlanRefresh> all, OutputStream out) throws IOException {
        try (CSVPrinter printer = ExcelCsv.open(out, OPINION_COLUMNS)) {
            for (PlanRefresh refresh : all) {
                for (Opinion o : refreshes.opinions(refresh.getId())) {
                    printer.printRecord(refresh.getId(), o.getId(), o.getChannel(), cell(o.getAuthor()),
                            cell(o.getMeasureCode()), cell(o.getProposalTitle()), cell(o.getText()),
                            when(o.getReceivedAt()), o.getResponse() == null ? "" : o.getResponse().name(),
                            cell(o.getResponseReason()), when(o.getRespondedAt()));
                }
            }
        }
    }

    private String when(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    private static Map<Long, ReportRow> byId(List<ReportRow> batch) {
        Map<Long, ReportRow> byId = new LinkedHashMap<>();
        batch.forEach(r -> byId.put(r.reportId(), r));
        return byId;
    }

    private static List<List<ReportRow>> batches(List<ReportRow> rows) {
        List<List<ReportRow>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            batches.add(rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        return batches;
    }
}
