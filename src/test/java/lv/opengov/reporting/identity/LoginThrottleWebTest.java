package lv.opengov.reporting.identity;

import static lv.opengov.reporting.support.ClientAddresses.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import lv.opengov.reporting.support.ReportingTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The throttle at the door: a blocked client is refused even with the right password and told why,
 * an administrator sees and lifts blocks, and behind the trusted proxy (203.0.113.254 in the test
 * configuration) the client is the one the proxy names.
 */
@ReportingTest
class LoginThrottleWebTest {

    private static final String ATTACKER = "198.51.100.7";
    private static final String OWNER = "203.0.113.20";
    private static final String PROXY = "203.0.113.254";

    @Autowired
    MockMvc mvc;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    IdentityService identityService;

    @AfterEach
    void liftBlocks() {
        for (String address : new String[] {ATTACKER, OWNER, PROXY, "192.0.2.1"}) {
            throttle.lift(address, null);
        }
    }

    private void guessFiveTimes(String address, String account) throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(as(address, account, "guess" + i)).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void aBlockedClientIsRefusedEvenWithTheRightPasswordAndToldWhy() throws Exception {
        guessFiveTimes(ATTACKER, "tm");
        mvc.perform(as(ATTACKER, "tm", "tm").header("Accept-Language", "en")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(containsString("Too many failed logins")));
    }

    @Test
    void theOwnerLogsInFromElsewhereWhileAStrangerIsBlocked() throws Exception {
        guessFiveTimes(ATTACKER, "tm");
        mvc.perform(as(OWNER, "tm", "tm")).andExpect(status().isOk());
    }

    @Test
    void theEngineLocksNoAccountAfterWrongPasswords() {
        for (int i = 0; i < 11; i++) {
            assertThat(identityService.checkPassword("tm", "wrong")).isFalse();
        }
        assertThat(identityService.checkPassword("tm", "tm")).isTrue();
    }

    @Test
    void anAdministratorSeesTheBlocks() throws Exception {
        guessFiveTimes(ATTACKER, "vid");
        mvc.perform(get("/api/security/login-blocks").with(httpBasic("admin", "admin")).with(from(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.address == '" + ATTACKER + "' && @.account == 'vid')].blockedUntil")
                        .isNotEmpty());
    }

    @Test
    void coordinatorsMayNotSeeTheBlocks() throws Exception {
        mvc.perform(get("/api/security/login-blocks").with(httpBasic("coordinator", "coordinator")).with(from(OWNER)))
                .andExpect(status().isForbidden());
    }

    @Test
    void liftingNeedsAnAddressOrAnAccount() throws Exception {
        mvc.perform(delete("/api/security/login-blocks").with(httpBasic("admin", "admin")).with(from(OWNER)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anAdministratorLiftsABlock() throws Exception {
        guessFiveTimes(ATTACKER, "vid");
        mvc.perform(delete("/api/security/login-blocks").param("account", "vid")
                        .with(httpBasic("admin", "admin")).with(from(OWNER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lifted").value(greaterThan(0)));
        mvc.perform(as(ATTACKER, "vid", "vid")).andExpect(status().isOk());
    }

    @Test
    void behindTheTrustedProxyTheForwardedClientIsCounted() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/measures").with(httpBasic("vas", "guess" + i)).with(from(PROXY))
                    .header("X-Forwarded-For", "192.0.2.1, " + ATTACKER)).andExpect(status().isUnauthorized());
        }
        assertThat(throttle.allows(ATTACKER, "vas")).isFalse();
        assertThat(throttle.allows("192.0.2.1", "vas")).isTrue();
        assertThat(throttle.allows(PROXY, "vas")).isTrue();
    }

    @Test
    void aClientThatIsNoProxyCannotNameAnotherAddressToSpreadItsGuesses() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/measures").with(httpBasic("vk", "guess" + i)).with(from(OWNER))
                    .header("X-Forwarded-For", "192.0.2." + (10 + i))).andExpect(status().isUnauthorized());
        }
        assertThat(throttle.allows(OWNER, "vk")).isFalse();
    }

    private static MockHttpServletRequestBuilder as(String address, String user, String password) {
        return get("/api/measures").with(httpBasic(user, password)).with(from(address));
    }
}
