package lv.opengov.reporting.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every month in the four forms Latvian sentences take, and the one form of English. */
class LatvianDatesTest {

    private static final Locale LATVIAN = Locale.forLanguageTag("lv");

    @ParameterizedTest
    @CsvSource({
            "2027-01-29, 29. janvāris, 29. janvāra, 29. janvārim, 29. janvārī, 29 January 2027",
            "2027-02-01, 1. februāris, 1. februāra, 1. februārim, 1. februārī, 1 February 2027",
            "2027-03-02, 2. marts, 2. marta, 2. martam, 2. martā, 2 March 2027",
            "2027-04-15, 15. aprīlis, 15. aprīļa, 15. aprīlim, 15. aprīlī, 15 April 2027",
            "2027-05-04, 4. maijs, 4. maija, 4. maijam, 4. maijā, 4 May 2027",
            "2027-06-28, 28. jūnijs, 28. jūnija, 28. jūnijam, 28. jūnijā, 28 June 2027",
            "2027-07-10, 10. jūlijs, 10. jūlija, 10. jūlijam, 10. jūlijā, 10 July 2027",
            "2027-08-31, 31. augusts, 31. augusta, 31. augustam, 31. augustā, 31 August 2027",
            "2027-09-01, 1. septembris, 1. septembra, 1. septembrim, 1. septembrī, 1 September 2027",
            "2027-10-05, 5. oktobris, 5. oktobra, 5. oktobrim, 5. oktobrī, 5 October 2027",
            "2027-11-18, 18. novembris, 18. novembra, 18. novembrim, 18. novembrī, 18 November 2027",
            "2027-12-28, 28. decembris, 28. decembra, 28. decembrim, 28. decembrī, 28 December 2027"})
    void eachMonthInEachForm(LocalDate date, String nominative, String genitive, String dative, String locative,
            String english) {
        LatvianDates lv = LatvianDates.in(LATVIAN);
        assertThat(lv.nominative(date)).isEqualTo("2027. gada " + nominative);
        assertThat(lv.from(date)).isEqualTo("2027. gada " + genitive);
        assertThat(lv.until(date)).isEqualTo("2027. gada " + dative);
        assertThat(lv.on(date)).isEqualTo("2027. gada " + locative);
        LatvianDates en = LatvianDates.in(Locale.ENGLISH);
        assertThat(en.nominative(date)).isEqualTo(english);
        assertThat(en.from(date)).isEqualTo(english);
        assertThat(en.until(date)).isEqualTo(english);
        assertThat(en.on(date)).isEqualTo(english);
    }

    @org.junit.jupiter.api.Test
    void noDateIsWrittenAsNothing() {
        assertThat(LatvianDates.until(null, LATVIAN)).isEmpty();
        assertThat(LatvianDates.nominative(null, Locale.ENGLISH)).isEmpty();
    }
}
