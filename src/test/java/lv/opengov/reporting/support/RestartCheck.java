package lv.opengov.reporting.support;

import java.util.List;
import java.util.Map;
import lv.opengov.reporting.plan.PlanService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts the whole application on a given database and records what the first start put there. */
public final class RestartCheck {

    private RestartCheck() {
    }

    /** What a start leaves in the database, in a form that compares with equals. */
    public record Snapshot(List<?> measures, List<Map<String, Object>> institutions, Object funding,
            Long mails, List<String> users, List<String> groups, Long filters, Long authorizations,
            Long deployments) {
    }

    /** Starts the application ({@link StandaloneApplication}) with the given arguments and takes its snapshot. */
    public static Snapshot startAndSnapshot(String... args) {
        try (ConfigurableApplicationContext context = StandaloneApplication.start(args)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            return new Snapshot(
                    context.getBean(PlanService.class).listMeasures(),
                    jdbc.queryForList("select * from institution order by code"),
                    jdbc.queryForObject("select sum(amount_eur) from funding_line", java.math.BigDecimal.class)
                            .stripTrailingZeros(),
                    jdbc.queryForObject("select count(*) from mail_message", Long.class),
                    engine.getIdentityService().createUserQuery().orderByUserId().asc().list().stream()
                            .map(User::getId).toList(),
                    engine.getIdentityService().createGroupQuery().orderByGroupId().asc().list().stream()
                            .map(Group::getId).toList(),
                    engine.getFilterService().createFilterQuery().count(),
                    engine.getAuthorizationService().createAuthorizationQuery().count(),
                    engine.getRepositoryService().createDeploymentQuery().count());
        }
    }
}
