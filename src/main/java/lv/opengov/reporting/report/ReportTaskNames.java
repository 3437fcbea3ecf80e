package lv.opengov.reporting.report;

import java.util.Locale;

/** How report tasks are named in Tasklist, so that a list of twenty of them can be told apart. */
public final class ReportTaskNames {

    private static final Locale LATVIAN = Locale.forLanguageTag("lv");

    private ReportTaskNames() {
    }

    public static String submitName(ReportRow row) {
        return fit("Atskaite / Report: " + row.measureCode() + " " + row.title(LATVIAN));
    }

    public static String reviewName(ReportRow row) {
        return fit("Izvērtēt / Review: " + row.measureCode() + " " + row.title(LATVIAN));
    }

    /** A contribute-report task: its measure and, in brackets, the institution whose report it feeds. */
    public static String contributionName(ContributionRow row) {
        return fit("Ieguldījums / Contribution: " + row.measureCode() + " " + row.title(LATVIAN) + " (" + row.lead() + ")");
    }

    private static String fit(String name) {
        return name.length() > 250 ? name.substring(0, 249) + "…" : name;
    }
}
