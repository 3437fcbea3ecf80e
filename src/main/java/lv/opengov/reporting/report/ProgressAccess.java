package lv.opengov.reporting.report;

import java.util.List;
import lv.opengov.reporting.identity.Access;
import org.springframework.stereotype.Component;

/**
 * Who may read and who may change what a report says of its measure's milestones and indicators.
 * Reading follows who sees the report: its institution, the co-responsible institutions and other
 * implementers contributing to it, reviewers, coordinators, administrators and the board; anyone else
 * finds nothing there. Changing is for the members of the report's responsible
 * institution's group ({@code inst-<code>}) while the report is open for it.
 */
@Component
public class ProgressAccess {

    private final Access access;
    private final ContributionService contributions;

    ProgressAccess(Access access, ContributionService contributions) {
        this.access = access;
        this.contributions = contributions;
    }

    public boolean mayRead(ReportRow report) {
        return mayRead(report.reportId(), report.institution());
    }

    /**
     * Who sees a report, the one rule for its progress and its evidence files: reviewers, coordinators,
     * administrators and the board, its institution, and those contributing to it.
     */
    public boolean mayRead(Long reportId, String reportInstitution) {
        if (access.isReviewer() || access.isBoardMember()) {
            return true;
        }
        List<String> own = access.institutionCodes();
        return own.contains(reportInstitution)
                || !own.isEmpty() && contributions.rowsOfReport(reportId).stream()
                        .anyMatch(c -> own.contains(c.contributor()));
    }

    /**
     * Awaiting its first submission or returned, and not withdrawn: what the reviewer accepted, or is
     * reading, stays as they see it.
     */
    public boolean mayEdit(String reportInstitution, ReportState state, boolean withdrawn) {
        return state.isOpenForInstitution() && !withdrawn && access.institutionCodes().contains(reportInstitution);
    }
}
