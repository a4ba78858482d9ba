package io.koubei.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.dashboard.settings.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserDirectoryTest {
    @TempDir
    Path dir;
    final PasswordEncoder encoder = UserAccounts.encoder();

    UserDirectory directory() {
        return new UserDirectory(List.of(User.withUsername("boss").password(encoder.encode("boss-pw-1")).roles("ADMIN").build()),
                dir, encoder);
    }

    private static String key(Throwable e) {
        return ((Problem.Rejected) e).problems().get(0).key();
    }

    @Test
    void createdUsersSignInWithBcryptAndSurviveARestart() throws Exception {
        UserDirectory users = directory();
        String generated = users.create("wang", Role.ANALYST, "", "boss");
        assertThat(generated).hasSizeGreaterThanOrEqualTo(12);
        assertThat(encoder.matches(generated, users.loadUserByUsername("wang").getPassword())).isTrue();
        String onDisk = io.koubei.dashboard.StateOnDisk.text(dir, "users"); // the embedded state: snapshot and journal
        assertThat(onDisk).doesNotContain(generated).contains("{bcrypt}");
        UserDirectory again = directory();
        assertThat(again.find("wang")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ANALYST));
        String reset = again.resetPassword("wang", "boss");
        assertThat(encoder.matches(reset, again.loadUserByUsername("wang").getPassword())).isTrue();
        assertThat(encoder.matches(generated, again.loadUserByUsername("wang").getPassword())).isFalse();
    }

    /** Issue 19: users live in the shared state; a users.json of an older version is moved in once. */
    @Test
    void aUsersFileOfAnOlderVersionIsMovedIntoTheStateStore() throws Exception {
        Files.createDirectories(dir.resolve("settings"));
        Files.writeString(dir.resolve("settings/users.json"), "[{\"name\":\"li\",\"role\":\"VIEWER\",\"enabled\":true,"
                + "\"password\":\"" + encoder.encode("li-pw-12345") + "\",\"changedAt\":\"2026-11-01T00:00:00Z\",\"changedBy\":\"boss\"}]");
        UserDirectory users = directory();
        assertThat(users.find("li")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.VIEWER));
        assertThat(encoder.matches("li-pw-12345", users.loadUserByUsername("li").getPassword())).isTrue();
        assertThat(dir.resolve("settings/users.json")).doesNotExist();
        assertThat(dir.resolve("settings/users.json.migrated")).exists();
        assertThat(directory().find("li")).as("still there after a restart").isPresent();
    }

    @Test
    void badInputAndLockOutsAreRefused() {
        UserDirectory users = directory();
        assertThatThrownBy(() -> users.create("x", Role.VIEWER, "", "boss")).satisfies(e -> assertThat(key(e)).isEqualTo("settings.error.userName"));
        assertThatThrownBy(() -> users.create("boss", Role.VIEWER, "", "boss")).satisfies(e -> assertThat(key(e)).isEqualTo("settings.error.userExists"));
        assertThatThrownBy(() -> users.create("li", Role.VIEWER, "short", "boss")).satisfies(e -> assertThat(key(e)).isEqualTo("settings.error.password"));
        assertThatThrownBy(() -> users.create("li", Role.INGEST, "", "boss")).satisfies(e -> assertThat(key(e)).isEqualTo("settings.error.role"));
        assertThatThrownBy(() -> users.setEnabled("boss", false, "zhao")).satisfies(e -> assertThat(key(e)).isEqualTo("settings.error.userConfigured"));
        users.create("zhao", Role.ADMIN, "zhao-pw-123", "boss");
        assertThatThrownBy(() -> users.setRole("zhao", Role.VIEWER, "zhao")).satisfies(e -> assertThat(key(e)).isEqualTo("settings.error.self"));
        users.setRole("zhao", Role.VIEWER, "boss");
        users.setEnabled("zhao", false, "boss");
        assertThat(users.loadUserByUsername("zhao").isEnabled()).isFalse();
        assertThatThrownBy(() -> users.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void theLastEnabledAdminStays() {
        UserDirectory users = new UserDirectory(List.of(), dir, encoder);
        users.create("solo", Role.ADMIN, "solo-pw-123", "setup");
        users.create("other", Role.ANALYST, "other-pw-12", "setup");
        assertThatThrownBy(() -> users.setEnabled("solo", false, "other")).satisfies(e -> assertThat(key(e)).isEqualTo("settings.error.lastAdmin"));
        assertThatThrownBy(() -> users.setRole("solo", Role.ANALYST, "other")).satisfies(e -> assertThat(key(e)).isEqualTo("settings.error.lastAdmin"));
    }
}
