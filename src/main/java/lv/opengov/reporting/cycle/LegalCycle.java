package lv.opengov.reporting.cycle;

import java.time.LocalDate;
import java.util.Locale;
import lv.opengov.reporting.plan.Titles;

/**
 * One of the reports that Cabinet order No. 78 asks for ({@code reporting.cycle.legal-cycles}): the
 * period it covers, the legal deadline as the order writes it (before a day off moves it), and the week
 * in which the State Chancellery sends its invitations by default (the week of 8 January).
 *
 * @param key            how a request names it ({@code preset})
 * @param finalReport    the plan's final report, covering the whole plan period
 */
public record LegalCycle(String key, String nameLv, String nameEn, LocalDate periodFrom, LocalDate periodTo,
        LocalDate legalDeadline, LocalDate invitationWeek, boolean finalReport) {

    public String name(Locale locale) {
        return Titles.in(locale, nameLv, nameEn);
    }
}
