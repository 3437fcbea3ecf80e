package lv.opengov.reporting.benchmark;

import java.time.LocalDate;
import lv.opengov.reporting.cycle.CycleRequest;
import lv.opengov.reporting.cycle.CycleSchedule;
import lv.opengov.reporting.cycle.CycleService;
import lv.opengov.reporting.cycle.ReportingCycle;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmarks do alike with a cycle. */
final class BenchmarkCycles {

    private BenchmarkCycles() {
    }

    /**
     * Starts a cycle over the whole plan, invited today, and fires its invitation's timer now, whatever
     * the time of day: from here the job executor opens the reports and starts their processes.
     */
    static ReportingCycle startAndInvite(ConfigurableApplicationContext context, String name) {
        LocalDate today = context.getBean(CycleSchedule.class).today();
        ReportingCycle cycle = context.getBean(CycleService.class).start(new CycleRequest(name, "2022-01-01",
                "2023-12-31", today.toString(), today.plusDays(30).toString(), today.plusDays(60).toString()),
                "coordinator");
        ManagementService management = context.getBean(ManagementService.class);
        management.executeJob(management.createJobQuery().processInstanceId(cycle.getProcessInstanceId())
                .singleResult().getId());
        return cycle;
    }
}
