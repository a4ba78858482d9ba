package io.koubei.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: doubling delays, the lock, per account and per address. */
class LoginThrottleTest {
    static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static AccessProperties.Login config() {
        AccessProperties.Login c = new AccessProperties.Login();
        c.setFirstDelay(Duration.ofSeconds(1));
        c.setMaxDelay(Duration.ofSeconds(30));
        c.setMaxFailures(8);
        c.setAddressMaxFailures(20);
        c.setLockDuration(Duration.ofMinutes(15));
        return c;
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheMaximumThenLocks() {
        Manual clock = new Manual();
        LoginThrottle t = new LoginThrottle(config(), clock);
        assertThat(t.waitFor("ana", "10.0.0.1")).isEmpty();
        long[] expected = {1, 2, 4, 8, 16, 30, 30};
        for (long seconds : expected) {
            t.failed("ana", "10.0.0.1");
            assertThat(t.waitFor("ana", "10.0.0.9")).contains(Duration.ofSeconds(seconds));
            clock.now = clock.now.plusSeconds(seconds);
            assertThat(t.waitFor("ana", "10.0.0.9")).isEmpty();
        }
        t.failed("ana", "10.0.0.1"); // the 8th
        assertThat(t.waitFor("ana", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(t.waitFor("ben", "10.0.0.9")).as("other accounts from other addresses").isEmpty();
    }

    @Test
    void aSuccessForgetsTheAccountsFailures() {
        Manual clock = new Manual();
        LoginThrottle t = new LoginThrottle(config(), clock);
        for (int i = 0; i < 5; i++) {
            t.failed("ana", "10.0.0.1");
            clock.now = clock.now.plusSeconds(60);
        }
        t.succeeded("ana");
        t.failed("ana", "10.0.0.1");
        assertThat(t.waitFor("ana", "10.0.0.2")).contains(Duration.ofSeconds(1));
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedOut() {
        Manual clock = new Manual();
        LoginThrottle t = new LoginThrottle(config(), clock);
        for (int i = 0; i < 19; i++) {
            t.failed("user" + i, "10.0.0.66");
            if (i < 7) {
                assertThat(t.waitFor("someone-else", "10.0.0.66")).as("an office's few typos cost nothing").isEmpty();
            }
            clock.now = clock.now.plusSeconds(60);
        }
        t.failed("user19", "10.0.0.66");
        assertThat(t.waitFor("someone-else", "10.0.0.66")).contains(Duration.ofMinutes(15));
        assertThat(t.waitFor("someone-else", "10.0.0.7")).isEmpty();
    }
}
