package lv.opengov.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;
import lv.opengov.reporting.plan.Titles;

/**
 * An indicator of a report's measure with the value the report gives it, and what its small bar chart
 * draws: baseline, current value and target, each as long as its share of the largest of them.
 *
 * @param value null while the institution has given none
 */
public record IndicatorProgress(Long reportId, String measureCode, Long indicatorId, int number, String titleLv,
        String titleEn, String unit, BigDecimal baseline, BigDecimal target, LocalDate targetDate, BigDecimal value,
        String note) {

    /** The width of the chart's longest bar. */
    public static final int CHART_WIDTH = 160;

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }

    /** The width of a bar for the given number (0 for none), the largest of the three filling the chart. */
    public int barWidth(BigDecimal number) {
        BigDecimal max = Stream.of(baseline, value, target).filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        if (number == null || max.signum() == 0) {
            return 0;
        }
        return number.multiply(BigDecimal.valueOf(CHART_WIDTH)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }

    public String baselineText() {
        return shown(baseline);
    }

    public String targetText() {
        return shown(target);
    }

    public String valueText() {
        return shown(value);
    }

    /** A number as shown: without trailing zeros, or a dash for none. */
    public static String shown(BigDecimal number) {
        return number == null ? "–" : number.stripTrailingZeros().toPlainString();
    }
}
