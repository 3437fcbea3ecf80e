package lv.opengov.reporting.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock another person out. Failed logins are
 * counted per client address and account, and per client address over all accounts. After
 * {@code reporting.security.login.failures-per-account} failures a pair is blocked for
 * {@code block-time}, doubling with each further failure up to {@code max-block-time}; an address
 * that fails {@code failures-per-address} times over any accounts is blocked as a whole. A block
 * ends by itself; a success clears the pair. The account's owner, logging in from an address of
 * their own, is never blocked by a stranger's failures (behind a reverse proxy this holds only
 * when the proxy is named in {@code reporting.security.trusted-proxies}: else every client has the
 * proxy's address). The engine's own delay and lock-out, which anyone could trigger by naming an
 * account, are switched off (see application.yaml).
 *
 * <p>Kept in memory on each node and forgotten after {@code forget-after} without a failure, within
 * a bound on the number of entries.
 */
@Component
public class LoginThrottle {

    /** A client address, and an account or {@code *} for the address over all accounts. */
    public record Block(String address, String account, int failures, Instant lastFailure, Instant blockedUntil) {
    }

    private static final String ANY_ACCOUNT = "*";
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Instant lastCleanup = Instant.EPOCH;
    private final Clock clock;
    private final int failuresPerAccount;
    private final int failuresPerAddress;
    private final Duration blockTime;
    private final Duration maxBlockTime;
    private final Duration forgetAfter;

    LoginThrottle(Clock clock,
            @Value("${reporting.security.login.failures-per-account:5}") int failuresPerAccount,
            @Value("${reporting.security.login.failures-per-address:30}") int failuresPerAddress,
            @Value("${reporting.security.login.block-time:PT1M}") Duration blockTime,
            @Value("${reporting.security.login.max-block-time:PT15M}") Duration maxBlockTime,
            @Value("${reporting.security.login.forget-after:PT1H}") Duration forgetAfter) {
        this.clock = clock;
        this.failuresPerAccount = failuresPerAccount;
        this.failuresPerAddress = failuresPerAddress;
        this.blockTime = blockTime;
        this.maxBlockTime = maxBlockTime;
        this.forgetAfter = forgetAfter;
    }

    /** Whether a login of the account from the address may be checked now. */
    public boolean allows(String address, String account) {
        Instant now = clock.instant();
        return !blocked(entries.get(key(address, account)), now) && !blocked(entries.get(key(address, ANY_ACCOUNT)), now);
    }

    /**
     * Counts a login attempt before its password is checked, so that parallel guesses are counted
     * as they come; false, and nothing counted, when the address is blocked for the account or as a
     * whole. A success takes the attempt back ({@link #succeeded}).
     */
    public boolean tryAttempt(String address, String account) {
        Instant now = clock.instant();
        if (blocked(entries.get(key(address, ANY_ACCOUNT)), now)) {
            return false;
        }
        makeRoom(now);
        boolean[] counted = {false};
        entries.compute(key(address, account), (k, e) -> {
            if (blocked(e, now)) {
                return e;
            }
            counted[0] = true;
            return (e == null ? new Entry() : e).fail(now, failuresPerAccount);
        });
        if (counted[0]) {
            entries.compute(key(address, ANY_ACCOUNT),
                    (k, e) -> (e == null ? new Entry() : e).fail(now, failuresPerAddress));
        }
        return counted[0];
    }

    /**
     * Takes back the attempt counted for a login whose password could not be checked (the database did
     * not answer): it was no failure. An entry it alone made is forgotten.
     */
    public void notChecked(String address, String account) {
        entries.computeIfPresent(key(address, account),
                (k, e) -> e.succeeded(failuresPerAccount).failures == 0 ? null : e);
        entries.computeIfPresent(key(address, ANY_ACCOUNT),
                (k, e) -> e.succeeded(failuresPerAddress).failures == 0 ? null : e);
    }

    public void succeeded(String address, String account) {
        entries.remove(key(address, account));
        entries.computeIfPresent(key(address, ANY_ACCOUNT), (k, e) -> e.succeeded(failuresPerAddress));
    }

    /**
     * Keeps the table within its bound: old entries are forgotten, and if that is not enough the
     * oldest unblocked ones, so that counting goes on for new addresses.
     */
    private void makeRoom(Instant now) {
        if (entries.size() < MAX_ENTRIES || now.isBefore(lastCleanup.plusSeconds(10))) {
            return;
        }
        lastCleanup = now;
        forgetOld();
        int excess = entries.size() - MAX_ENTRIES * 9 / 10;
        if (excess > 0) {
            entries.entrySet().stream().filter(e -> !blocked(e.getValue(), now))
                    .sorted(Comparator.comparing(e -> e.getValue().lastFailure)).limit(excess)
                    .map(Map.Entry::getKey).toList().forEach(entries::remove);
        }
    }

    /** Every address and account with failures still remembered, the blocked ones first. */
    public List<Block> list() {
        Instant now = clock.instant();
        List<Block> blocks = new ArrayList<>();
        entries.forEach((key, entry) -> {
            int split = key.indexOf('\n');
            Instant until = blocked(entry, now) ? entry.blockedUntil : null;
            blocks.add(new Block(key.substring(0, split), key.substring(split + 1), entry.failures, entry.lastFailure,
                    until));
        });
        blocks.sort(Comparator.comparing((Block b) -> b.blockedUntil() == null)
                .thenComparing(Block::lastFailure, Comparator.reverseOrder()));
        return blocks;
    }

    /** Lifts the blocks of an address, of an account from every address, or of both together; how many. */
    public int lift(String address, String account) {
        String normalised = account == null ? null : normalise(account);
        int before = entries.size();
        entries.keySet().removeIf(key -> {
            int split = key.indexOf('\n');
            boolean addressMatches = address == null || key.substring(0, split).equals(address);
            boolean accountMatches = normalised == null || key.substring(split + 1).equals(normalised)
                    || (address != null && key.substring(split + 1).equals(ANY_ACCOUNT));
            return addressMatches && accountMatches;
        });
        return before - entries.size();
    }

    @Scheduled(fixedDelayString = "${reporting.security.login.cleanup-interval:PT5M}")
    void forgetOld() {
        Instant horizon = clock.instant().minus(forgetAfter);
        entries.values().removeIf(e -> e.lastFailure.isBefore(horizon)
                && (e.blockedUntil == null || e.blockedUntil.isBefore(clock.instant())));
    }

    private boolean blocked(Entry entry, Instant now) {
        return entry != null && entry.blockedUntil != null && entry.blockedUntil.isAfter(now);
    }

    private static String key(String address, String account) {
        return address + "\n" + (ANY_ACCOUNT.equals(account) ? ANY_ACCOUNT : normalise(account));
    }

    private static String normalise(String account) {
        String trimmed = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
    }

    private final class Entry {
        int failures;
        Instant lastFailure;
        Instant blockedUntil;

        Entry fail(Instant now, int threshold) {
            if (lastFailure != null && lastFailure.isBefore(now.minus(forgetAfter))) {
                failures = 0;
            }
            failures++;
            lastFailure = now;
            if (failures >= threshold) {
                long doublings = Math.min(failures - threshold, 20);
                Duration block = blockTime.multipliedBy(1L << doublings);
                blockedUntil = now.plus(block.compareTo(maxBlockTime) > 0 ? maxBlockTime : block);
            }
            return this;
        }

        /** A success from the address takes one counted attempt back, lifting a block it caused. */
        Entry succeeded(int threshold) {
            failures = Math.max(0, failures - 1);
            if (failures < threshold) {
                blockedUntil = null;
            }
            return this;
        }
    }
}
