package lv.opengov.reporting.calendar;

import java.time.LocalDate;

/**
 * A day on which no one works, and why, in both languages.
 *
 * @param kind HOLIDAY (public holiday by law), SHIFTED (a holiday that fell on a weekend, moved to
 *             this day), FESTIVAL, AD_HOC_HOLIDAY, TRANSFERRED_DAY_OFF
 */
public record DayOff(LocalDate date, String kind, String reasonLv, String reasonEn) {

    public String reason(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? reasonEn : reasonLv;
    }
}
