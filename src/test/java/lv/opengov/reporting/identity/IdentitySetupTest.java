package lv.opengov.reporting.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import lv.opengov.reporting.support.ReportingTest;

/** The code is the one source of each group's permissions: what it no longer grants is taken away. */
@ReportingTest
class IdentitySetupTest {

    @Autowired
    IdentitySetup identitySetup;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Test
    void whatAnOlderVersionGrantedAndTheCodeNoLongerDoesIsTakenAway() {
        Authorization instances = grantOf(Resources.PROCESS_INSTANCE, "*");
        instances.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(instances);
        assertThat(authorizations.isUserAuthorized("coordinator", java.util.List.of(Groups.COORDINATORS),
                Permissions.UPDATE, Resources.PROCESS_INSTANCE, "any")).isTrue();

        identitySetup.ensureAll();

        assertThat(authorizations.isUserAuthorized("coordinator", java.util.List.of(Groups.COORDINATORS),
                Permissions.UPDATE, Resources.PROCESS_INSTANCE, "any")).isFalse();
    }

    @Test
    void coordinatorsMayFollowProcessesAndStartACycleButNotChangeThem() {
        assertThat(authorizations.isUserAuthorized("coordinator", java.util.List.of(Groups.COORDINATORS),
                Permissions.READ, Resources.PROCESS_INSTANCE, "any")).isTrue();
        assertThat(authorizations.isUserAuthorized("coordinator", java.util.List.of(Groups.COORDINATORS),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "reporting-cycle")).isTrue();
        assertThat(authorizations.isUserAuthorized("coordinator", java.util.List.of(Groups.COORDINATORS),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "measure-report")).isFalse();
        assertThat(authorizations.isUserAuthorized("coordinator", java.util.List.of(Groups.COORDINATORS),
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, Resources.PROCESS_DEFINITION, "plan-refresh"))
                .isFalse();
    }

    @Test
    void aFilterOfAnExistingDatabaseIsRenamedToItsLatvianNameNotMadeAgain() {
        Filter filter = filters.createFilterQuery().filterName(IdentitySetup.FILTER_MY_INSTITUTION).singleResult();
        filters.saveFilter(filter.setName("My institution's reports"));

        identitySetup.ensureAll();

        assertThat(filters.createFilterQuery().filterName("My institution's reports").count()).isZero();
        assertThat(filters.createFilterQuery().filterName(IdentitySetup.FILTER_MY_INSTITUTION).list())
                .extracting(Filter::getId).containsExactly(filter.getId());
        // its grants stay with it: an institution's users still find it
        assertThat(authorizations.isUserAuthorized("vk", java.util.List.of("inst-vk"), Permissions.READ,
                Resources.FILTER, filter.getId())).isTrue();
    }

    @Test
    void tasklistFiltersCarryLatvianNamesBesideTheEnglish() {
        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName).contains(
                "Manas iestādes atskaites / My institution's reports", "Izvērtēšanas rinda / Review queue",
                "Visas atvērtās atskaites / All open reports");
    }

    private Authorization grantOf(Resources resource, String id) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(Groups.COORDINATORS).resourceType(resource).resourceId(id).singleResult();
    }
}
