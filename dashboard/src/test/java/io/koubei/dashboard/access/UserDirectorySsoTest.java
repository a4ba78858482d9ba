package io.koubei.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.dashboard.access.sso.RoleMapping;
import io.koubei.dashboard.settings.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts of single sign-on in the users directory, and the group → role mapping. */
class UserDirectorySsoTest {
    @TempDir
    Path dir;
    final PasswordEncoder encoder = UserAccounts.encoder();

    UserDirectory directory() {
        return new UserDirectory(List.of(User.withUsername("boss").password(encoder.encode("boss-pw-1")).roles("ADMIN").build()),
                dir, encoder);
    }

    @Test
    void aDirectoryUserIsListedFollowsTheDirectorysRoleAndHasNoPasswordHere() {
        UserDirectory users = directory();
        users.signedIn("li.na", UserDirectory.Source.OIDC, Role.VIEWER);
        users.signedIn("li.na", UserDirectory.Source.OIDC, Role.ANALYST);
        UserDirectory.Account a = directory().find("li.na").orElseThrow();
        assertThat(a.source()).isEqualTo(UserDirectory.Source.OIDC);
        assertThat(a.role()).isEqualTo(Role.ANALYST);
        assertThat(a.roleEditable()).isFalse();
        assertThatThrownBy(() -> users.loadUserByUsername("li.na")).isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> users.setRole("li.na", Role.ADMIN, "boss")).isInstanceOf(Problem.Rejected.class);
        assertThatThrownBy(() -> users.resetPassword("li.na", "boss")).isInstanceOf(Problem.Rejected.class);
        assertThatThrownBy(() -> users.create("li.na", Role.VIEWER, "long-enough-1", "boss")).isInstanceOf(Problem.Rejected.class);
    }

    @Test
    void anAdminDisablesADirectoryUserAndTheDirectoryCannotTakeALocalName() {
        UserDirectory users = directory();
        users.signedIn("zhao", UserDirectory.Source.LDAP, Role.ANALYST);
        users.setEnabled("zhao", false, "boss");
        assertThatThrownBy(() -> users.signedIn("zhao", UserDirectory.Source.LDAP, Role.ANALYST))
                .isInstanceOfSatisfying(UserDirectory.SignInRefused.class,
                        e -> assertThat(e.refusal()).isEqualTo(UserDirectory.Refusal.DISABLED));
        users.create("qian", Role.VIEWER, "long-enough-1", "boss");
        for (String taken : List.of("boss", "qian", "zhao")) {
            assertThatThrownBy(() -> users.signedIn(taken, UserDirectory.Source.OIDC, Role.ADMIN))
                    .as(taken).isInstanceOfSatisfying(UserDirectory.SignInRefused.class,
                            e -> assertThat(e.refusal()).isEqualTo(UserDirectory.Refusal.NAME_TAKEN));
        }
        assertThat(users.find("boss").orElseThrow().source()).isEqualTo(UserDirectory.Source.CONFIGURATION);
    }

    @Test
    void theHighestMappedGroupWinsCaseInsensitivelyAndNoMappedGroupIsNoRole() {
        RoleMapping m = new RoleMapping(Map.of("Koubei-Viewers", Role.VIEWER, "koubei-admins", Role.ADMIN));
        assertThat(m.roleOf(List.of("koubei-viewers", "KOUBEI-ADMINS", "staff"))).contains(Role.ADMIN);
        assertThat(m.roleOf(List.of("staff"))).isEmpty();
        assertThat(m.roleOf(List.of())).isEmpty();
        assertThatThrownBy(() -> new RoleMapping(Map.of("connectors", Role.INGEST))).isInstanceOf(IllegalStateException.class);
    }
}
