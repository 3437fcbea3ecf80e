package lv.opengov.reporting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import lv.opengov.reporting.identity.IdentitySetup;
import lv.opengov.reporting.plan.PlanService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/**
 * Who may call what, through the real servlet stack (the engine's REST API runs in its own servlet,
 * so this test uses a real port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class AccessMatrixTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    PlanService planService;

    @ParameterizedTest(name = "anonymous {0} {1} gets 401")
    @CsvSource({"GET,/api/measures", "GET,/api/outbox", "POST,/api/plan/import", "GET,/api/anything"})
    void anonymousApiCallsGet401WithJson(String method, String path) throws Exception {
        mvc.perform(method.equals("GET") ? get(path) : post(path).contentType("text/csv").content("x"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void wrongPasswordGets401() throws Exception {
        // a user of its own: Camunda delays the next login of a user after a wrong password
        mvc.perform(get("/api/measures").with(httpBasic("vid", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/measures").with(httpBasic("nobody", "nobody"))).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest(name = "{0} on {2} {3} gets {1}")
    @CsvSource({
            "vk,403,GET,/api/outbox",
            "vk,403,POST,/api/plan/import",
            "reviewer,403,GET,/api/outbox",
            "board,403,POST,/api/plan/import",
            "vk,200,GET,/api/measures",
            "coordinator,200,GET,/api/outbox",
            "admin,200,GET,/api/outbox"})
    void rolesGetWhatTheirGroupAllows(String user, int expected, String method, String path) throws Exception {
        var request = method.equals("GET") ? get(path)
                : post(path).contentType("text/csv").content(
                        planCsv());
        mvc.perform(request.with(httpBasic(user, user))).andExpect(status().is(expected));
    }

    private static String planCsv() {
        return "code,commitment,title_lv,title_en,responsible,co_responsible\n1.1,1,,Title,VK,\n";
    }

    @Test
    void forbiddenAnswerIsJsonInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/outbox").header("Accept-Language", "en").with(httpBasic("vk", "vk")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Your account may not do this."));
        mvc.perform(get("/api/outbox").with(httpBasic("vk", "vk")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Jūsu kontam tas nav atļauts."));
    }

    @Test
    void sessionWithoutCsrfTokenCannotChangeData() throws Exception {
        mvc.perform(post("/api/plan/import").contentType("text/csv").content(planCsv())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("coordinator").authorities(
                                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                                "GROUP_coordinators"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void engineRestRequiresAuthentication() {
        ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/task", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> wrong = rest.withBasicAuth("fm", "nope").getForEntity("/engine-rest/task", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> known = rest.withBasicAuth("vk", "vk").getForEntity("/engine-rest/task", String.class);
        assertThat(known.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void engineAuthorizationsAreEnforcedOnTheRestApi() {
        // an institution user may not read the list of users, only an administrator may deploy
        ResponseEntity<String> deployments = rest.withBasicAuth("vk", "vk")
                .getForEntity("/engine-rest/authorization?userIdIn=coordinator", String.class);
        assertThat(deployments.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deployments.getBody()).isEqualTo("[]");
        ResponseEntity<String> delete = rest.withBasicAuth("vk", "vk")
                .exchange("/engine-rest/user/coordinator", HttpMethod.DELETE, null, String.class);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest(name = "{0} sees the Tasklist filter {1}")
    @CsvSource({
            "vk,My institution's reports",
            "varam,My institution's reports",
            "reviewer,Review queue",
            "coordinator,All open reports"})
    void eachRoleSeesItsOwnTasklistFilter(String user, String filter) {
        ResponseEntity<List<Map<String, Object>>> filters = rest.withBasicAuth(user, user).exchange(
                "/engine-rest/filter", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(filters.getBody()).extracting(f -> f.get("name")).containsExactly(filter);
    }

    @Test
    void everyInstitutionHasItsGroupAndDemoUser() {
        ResponseEntity<List<Map<String, Object>>> groups = rest.withBasicAuth("admin", "admin").exchange(
                "/engine-rest/group?member=vk", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(groups.getBody()).extracting(g -> g.get("id")).containsExactly("inst-vk");
        assertThat(planService.listInstitutions()).hasSize(6);
        for (var institution : planService.listInstitutions()) {
            String user = institution.getCode().toLowerCase(java.util.Locale.ROOT);
            ResponseEntity<List<Map<String, Object>>> memberOf = rest.withBasicAuth("admin", "admin").exchange(
                    "/engine-rest/group?member=" + user, HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                    });
            assertThat(memberOf.getBody()).extracting(g -> g.get("id")).containsExactly(institution.groupId());
        }
    }

    @Test
    void modelsAndFormsAreDeployed() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("measure-report").count())
                .isEqualTo(1);
        String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("measure-report")
                .singleResult().getDeploymentId();
        List<String> names = repositoryService.getDeploymentResourceNames(deploymentId);
        for (String resource : List.of("bpmn/measure-report.bpmn", "forms/submit-report.form",
                "forms/review-report.form")) {
            assertThat(names).anySatisfy(name -> assertThat(name).endsWith(resource));
        }
    }

    @Test
    void webAppsSendVisitorsToTheOneLoginAndRefuseTheirOwn() {
        // (the test client follows the redirect)
        ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getBody()).contains("action=\"/login\"").doesNotContain("Camunda Tasklist");
        // Camunda's own password check would pass by the login throttle
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new org.springframework.http.HttpEntity<>("username=vk&password=vk", headers),
                String.class);
        assertThat(login.getStatusCode().value()).isIn(401, 403);
        assertThat(login.getBody()).doesNotContain("\"userId\"");
    }

    @Test
    void healthIsOpen() {
        ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("UP");
    }

    @Test
    void filtersAreCreatedOnlyOnce(@Autowired IdentitySetup identitySetup,
            @Autowired org.camunda.bpm.engine.FilterService filterService) {
        identitySetup.ensureAll();
        identitySetup.ensureAll();
        assertThat(filterService.createFilterQuery().count()).isEqualTo(3);
    }
}
