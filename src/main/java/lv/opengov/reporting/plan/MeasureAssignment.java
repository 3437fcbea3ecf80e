package lv.opengov.reporting.plan;

import java.util.Locale;

/** A measure newly given to an institution by an import, as responsible or co-responsible. */
public record MeasureAssignment(String code, String titleLv, String titleEn, boolean responsible) {

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }
}
