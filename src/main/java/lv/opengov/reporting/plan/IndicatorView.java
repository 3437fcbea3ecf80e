package lv.opengov.reporting.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** A measure's indicator as pages and other modules read it; baseline, target and date may be unknown. */
public record IndicatorView(Long id, String measureCode, int number, String titleLv, String titleEn, String unit,
        BigDecimal baseline, BigDecimal target, LocalDate targetDate) {

    static IndicatorView of(Indicator indicator) {
        return new IndicatorView(indicator.getId(), indicator.getMeasure().getCode(), indicator.getNumber(),
                indicator.getTitleLv(), indicator.getTitleEn(), indicator.getUnit(), indicator.getBaseline(),
                indicator.getTarget(), indicator.getTargetDate());
    }

    public String title(Locale locale) {
        return Titles.in(locale, titleLv, titleEn);
    }
}
