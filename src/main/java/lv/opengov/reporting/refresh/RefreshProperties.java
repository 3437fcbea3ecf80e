package lv.opengov.reporting.refresh;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plan refresh's settings ({@code reporting.refresh.*}), each counted in days back from the OGP
 * deadline (a date on a day off moves to the working day before).
 *
 * @param respondDaysBefore  when respond-to-opinions is due
 * @param updateDaysBefore   when update-plan is due
 * @param reminderDaysBefore when the coordinators are reminded of whichever task of the refresh is open;
 *                           on the deadline itself, and after it, they are told it has passed
 */
@ConfigurationProperties("reporting.refresh")
public record RefreshProperties(Integer respondDaysBefore, Integer updateDaysBefore, List<Integer> reminderDaysBefore) {

    public RefreshProperties {
        respondDaysBefore = respondDaysBefore == null || respondDaysBefore < 0 ? 21 : respondDaysBefore;
        updateDaysBefore = updateDaysBefore == null || updateDaysBefore < 0 ? 10 : updateDaysBefore;
        reminderDaysBefore = reminderDaysBefore == null ? List.of(14, 7, 2) : List.copyOf(reminderDaysBefore);
    }
}
