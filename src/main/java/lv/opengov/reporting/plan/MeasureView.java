package lv.opengov.reporting.plan;

import java.util.List;
import java.util.Locale;

/**
 * A measure as the API lists it: who is responsible, who is co-responsible and which other
 * implementers take part (by code).
 */
public record MeasureView(String code, int commitment, String titleLv, String titleEn, String responsible,
        List<String> coResponsible, List<String> implementers) {

    static MeasureView of(Measure measure) {
        return new MeasureView(measure.getCode(), measure.getCommitment().getNumber(), measure.getTitleLv(),
                measure.getTitleEn(), measure.getResponsible().getCode(),
                measure.coResponsibleByCode().stream().map(Institution::getCode).toList(),
                measure.implementersByCode().stream().map(Institution::getCode).toList());
    }

    /** Everyone who contributes to the responsible institution's report: co-responsible, then other implementers. */
    public List<String> contributors() {
        List<String> all = new java.util.ArrayList<>(coResponsible);
        all.addAll(implementers);
        return all;
    }

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }
}
