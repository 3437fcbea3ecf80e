package lv.opengov.reporting.evidence;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import lv.opengov.reporting.identity.Access;
import lv.opengov.reporting.report.ReportState;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a report's evidence files. Reading (listing and downloading) follows who may
 * see the report: reviewers, coordinators, administrators and the board, and the report's own
 * institution. Who attaches has one rule, {@link #attachingInstitution}; when, {@link #mayAttach}. The
 * public sees a file only when {@link #isPublic}. Whoever may not read gets "not found", as for any
 * report they may not see. A co-responsible institution or other implementer contributing to a report
 * attaches its own files to it while its part is still to send, and sees the report's files.
 */
@Component
public class EvidenceAccess {

    private final Access access;
    private final EvidenceCycles cycles;
    private final lv.opengov.reporting.report.ContributionService contributions;
    private final lv.opengov.reporting.report.ProgressAccess readers;

    EvidenceAccess(Access access, EvidenceCycles cycles, lv.opengov.reporting.report.ContributionService contributions,
            lv.opengov.reporting.report.ProgressAccess readers) {
        this.readers = readers;
        this.access = access;
        this.cycles = cycles;
        this.contributions = contributions;
    }

    /**
     * Whether the current user may see and download the report's files: whoever sees the report
     * (its institution, those contributing to it, reviewers, coordinators, the board).
     */
    public boolean mayRead(EvidenceReport report) {
        return readers.mayRead(report.reportId(), report.institution());
    }

    /** The current user's institution contributing to the report (only one still to send its part, if asked so). */
    private Optional<String> contribution(EvidenceReport report, boolean stillAwaited) {
        java.util.List<String> own = access.institutionCodes();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        return contributions.rowsOfReport(report.reportId()).stream()
                .filter(c -> own.contains(c.contributor()))
                .filter(c -> !stillAwaited || !c.isSubmitted())
                .map(lv.opengov.reporting.report.ContributionRow::contributor).findFirst();
    }

    /** Whether the current user may see the files of a report of the given institution, and download them. */
    public boolean mayRead(String reportInstitution) {
        return access.isReviewer() || access.isBoardMember()
                || access.institutionCodes().contains(reportInstitution);
    }

    /**
     * Who may attach files to a report, the one rule for it: the institution on whose behalf the current
     * user attaches, or none: the report's responsible institution, for the members of its group
     * ({@code inst-<code>}), or a co-responsible institution or other implementer whose contribution to the
     * report is still to send. Each file records the institution it was attached for, so that their files
     * are told apart.
     */
    public Optional<String> attachingInstitution(EvidenceReport report) {
        return access.institutionCodes().contains(report.institution()) ? Optional.of(report.institution())
                : contribution(report, true);
    }

    /**
     * Whether the current user may attach files to the report now: one who may attach to it
     * ({@link #attachingInstitution}), while the report is open for its institution (awaiting its first
     * submission or returned to it; not under review, accepted or withdrawn).
     */
    public boolean mayAttach(EvidenceReport report) {
        return report.isOpenForInstitution() && attachingInstitution(report).isPresent();
    }

    /**
     * Whether the current user may remove the file: one of the institution's own, while they may attach,
     * and only from the submission they are preparing. A file of a submission already made stays, as the
     * reviewer saw it.
     */
    public boolean mayDelete(EvidenceReport report, EvidenceFile file, int submissions) {
        return deletable(report, submissions).test(file);
    }

    /** {@link #mayDelete} for each of a report's files, asking who attaches once for all of them. */
    public java.util.function.Predicate<EvidenceFile> deletable(EvidenceReport report, int submissions) {
        Optional<String> attaching = report.isOpenForInstitution() ? attachingInstitution(report) : Optional.empty();
        return file -> attaching.filter(file.institution()::equals).isPresent() && !file.isSubmitted(submissions);
    }

    /**
     * Whether anyone, without login, may download the file: its institution marked it public, the
     * report was accepted (the public reads no report that was not) and its cycle is published.
     */
    public boolean isPublic(EvidenceFile file, ReportState reportState, Long cycleId) {
        return isPublic(file, reportState, () -> cycles.isPublished(cycleId));
    }

    /** {@link #isPublic(EvidenceFile, ReportState, Long)} for the files of a cycle whose publication is known. */
    public boolean isPublic(EvidenceFile file, ReportState reportState, boolean cyclePublished) {
        return isPublic(file, reportState, () -> cyclePublished);
    }

    private static boolean isPublic(EvidenceFile file, ReportState reportState, BooleanSupplier cyclePublished) {
        return file.publicFile() && reportState == ReportState.ACCEPTED && cyclePublished.getAsBoolean();
    }
}
