package lv.opengov.reporting.plan;

import java.util.Locale;

/** The plan's titles come in Latvian and English, either possibly missing: the one to show. */
public final class Titles {

    private Titles() {
    }

    /** The title in the reader's language, falling back to the other one where it is missing. */
    public static String in(Locale locale, String titleLv, String titleEn) {
        if ("en".equals(locale.getLanguage())) {
            return titleEn != null ? titleEn : titleLv;
        }
        return titleLv != null ? titleLv : titleEn;
    }
}
