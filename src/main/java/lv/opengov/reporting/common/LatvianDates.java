package lv.opengov.reporting.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates written out in a sentence. A Latvian date takes the case its place in the sentence needs,
 * so each text names the form it wants: "termiņš ir 2026. gada 28. decembris" ({@link #nominative}),
 * "no 2026. gada 1. decembra" ({@link #from}), "līdz 2026. gada 28. decembrim" ({@link #until}),
 * "2026. gada 28. decembrī" ({@link #on}). English has one form, "28 December 2026", as written in Europe.
 * The JDK's Latvian formats know the nominative only, hence the month table.
 */
public final class LatvianDates {

    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    /** Each month's name: nominative, genitive, dative, locative. */
    private static final String[][] MONTHS = {
            {"janvāris", "janvāra", "janvārim", "janvārī"},
            {"februāris", "februāra", "februārim", "februārī"},
            {"marts", "marta", "martam", "martā"},
            {"aprīlis", "aprīļa", "aprīlim", "aprīlī"},
            {"maijs", "maija", "maijam", "maijā"},
            {"jūnijs", "jūnija", "jūnijam", "jūnijā"},
            {"jūlijs", "jūlija", "jūlijam", "jūlijā"},
            {"augusts", "augusta", "augustam", "augustā"},
            {"septembris", "septembra", "septembrim", "septembrī"},
            {"oktobris", "oktobra", "oktobrim", "oktobrī"},
            {"novembris", "novembra", "novembrim", "novembrī"},
            {"decembris", "decembra", "decembrim", "decembrī"}};

    private static final int NOMINATIVE = 0;
    private static final int GENITIVE = 1;
    private static final int DATIVE = 2;
    private static final int LOCATIVE = 3;

    private final Locale locale;

    private LatvianDates(Locale locale) {
        this.locale = locale;
    }

    /** The forms in one language, for a template's model: {@code ${dates.until(cycle.submissionDeadline)}}. */
    public static LatvianDates in(Locale locale) {
        return new LatvianDates(locale);
    }

    /** The date as subject or after "ir": "2026. gada 28. decembris". */
    public String nominative(LocalDate date) {
        return nominative(date, locale);
    }

    /** The date after "no" (from): "2026. gada 28. decembra". */
    public String from(LocalDate date) {
        return from(date, locale);
    }

    /** The date after "līdz" (by, until): "2026. gada 28. decembrim". */
    public String until(LocalDate date) {
        return until(date, locale);
    }

    /** The date on which something happens: "2026. gada 28. decembrī". */
    public String on(LocalDate date) {
        return on(date, locale);
    }

    public static String nominative(LocalDate date, Locale locale) {
        return format(date, locale, NOMINATIVE);
    }

    public static String from(LocalDate date, Locale locale) {
        return format(date, locale, GENITIVE);
    }

    public static String until(LocalDate date, Locale locale) {
        return format(date, locale, DATIVE);
    }

    public static String on(LocalDate date, Locale locale) {
        return format(date, locale, LOCATIVE);
    }

    /** No date is written as nothing, so that a text with an optional date needs no condition. */
    private static String format(LocalDate date, Locale locale, int form) {
        if (date == null) {
            return "";
        }
        if (!"lv".equals(locale.getLanguage())) {
            return ENGLISH.format(date);
        }
        return date.getYear() + ". gada " + date.getDayOfMonth() + ". " + MONTHS[date.getMonthValue() - 1][form];
    }
}
