package io.koubei.dashboard.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per account and per client address (koubei.security.login.*): after an account's n-th failure the
 * next attempt waits first-delay × 2^(n−1), at most max-delay; after max-failures sign-in is locked for
 * lock-duration. An address waits the same way once it has failed more than max-failures times (over any accounts),
 * and is locked after address-max-failures. Counts are forgotten lock-duration after the last failure, and a success
 * forgets the account's. Bounded: at most 100,000 accounts and addresses are remembered (the least recent go first).
 */
public final class LoginThrottle {
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant until) {
    }

    private final AccessProperties.Login config;
    private final Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    public LoginThrottle(AccessProperties.Login config, Clock clock) {
        this.config = config;
        this.clock = clock;
        Duration keep = config.getLockDuration().compareTo(config.getMaxDelay()) > 0 ? config.getLockDuration() : config.getMaxDelay();
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(keep).build();
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(keep).build();
    }

    /** Empty when the attempt may check its password; else how long until it may. */
    public Optional<Duration> waitFor(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(until(accounts, account), until(addresses, address));
        return until != null && now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Records a wrong password (or unknown account); returns the account's failures so far. */
    public int failed(String account, String address) {
        if (address != null) {
            // an address (an office behind one NAT) gets as many free failures as one account before it waits
            record(addresses, address, config.getAddressMaxFailures(), config.getMaxFailures() - 1);
        }
        return account == null ? 0 : record(accounts, account, config.getMaxFailures(), 0).count();
    }

    public void succeeded(String account) {
        if (account != null) {
            accounts.invalidate(account);
        }
    }

    /** first-delay × 2^(failures−1), at most max-delay. */
    Duration delay(int failures) {
        Duration d = config.getFirstDelay().multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
        return d.compareTo(config.getMaxDelay()) > 0 || d.isNegative() ? config.getMaxDelay() : d;
    }

    private Failures record(Cache<String, Failures> cache, String key, int max, int free) {
        return cache.asMap().compute(key, (k, f) -> {
            int n = f == null ? 1 : f.count() + 1;
            Duration wait = n >= max ? config.getLockDuration() : n <= free ? Duration.ZERO : delay(n - free);
            return new Failures(n, clock.instant().plus(wait));
        });
    }

    private static Instant until(Cache<String, Failures> cache, String key) {
        Failures f = key == null ? null : cache.getIfPresent(key);
        return f == null ? null : f.until();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
