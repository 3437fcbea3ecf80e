package lv.opengov.reporting.plan;

import java.time.LocalDate;
import java.util.Locale;

/** A measure's milestone as pages and other modules read it. */
public record MilestoneView(Long id, String measureCode, int number, String titleLv, String titleEn,
        LocalDate dueDate) {

    static MilestoneView of(Milestone milestone) {
        return new MilestoneView(milestone.getId(), milestone.getMeasure().getCode(), milestone.getNumber(),
                milestone.getTitleLv(), milestone.getTitleEn(), milestone.getDueDate());
    }

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }
}
