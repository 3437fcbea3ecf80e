package lv.opengov.reporting.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lv.opengov.reporting.support.StandaloneApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile: no demo users, and the administrator's password from the environment. */
class ProductionProfileTest {

    /** Starts the application in a profile other than demo, with its own in-memory database. */
    private static ConfigurableApplicationContext start(String... extra) {
        String[] production = {"--spring.profiles.active=production",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"};
        List<String> args = new ArrayList<>(List.of(production));
        args.addAll(List.of(extra));
        return StandaloneApplication.start(args.toArray(String[]::new));
    }

    @Test
    void startUpStopsWithoutTheAdministratorPassword() {
        assertThatThrownBy(() -> start().close())
                .isInstanceOf(AdminPasswordCheck.InsecureAdminPasswordException.class);
    }

    @Test
    void noDemoUserExistsAndTheAdministratorUsesThePasswordGiven() throws Exception {
        try (ConfigurableApplicationContext context = start("--REPORTING_ADMIN_PASSWORD=Rīga-Daugavpils-1201")) {
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("admin");
            assertThat(identity.checkPassword("admin", "Rīga-Daugavpils-1201")).isTrue();
            assertThat(identity.checkPassword("admin", "admin")).isFalse();
            // the groups of the contract exist all the same, ready for real users
            assertThat(identity.createGroupQuery().groupId("inst-vk").count()).isEqualTo(1);
            assertThat(identity.createGroupQuery().groupId("coordinators").count()).isEqualTo(1);

            // outside the demo, the session cookie goes over HTTPS only
            int port = ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer()
                    .getPort();
            var login = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                    .singleElement().satisfies(cookie -> assertThat(cookie).contains("; Secure").contains("; HttpOnly")
                            .contains("SameSite=Lax"));

            // and the demo's rehearsal does not exist: the clock is the system's, and no route moves it
            assertThat(context.getBean(java.time.Clock.class))
                    .isNotInstanceOf(lv.opengov.reporting.common.MovableClock.class);
            assertThat(context.getBeanNamesForType(lv.opengov.reporting.cycle.Rehearsal.class)).isEmpty();
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "admin:Rīga-Daugavpils-1201".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String method : List.of("GET", "POST")) {
                var clock = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/demo/clock"))
                        .header("Authorization", basic).header("Content-Type", "application/json")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(
                                method.equals("GET") ? "" : "{\"by\":\"P1D\"}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                assertThat(clock.statusCode()).as("%s /api/demo/clock outside the demo", method).isEqualTo(404);
            }
        }
    }
}
