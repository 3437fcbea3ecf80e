package lv.opengov.reporting.plan;

import java.util.List;
import java.util.Locale;

/** A measure as the API lists it. */
public record MeasureView(String code, int commitment, String titleLv, String titleEn, String responsible,
        List<String> coResponsible) {

    static MeasureView of(Measure measure) {
        return new MeasureView(measure.getCode(), measure.getCommitment().getNumber(), measure.getTitleLv(),
                measure.getTitleEn(), measure.getResponsible().getCode(),
                measure.coResponsibleByCode().stream().map(Institution::getCode).toList());
    }

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }
}
