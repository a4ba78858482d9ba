package io.koubei.dashboard.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users and API tokens. Passwords may be given as {@code {bcrypt}…} hashes (recommended) or {@code {noop}plain}.
 * With no user configured, an {@code admin} with a random password is created and its password written to
 * {@code <data-dir>/admin-password.txt}.
 */
@ConfigurationProperties(prefix = "koubei.security")
public class AccessProperties {
    private List<User> users = new ArrayList<>();
    /** Bearer tokens accepted by the API for ingestion (and reading). Comma-separated in KOUBEI_API_TOKENS. */
    private List<String> apiTokens = new ArrayList<>();
    /** Adds the user demo/demo (analyst): for demos on a laptop only. */
    private boolean demoUser;
    private final Login login = new Login();

    /**
     * Sign-in throttling ({@code koubei.security.login.*}), per account and per client address: after each failure
     * the next attempt waits {@code first-delay}, doubling up to {@code max-delay}; after {@code max-failures}
     * (per address: {@code address-max-failures}) sign-in is locked for {@code lock-duration}. Attempts made while
     * waiting or locked are refused without checking the password, even a right one.
     */
    public static class Login {
        private int maxFailures = 10;
        private int addressMaxFailures = 50;
        private Duration firstDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofMinutes(1);
        private Duration lockDuration = Duration.ofMinutes(15);

        public int getMaxFailures() { return maxFailures; }
        public void setMaxFailures(int maxFailures) { this.maxFailures = maxFailures; }
        public int getAddressMaxFailures() { return addressMaxFailures; }
        public void setAddressMaxFailures(int addressMaxFailures) { this.addressMaxFailures = addressMaxFailures; }
        public Duration getFirstDelay() { return firstDelay; }
        public void setFirstDelay(Duration firstDelay) { this.firstDelay = firstDelay; }
        public Duration getMaxDelay() { return maxDelay; }
        public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
        public Duration getLockDuration() { return lockDuration; }
        public void setLockDuration(Duration lockDuration) { this.lockDuration = lockDuration; }
    }

    public static class User {
        private String name;
        private String password;
        private Role role = Role.VIEWER;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public Role getRole() { return role; }
        public void setRole(Role role) { this.role = role; }
    }

    public List<User> getUsers() { return users; }
    public void setUsers(List<User> users) { this.users = users; }
    public List<String> getApiTokens() { return apiTokens; }
    public void setApiTokens(List<String> apiTokens) { this.apiTokens = apiTokens; }
    public boolean isDemoUser() { return demoUser; }
    public void setDemoUser(boolean demoUser) { this.demoUser = demoUser; }
    public Login getLogin() { return login; }
}
