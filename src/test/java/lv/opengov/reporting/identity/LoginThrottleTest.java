package lv.opengov.reporting.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import lv.opengov.reporting.support.TestClock;

/**
 * Wrong passwords slow down whoever sends them, never the account's owner elsewhere: failures are
 * counted per client address and account, a block ends by itself, an administrator sees and lifts
 * it, and behind a trusted proxy the client is the one the proxy names.
 */
@SpringBootTest(properties = {"reporting.security.trusted-proxies=127.0.0.1/32",
        "reporting.security.login.failures-per-account=5", "reporting.security.login.failures-per-address=30"})
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import(LoginThrottleTest.Clock.class)
class LoginThrottleTest {

    @org.springframework.boot.test.context.TestConfiguration
    static class Clock {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    private static final String ATTACKER = "198.51.100.7";
    private static final String OWNER = "203.0.113.20";

    @Autowired
    MockMvc mvc;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    IdentityService identityService;

    @Autowired
    TestClock clock;

    @BeforeEach
    void clean() {
        throttle.lift(ATTACKER, null);
        throttle.lift(OWNER, null);
        throttle.lift("127.0.0.1", null);
    }

    @Test
    void aStrangersWrongPasswordsBlockOnlyTheStranger() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(as(ATTACKER, "tm", "guess" + i)).andExpect(status().isUnauthorized());
        }
        // now even the right password is not checked from the attacker's address
        mvc.perform(as(ATTACKER, "tm", "tm").header("Accept-Language", "en")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Too many failed logins")));
        // the owner, elsewhere, logs in as always
        mvc.perform(as(OWNER, "tm", "tm")).andExpect(status().isOk());
        // and the engine locked nothing: eleven more failures leave the account usable
        for (int i = 0; i < 11; i++) {
            identityService.checkPassword("tm", "wrong");
        }
        assertThat(identityService.checkPassword("tm", "tm")).isTrue();
        assertThat(identityService.createUserQuery().userId("tm").singleResult()).isNotNull();
    }

    @Test
    void aBlockEndsByItself() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(as(ATTACKER, "fm", "guess" + i)).andExpect(status().isUnauthorized());
        }
        mvc.perform(as(ATTACKER, "fm", "fm")).andExpect(status().isUnauthorized());
        clock.moveTo(clock.instant().plus(Duration.ofMinutes(2)));
        mvc.perform(as(ATTACKER, "fm", "fm")).andExpect(status().isOk());
    }

    @Test
    void anAdministratorSeesAndLiftsABlock() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(as(ATTACKER, "vid", "guess" + i)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/security/login-blocks").with(httpBasic("admin", "admin")).with(from(OWNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.address == '" + ATTACKER + "' && @.account == 'vid')].blockedUntil")
                        .isNotEmpty());
        mvc.perform(get("/api/security/login-blocks").with(httpBasic("coordinator", "coordinator")).with(from(OWNER)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/security/login-blocks").with(httpBasic("admin", "admin")).with(from(OWNER)))
                .andExpect(status().isBadRequest());
        mvc.perform(delete("/api/security/login-blocks").param("account", "vid")
                        .with(httpBasic("admin", "admin")).with(from(OWNER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lifted").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(as(ATTACKER, "vid", "vid")).andExpect(status().isOk());
    }

    @Test
    void manyAccountsFromOneAddressBlockTheAddress() throws Exception {
        for (int i = 0; i < 30; i++) {
            mvc.perform(as(ATTACKER, "nobody" + i, "x")).andExpect(status().isUnauthorized());
        }
        mvc.perform(as(ATTACKER, "varam", "varam")).andExpect(status().isUnauthorized());
        mvc.perform(as(OWNER, "varam", "varam")).andExpect(status().isOk());
    }

    @Test
    void theClientIsTakenFromTheProxyOnlyWhenTheProxyIsTrusted() throws Exception {
        // through the trusted proxy (127.0.0.1 here): the forwarded address is the client
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/measures").with(httpBasic("vas", "guess" + i))
                    .header("X-Forwarded-For", "192.0.2.1, " + ATTACKER)).andExpect(status().isUnauthorized());
        }
        assertThat(throttle.allows(ATTACKER, "vas")).isFalse();
        assertThat(throttle.allows("192.0.2.1", "vas")).isTrue();
        assertThat(throttle.allows("127.0.0.1", "vas")).isTrue();
        // a client that is no proxy cannot name another address to spread its guesses
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/measures").with(httpBasic("vk", "guess" + i)).with(from(OWNER))
                    .header("X-Forwarded-For", "192.0.2." + (10 + i))).andExpect(status().isUnauthorized());
        }
        assertThat(throttle.allows(OWNER, "vk")).isFalse();
        throttle.lift(OWNER, null);
    }

    private static MockHttpServletRequestBuilder as(String address, String user, String password) {
        return get("/api/measures").with(httpBasic(user, password)).with(from(address));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
