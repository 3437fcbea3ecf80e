package lv.opengov.reporting.report;

import lv.opengov.reporting.identity.Access;
import org.springframework.stereotype.Component;

/**
 * Who may read and who may change what a report says of its measure's milestones and indicators.
 * Reading follows who sees the report: its institution, reviewers, coordinators, administrators and
 * the board; anyone else finds nothing there. Changing is for the members of the report's responsible
 * institution's group ({@code inst-<code>}) while the report is open for it.
 */
@Component
public class ProgressAccess {

    private final Access access;

    ProgressAccess(Access access) {
        this.access = access;
    }

    public boolean mayRead(String reportInstitution) {
        return access.isReviewer() || access.isBoardMember() || access.institutionCodes().contains(reportInstitution);
    }

    /**
     * Awaiting its first submission or returned, and not withdrawn: what the reviewer accepted, or is
     * reading, stays as they see it.
     */
    public boolean mayEdit(String reportInstitution, ReportState state, boolean withdrawn) {
        return state.isOpenForInstitution() && !withdrawn && access.institutionCodes().contains(reportInstitution);
    }
}
