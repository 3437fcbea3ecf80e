package lv.opengov.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One contribution as pages, mails and exports show it: the measure, the responsible institution
 * whose report it feeds ({@code lead}), the contributor, and what it sent.
 */
public record ContributionRow(Long id, Long reportId, Long cycleId, String measureCode, String titleLv,
        String titleEn, String lead, String contributor, lv.opengov.reporting.plan.InstitutionKind contributorKind,
        ContributionRole role, ContributionState state, LocalDate dueDate, Instant submittedAt, String progress,
        String challenges, BigDecimal fundsSpentEur, String evidenceLinks) {

    /** The group whose members act for the contributor: {@code inst-<code>} or {@code impl-<code>}. */
    public String contributorGroup() {
        return contributorKind.groupIdFor(contributor);
    }

    public String title(Locale locale) {
        return lv.opengov.reporting.plan.Titles.in(locale, titleLv, titleEn);
    }

    public boolean isSubmitted() {
        return state == ContributionState.SUBMITTED;
    }

    /** Still owed after its due date. */
    public boolean isOverdue(LocalDate today) {
        return state == ContributionState.AWAITING && dueDate != null && dueDate.isBefore(today);
    }
}
