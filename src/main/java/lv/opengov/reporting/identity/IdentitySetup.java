package lv.opengov.reporting.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.plan.PlanChangedEvent;
import lv.opengov.reporting.plan.PlanService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The groups, authorizations and Tasklist filters of the contract, in every profile: the role groups,
 * one group per institution of the plan, what each may open in the web apps, and one shared filter
 * per role. Runs at start-up and after each plan import (a new institution gets its group); creates
 * only what is missing, so it can run any number of times.
 */
@Component
public class IdentitySetup {

    // Tasklist shows a filter's name as it is, in every language: Latvian first, as its users read
    public static final String FILTER_MY_INSTITUTION = "Manas iestādes atskaites / My institution's reports";
    public static final String FILTER_REVIEW_QUEUE = "Izvērtēšanas rinda / Review queue";
    public static final String FILTER_ALL_OPEN = "Visas atvērtās atskaites / All open reports";

    /** The filters' names before they had Latvian ones, by their names now: renamed where found. */
    static final Map<String, String> FORMER_FILTER_NAMES = Map.of(
            FILTER_MY_INSTITUTION, "My institution's reports",
            FILTER_REVIEW_QUEUE, "Review queue",
            FILTER_ALL_OPEN, "All open reports");

    static final String MEASURE_REPORT_PROCESS = "measure-report";
    static final String REPORTING_CYCLE_PROCESS = "reporting-cycle";
    static final String PLAN_REFRESH_PROCESS = "plan-refresh";

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final PlanService planService;
    private final TransactionTemplate transaction;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, PlanService planService,
            PlatformTransactionManager transactionManager) {
        // one transaction for all of it, of its own (it also runs after the plan's import has committed):
        // a plan of 500 institutions gets its groups and grants in one commit rather than thousands
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(
                TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.planService = planService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void onStart() {
        ensureAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onPlanChanged(PlanChangedEvent event) {
        ensureAll();
    }

    public synchronized void ensureAll() {
        transaction.executeWithoutResult(status -> ensureEverything());
    }

    /**
     * What exists already, read at once rather than asked for one group or grant at a time: at start-up
     * on a plan of 500 institutions, a few queries instead of thousands.
     */
    private final class Existing {

        final java.util.Set<String> groups = new java.util.HashSet<>();
        final Map<String, Authorization> grants = new java.util.HashMap<>();
        final Map<String, Filter> filters = new java.util.HashMap<>();

        Existing() {
            identityService.createGroupQuery().list().forEach(g -> groups.add(g.getId()));
            authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).list()
                    .stream().filter(a -> a.getGroupId() != null)
                    .forEach(a -> grants.put(key(a.getGroupId(), a.getResourceType(), a.getResourceId()), a));
            filterService.createFilterQuery().list().forEach(f -> filters.put(f.getName(), f));
        }

        static String key(String groupId, int resourceType, String resourceId) {
            return groupId + "|" + resourceType + "|" + resourceId;
        }
    }

    private Existing existing;

    private void ensureEverything() {
        existing = new Existing();
        try {
            ensureWorkflowGroupsAndInstitutions();
        } finally {
            existing = null;
        }
    }

    private void ensureWorkflowGroupsAndInstitutions() {
        ensureGroup(Groups.COORDINATORS, "Koordinatori / Coordinators", "WORKFLOW");
        ensureGroup(Groups.REVIEWERS, "Izvērtētāji / Reviewers", "WORKFLOW");
        ensureGroup(Groups.BOARD, "Uzraudzības padome / Supervisory board", "WORKFLOW");

        grant(Groups.COORDINATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // coordinators follow every process in Cockpit and retry its failed jobs, and start a
        // reporting cycle or a plan refresh from Tasklist's start forms; they change no process's
        // variables: the processes decide from their own data
        grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB);
        for (String startedByHand : List.of(REPORTING_CYCLE_PROCESS, PLAN_REFRESH_PROCESS)) {
            grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, startedByHand, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        grant(Groups.COORDINATORS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, Permissions.READ,
                ProcessInstancePermissions.RETRY_JOB);
        grant(Groups.COORDINATORS, Resources.TASK, "*", Permissions.READ);
        grant(Groups.COORDINATORS, Resources.DEPLOYMENT, "*", Permissions.READ);

        grant(Groups.REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.REVIEWERS, Resources.PROCESS_DEFINITION, MEASURE_REPORT_PROCESS, Permissions.READ);
        grant(Groups.REVIEWERS, Resources.DEPLOYMENT, "*", Permissions.READ);

        ensureFilter(FILTER_MY_INSTITUTION, "Atskaites, kas jāiesniedz manai iestādei / Reports my institution must submit",
                -10, taskService.createTaskQuery()
                        .processDefinitionKey(MEASURE_REPORT_PROCESS)
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()
                        .orderByDueDate().asc());
        ensureFilter(FILTER_REVIEW_QUEUE, "Iesniegtās atskaites, kas jāizvērtē / Submitted reports to review",
                -5, taskService.createTaskQuery()
                        .processDefinitionKey(MEASURE_REPORT_PROCESS)
                        .taskCandidateGroup(Groups.REVIEWERS)
                        .includeAssignedTasks()
                        .orderByTaskCreateTime().asc());
        ensureFilter(FILTER_ALL_OPEN, "Visas atvērtās atskaites / All open reports", 0,
                taskService.createTaskQuery()
                        .processDefinitionKey(MEASURE_REPORT_PROCESS)
                        .orderByDueDate().asc());
        grantFilter(FILTER_REVIEW_QUEUE, Groups.REVIEWERS);
        grantFilter(FILTER_ALL_OPEN, Groups.COORDINATORS);

        planService.listInstitutions().forEach(this::ensureInstitutionGroup);
    }

    /** The group of one institution, with what its members need to report in Tasklist. */
    private void ensureInstitutionGroup(Institution institution) {
        String groupId = institution.groupId();
        ensureGroup(groupId, institution.getNameLv() + " / " + institution.getNameEn(), institution.getKind().name());
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, MEASURE_REPORT_PROCESS, Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, "*", Permissions.READ);
        grantFilter(FILTER_MY_INSTITUTION, groupId);
    }

    private static Permission[] permissionsOf(Resource resource) {
        return org.camunda.bpm.engine.impl.util.ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType());
    }

    private void ensureGroup(String id, String name, String type) {
        if (!existing.groups.add(id)) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        log.info("Created group {}", id);
    }

    private void ensureFilter(String name, String description, int priority, TaskQuery query) {
        if (existing.filters.containsKey(name)) {
            return;
        }
        // a database set up before: the filter keeps its id, and with it the groups' grants
        Filter former = existing.filters.remove(FORMER_FILTER_NAMES.get(name));
        if (former != null) {
            existing.filters.put(name, filterService.saveFilter(former.setName(name)));
            log.info("Renamed Tasklist filter {} to {}", FORMER_FILTER_NAMES.get(name), name);
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                        "variables", List.of()));
        existing.filters.put(name, filterService.saveFilter(filter));
    }

    private void grantFilter(String filterName, String groupId) {
        Filter filter = existing.filters.get(filterName);
        grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    /**
     * Makes the group's grant on the resource exactly these permissions, creating it if needed: the
     * code is the one source of what each group may do, so a permission taken out here is taken
     * away from an existing database too.
     */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = existing.grants.get(Existing.key(groupId, resource.resourceType(), resourceId));
        boolean missing = authorization == null;
        if (missing) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        java.util.Set<String> wanted = java.util.Arrays.stream(permissions).map(Permission::getName)
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> granted = java.util.Arrays.stream(authorization.getPermissions(permissionsOf(resource)))
                .map(Permission::getName).filter(name -> !"NONE".equals(name))
                .collect(java.util.stream.Collectors.toSet());
        if (missing || !granted.equals(wanted)) {
            authorization.setPermissions(permissions);
            existing.grants.put(Existing.key(groupId, resource.resourceType(), resourceId),
                    authorizationService.saveAuthorization(authorization));
        }
    }
}
