package lv.opengov.reporting.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lv.opengov.reporting.common.ServiceZone;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Working days for the engine. Timer dates and durations, and due and follow-up dates of user
 * tasks, may be written as {@code workingdays:N}: N Latvian working days from now, at 09:00 in the
 * service's zone ({@code workingdays:0} is today if it is a working day, else the next one). Everything
 * else keeps Camunda's meaning.
 *
 * <pre>{@code
 * <bpmn:timeDuration>workingdays:5</bpmn:timeDuration>
 * <bpmn:userTask camunda:dueDate="workingdays:10" ... />
 * }</pre>
 */
@Component
class WorkingDayBusinessCalendar extends AbstractProcessEnginePlugin {

    static final String PREFIX = "workingdays:";
    private static final Pattern WORKING_DAYS = Pattern.compile("workingdays:(\\d{1,4})");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    private final LatvianCalendar calendar;
    private final ServiceZone zone;

    WorkingDayBusinessCalendar(LatvianCalendar calendar, ServiceZone zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME, new WorkingDays(new DurationBusinessCalendar()));
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, new WorkingDays(new DueDateBusinessCalendar()));
        manager.addBusinessCalendar("cycle", new org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(manager);
    }

    /** The moment N working days after the given one, at 09:00 in the service's zone. */
    Date workingDaysFrom(Date start, int days) {
        LocalDate today = zone.local(start.toInstant()).toLocalDate();
        LocalDate day = days == 0 ? calendar.onOrAfter(today) : calendar.plusWorkingDays(today, days);
        return Date.from(zone.at(day, NINE));
    }

    /** Answers {@code workingdays:N} itself and hands everything else to Camunda's calendar. */
    private final class WorkingDays implements BusinessCalendar {

        private final BusinessCalendar camunda;

        WorkingDays(BusinessCalendar camunda) {
            this.camunda = camunda;
        }

        @Override
        public Date resolveDuedate(String duedate) {
            return resolve(duedate, ClockUtil.getCurrentTime(), () -> camunda.resolveDuedate(duedate));
        }

        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            return resolve(duedate, startDate, () -> camunda.resolveDuedate(duedate, startDate));
        }

        @Override
        public Date resolveDuedate(String duedate, org.camunda.bpm.engine.task.Task task) {
            return resolve(duedate, ClockUtil.getCurrentTime(), () -> camunda.resolveDuedate(duedate, task));
        }

        private Date resolve(String duedate, Date startDate, java.util.function.Supplier<Date> otherwise) {
            Matcher matcher = duedate == null ? null : WORKING_DAYS.matcher(duedate.trim());
            if (matcher != null && matcher.matches()) {
                return workingDaysFrom(startDate == null ? ClockUtil.getCurrentTime() : startDate,
                        Integer.parseInt(matcher.group(1)));
            }
            return otherwise.get();
        }
    }
}
