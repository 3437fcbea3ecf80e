package lv.opengov.reporting.evidence;

import java.util.Locale;
import lv.opengov.reporting.report.MeasureReport;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportState;

/**
 * A report as the evidence rules and pages see it.
 *
 * @param institution the code of the institution responsible for the report
 * @param withdrawn   whether the cycle stopped collecting before the report was accepted
 */
public record EvidenceReport(Long reportId, Long cycleId, String measureCode, String titleLv, String titleEn,
        String institution, ReportState state, boolean withdrawn, String processInstanceId) {

    static EvidenceReport of(ReportRow row, MeasureReport report) {
        return new EvidenceReport(row.reportId(), report.getCycleId(), row.measureCode(), row.titleLv(),
                row.titleEn(), row.institution(), report.getState(), report.getWithdrawnAt() != null,
                report.getProcessInstanceId());
    }

    public String title(Locale locale) {
        return lv.opengov.reporting.plan.Titles.in(locale, titleLv, titleEn);
    }

    /** Still to be submitted by its institution: awaiting its first submission or returned, and not withdrawn. */
    public boolean isOpenForInstitution() {
        return state.isOpenForInstitution() && !withdrawn;
    }
}
