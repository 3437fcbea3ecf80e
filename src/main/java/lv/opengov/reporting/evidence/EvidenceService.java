package lv.opengov.reporting.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.common.ByteSizes;
import lv.opengov.reporting.evidence.internal.EvidenceFileRepository;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.report.ReportService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaching evidence files to a report and removing them. An upload is first copied to a temporary
 * file, counting its bytes and its SHA-256 as it goes and stopping one byte past the limit; its type is
 * then read from that file ({@link EvidenceTypes}), and only a file that passes every check is stored,
 * streamed from the temporary file, in one transaction with its audit entry, the report locked so that
 * neither the count of its files nor its submission number changes meanwhile. A refusal changes
 * nothing. No upload is held in memory whole.
 */
@Service
public class EvidenceService {

    private final EvidenceFileRepository files;
    private final EvidenceQuery query;
    private final EvidenceAccess access;
    private final ReportService reports;
    private final EvidenceProperties properties;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final EvidenceTypes types = new EvidenceTypes();

    EvidenceService(EvidenceFileRepository files, EvidenceQuery query, EvidenceAccess access, ReportService reports,
            EvidenceProperties properties, AuditLog audit, CurrentUser currentUser, MessageSource messages,
            Clock clock, PlatformTransactionManager transactions) {
        this.files = files;
        this.query = query;
        this.access = access;
        this.reports = reports;
        this.properties = properties;
        this.audit = audit;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Attaches a file to the report for the current user's institution.
     *
     * @param sentName   the name the browser sent, which says nothing of what the file is
     * @param content    the upload, read once to its end or to one byte past the limit; the caller closes it
     * @param publicFile whether the institution lets the public download it once the cycle is published
     * @throws lv.opengov.reporting.common.NotFoundException when the user may not see the report
     * @throws AccessDeniedException when the user may see it but attaches nothing to it (a reviewer)
     * @throws EvidenceRefusedException when the file or the moment is refused
     */
    public EvidenceFile attach(Long reportId, String sentName, InputStream content, boolean publicFile) {
        EvidenceReport report = query.report(reportId);
        checkMayAttach(report);
        checkRoomFor(report);
        Path upload = null;
        try {
            upload = Files.createTempFile("evidence-", ".upload");
            Received received = receive(content, upload, sentName);
            EvidenceType type = typeOf(upload, sentName);
            String name = EvidenceFileNames.sanitise(sentName, type);
            Path stored = upload;
            return transaction.execute(status -> store(reportId, name, type, received, publicFile, stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(upload);
        }
    }

    /**
     * Removes one of the institution's own files from the submission it is preparing.
     *
     * @throws EvidenceRefusedException when the file is part of a submission already made, or the report
     *                                  is no longer open for the institution
     */
    public void delete(Long reportId, Long fileId) {
        transaction.executeWithoutResult(status -> {
            reports.lock(reportId);
            EvidenceReport report = query.report(reportId);
            EvidenceFile file = query.file(report, fileId);
            checkMayAttach(report);
            if (!access.mayDelete(report, file, reports.revisionCount(reportId))) {
                throw new EvidenceRefusedException(message("evidence.refused.submitted", file.fileName()));
            }
            files.delete(fileId);
            record(AuditAction.EVIDENCE_REMOVED, report, file);
        });
    }

    private EvidenceFile store(Long reportId, String name, EvidenceType type, Received received, boolean publicFile,
            Path upload) {
        reports.lock(reportId);
        EvidenceReport report = query.report(reportId);
        checkMayAttach(report);
        String institution = access.attachingInstitution(report).orElseThrow();
        checkRoomFor(report);
        EvidenceFile file = new EvidenceFile(null, reportId, reports.revisionCount(reportId) + 1, institution, name,
                type.mediaType(), received.size(), received.sha256(), publicFile, currentUser.id(),
                // as both databases keep it
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        long id;
        try (InputStream content = Files.newInputStream(upload)) {
            id = files.insert(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EvidenceFile stored = new EvidenceFile(id, file.reportId(), file.revisionNo(), file.institution(),
                file.fileName(), file.mediaType(), file.size(), file.sha256(), file.publicFile(), file.uploadedBy(),
                file.uploadedAt());
        record(AuditAction.EVIDENCE_ATTACHED, report, stored);
        return stored;
    }

    private void checkMayAttach(EvidenceReport report) {
        if (!access.mayAttach(report)) {
            throw refusal(report);
        }
    }

    /** Why nothing can be attached: the user is not one who attaches (403), or the report is not open now. */
    private RuntimeException refusal(EvidenceReport report) {
        if (access.attachingInstitution(report).isEmpty()) {
            return new AccessDeniedException("Only the report's institution attaches files to it");
        }
        String state = messages.getMessage(report.withdrawn() ? "evidence.state.WITHDRAWN"
                : "state." + report.state(), null, LocaleContextHolder.getLocale());
        return new EvidenceRefusedException(message("evidence.refused.not-open", report.measureCode(), state));
    }

    private void checkRoomFor(EvidenceReport report) {
        int count = files.countByReport(report.reportId());
        if (count >= properties.maxFiles()) {
            throw new EvidenceRefusedException(message("evidence.refused.too-many", properties.maxFiles(), count));
        }
    }

    private record Received(long size, String sha256) {
    }

    /** Copies the upload to the file, counting and hashing it, and refuses it one byte past the limit. */
    private Received receive(InputStream content, Path upload, String sentName) throws IOException {
        long limit = properties.maxFileSize().toBytes();
        MessageDigest sha256 = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(upload), sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = content.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - size))) > 0; ) {
                out.write(buffer, 0, read);
                size += read;
                if (size > limit) {
                    throw new EvidenceRefusedException(message("evidence.refused.too-large", shown(sentName),
                            ByteSizes.format(limit, locale())));
                }
            }
        }
        if (size == 0) {
            throw new EvidenceRefusedException(message("evidence.refused.empty", shown(sentName)));
        }
        return new Received(size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The allowed kind the content is, refusing a file whose name claims another kind, or a kind not allowed. */
    private EvidenceType typeOf(Path upload, String sentName) {
        String detected = types.detect(upload);
        EvidenceType type = EvidenceType.ofMediaType(detected).orElse(null);
        EvidenceType claimed = EvidenceType.claimedBy(sentName).orElse(null);
        if (claimed != null && claimed != type) {
            throw new EvidenceRefusedException(message("evidence.refused.disguised", shown(sentName), claimed.label(),
                    type != null ? type.label() : detected));
        }
        if (type == null) {
            throw new EvidenceRefusedException(message("evidence.refused.type", shown(sentName), detected,
                    EvidenceType.labels()));
        }
        return type;
    }

    private void record(AuditAction action, EvidenceReport report, EvidenceFile file) {
        audit.record(action, currentUser.id(), report.cycleId(), report.measureCode(), report.institution(),
                "report " + report.reportId() + ", file " + file.id(),
                file.fileName() + " (" + file.typeLabel() + ", " + file.size() + " B, submission " + file.revisionNo()
                        + ", sha-256 " + file.sha256() + ")");
    }

    /** The name as sent, for a message, before it is made a name the service keeps. */
    private static String shown(String sentName) {
        String name = sentName == null ? "" : sentName.replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file: the system's cleaning removes what is left
            }
        }
    }
}
