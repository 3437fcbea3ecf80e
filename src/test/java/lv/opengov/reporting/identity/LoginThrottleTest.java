package lv.opengov.reporting.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lv.opengov.reporting.support.TestClock;
import org.junit.jupiter.api.Test;

/**
 * How the throttle counts, without Spring and with the production thresholds: five failures per
 * client address and account, thirty per address over all accounts, blocks of a minute that double
 * up to fifteen, failures forgotten after an hour.
 */
class LoginThrottleTest {

    private static final String ATTACKER = "198.51.100.7";
    private static final String OWNER = "203.0.113.20";

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 30, Duration.ofMinutes(1),
            Duration.ofMinutes(15), Duration.ofHours(1));

    private void fail(String address, String account, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.tryAttempt(address, account)).as("attempt %d is counted", i + 1).isTrue();
        }
    }

    private void wait(Duration duration) {
        clock.moveTo(clock.instant().plus(duration));
    }

    @Test
    void fourFailuresBlockNothing() {
        fail(ATTACKER, "tm", 4);
        assertThat(throttle.allows(ATTACKER, "tm")).isTrue();
    }

    @Test
    void theFifthFailureBlocksTheAccountFromThatAddress() {
        fail(ATTACKER, "tm", 5);
        assertThat(throttle.allows(ATTACKER, "tm")).isFalse();
        assertThat(throttle.tryAttempt(ATTACKER, "tm")).as("an attempt while blocked").isFalse();
    }

    @Test
    void aStrangersFailuresNeverBlockTheOwnerElsewhere() {
        fail(ATTACKER, "tm", 5);
        assertThat(throttle.allows(OWNER, "tm")).isTrue();
    }

    @Test
    void aBlockEndsByItself() {
        fail(ATTACKER, "fm", 5);
        wait(Duration.ofSeconds(59));
        assertThat(throttle.allows(ATTACKER, "fm")).isFalse();
        wait(Duration.ofSeconds(2));
        assertThat(throttle.allows(ATTACKER, "fm")).isTrue();
    }

    @Test
    void eachFailureAfterABlockDoublesTheNextBlock() {
        fail(ATTACKER, "fm", 5);
        wait(Duration.ofSeconds(61));
        fail(ATTACKER, "fm", 1);
        wait(Duration.ofSeconds(110));
        assertThat(throttle.allows(ATTACKER, "fm")).isFalse();
        wait(Duration.ofSeconds(11));
        assertThat(throttle.allows(ATTACKER, "fm")).isTrue();
    }

    @Test
    void attemptsWhosePasswordCouldNotBeCheckedCountForNothing() {
        fail(OWNER, "vk", 2);
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryAttempt(OWNER, "vk")).isTrue();
            throttle.notChecked(OWNER, "vk");
        }
        assertThat(throttle.allows(OWNER, "vk")).isTrue();
        assertThat(throttle.list()).extracting(LoginThrottle.Block::failures).containsOnly(2);
        fail(OWNER, "vk", 3);
        assertThat(throttle.allows(OWNER, "vk")).as("the real failures still count").isFalse();

        assertThat(throttle.tryAttempt(OWNER, "fm")).isTrue();
        throttle.notChecked(OWNER, "fm");
        assertThat(throttle.list()).extracting(LoginThrottle.Block::account).doesNotContain("fm");
    }

    @Test
    void aSuccessTakesItsAttemptBackAndClearsTheAccountsFailures() {
        fail(ATTACKER, "vid", 4);
        assertThat(throttle.tryAttempt(ATTACKER, "vid")).isTrue();
        throttle.succeeded(ATTACKER, "vid");
        fail(ATTACKER, "vid", 4);
        assertThat(throttle.allows(ATTACKER, "vid")).isTrue();
    }

    @Test
    void manyAccountsFromOneAddressBlockTheAddressForEveryAccount() {
        for (int i = 0; i < 30; i++) {
            fail(ATTACKER, "nobody" + i, 1);
        }
        assertThat(throttle.allows(ATTACKER, "varam")).isFalse();
        assertThat(throttle.allows(OWNER, "varam")).isTrue();
    }

    @Test
    void accountsAreCountedWhateverTheirCase() {
        fail(ATTACKER, "TM", 3);
        fail(ATTACKER, " tm ", 2);
        assertThat(throttle.allows(ATTACKER, "tm")).isFalse();
    }

    @Test
    void blocksAreListedBeforeFailuresBelowTheThreshold() {
        fail(OWNER, "vk", 1);
        fail(ATTACKER, "vid", 5);
        assertThat(throttle.list()).first().satisfies(block -> {
            assertThat(block.address()).isEqualTo(ATTACKER);
            assertThat(block.account()).isEqualTo("vid");
            assertThat(block.blockedUntil()).isAfter(clock.instant());
        });
    }

    @Test
    void liftingAnAccountEndsItsBlocksFromEveryAddress() {
        fail(ATTACKER, "vid", 5);
        fail(OWNER, "vid", 5);
        assertThat(throttle.lift(null, "vid")).isEqualTo(2);
        assertThat(throttle.allows(ATTACKER, "vid")).isTrue();
        assertThat(throttle.allows(OWNER, "vid")).isTrue();
    }

    @Test
    void failuresAreForgottenAfterAnHour() {
        fail(ATTACKER, "vas", 4);
        wait(Duration.ofMinutes(61));
        throttle.forgetOld();
        assertThat(throttle.list()).isEmpty();
    }
}
