package io.koubei.dashboard.access.sso;

import io.koubei.dashboard.access.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on ({@code koubei.auth.*}): OpenID Connect and LDAP / Active Directory, each off until its address is
 * set. Both map the groups (or a role claim) the directory reports to a Koubei role through {@code roles}; a user
 * none of whose groups is mapped is refused (no access). docs/configuration.md lists every key.
 */
@ConfigurationProperties(prefix = "koubei.auth")
public class SsoProperties {
    private final Oidc oidc = new Oidc();
    private final Ldap ldap = new Ldap();

    public Oidc getOidc() { return oidc; }
    public Ldap getLdap() { return ldap; }

    /** OpenID Connect: authorization-code sign-in on the pages, and the provider's access tokens on the API. */
    public static class Oidc {
        /** The provider's issuer, e.g. https://keycloak.example.com/realms/acme; its discovery document is read on first use. */
        private String issuerUri;
        private String clientId;
        /** Give it by environment: KOUBEI_AUTH_OIDC_CLIENT_SECRET. */
        private String clientSecret;
        private List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email"));
        /** The claim that names the user (shown in the users list and the audit log). */
        private String usernameClaim = "preferred_username";
        /** The claim that carries the groups or roles mapped by {@code roles}: a list of strings or one string. */
        private String rolesClaim = "groups";
        /** Claim value (group or role name, case-insensitive) → Koubei role; unmapped users have no access. */
        private Map<String, Role> roles = new LinkedHashMap<>();
        /** The button on the sign-in page: "Sign in with …". */
        private String displayName = "SSO";
        /** Accept the provider's access tokens (JWT) as {@code Authorization: Bearer} on the API. */
        private boolean apiTokens = true;
        /** The audience an API access token must name; empty: the client id. */
        private String audience;
        /** Leeway for the expiry and not-before times of tokens. */
        private Duration clockSkew = Duration.ofSeconds(60);

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        public String effectiveAudience() {
            return audience == null || audience.isBlank() ? clientId : audience;
        }

        public String getIssuerUri() { return issuerUri; }
        public void setIssuerUri(String issuerUri) { this.issuerUri = issuerUri; }
        public String getClientId() { return clientId; }
        public void setClientId(String clientId) { this.clientId = clientId; }
        public String getClientSecret() { return clientSecret; }
        public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
        public List<String> getScopes() { return scopes; }
        public void setScopes(List<String> scopes) { this.scopes = scopes; }
        public String getUsernameClaim() { return usernameClaim; }
        public void setUsernameClaim(String usernameClaim) { this.usernameClaim = usernameClaim; }
        public String getRolesClaim() { return rolesClaim; }
        public void setRolesClaim(String rolesClaim) { this.rolesClaim = rolesClaim; }
        public Map<String, Role> getRoles() { return roles; }
        public void setRoles(Map<String, Role> roles) { this.roles = roles; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public boolean isApiTokens() { return apiTokens; }
        public void setApiTokens(boolean apiTokens) { this.apiTokens = apiTokens; }
        public String getAudience() { return audience; }
        public void setAudience(String audience) { this.audience = audience; }
        public Duration getClockSkew() { return clockSkew; }
        public void setClockSkew(Duration clockSkew) { this.clockSkew = clockSkew; }
    }

    /**
     * LDAP bind: the password typed on the sign-in page (or in HTTP Basic) is checked by binding to the directory as
     * the user. The user's entry is found by {@code user-dn-pattern} or by searching {@code user-search-base} with
     * {@code user-search-filter} (Active Directory: {@code (sAMAccountName={0})} with a manager account).
     */
    public static class Ldap {
        /** e.g. ldaps://ldap.example.com:636/dc=example,dc=com (the base DN may be given here). */
        private String url;
        /** Relative to the base, {0} is the name typed: uid={0},ou=people. */
        private String userDnPattern;
        private String userSearchBase = "";
        /** e.g. (uid={0}), or (sAMAccountName={0}) on Active Directory. */
        private String userSearchFilter;
        /** An account allowed to search (needed for user and group search on most directories); empty: anonymous. */
        private String managerDn;
        /** Give it by environment: KOUBEI_AUTH_LDAP_MANAGER_PASSWORD. */
        private String managerPassword;
        private String groupSearchBase = "";
        /** {0} is the user's DN, {1} the name typed. */
        private String groupSearchFilter = "(member={0})";
        /** The group entry's attribute matched by {@code roles}. */
        private String groupRoleAttribute = "cn";
        /** Group name (case-insensitive) → Koubei role; users in no mapped group have no access. */
        private Map<String, Role> roles = new LinkedHashMap<>();

        public boolean enabled() {
            return url != null && !url.isBlank();
        }

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getUserDnPattern() { return userDnPattern; }
        public void setUserDnPattern(String userDnPattern) { this.userDnPattern = userDnPattern; }
        public String getUserSearchBase() { return userSearchBase; }
        public void setUserSearchBase(String userSearchBase) { this.userSearchBase = userSearchBase; }
        public String getUserSearchFilter() { return userSearchFilter; }
        public void setUserSearchFilter(String userSearchFilter) { this.userSearchFilter = userSearchFilter; }
        public String getManagerDn() { return managerDn; }
        public void setManagerDn(String managerDn) { this.managerDn = managerDn; }
        public String getManagerPassword() { return managerPassword; }
        public void setManagerPassword(String managerPassword) { this.managerPassword = managerPassword; }
        public String getGroupSearchBase() { return groupSearchBase; }
        public void setGroupSearchBase(String groupSearchBase) { this.groupSearchBase = groupSearchBase; }
        public String getGroupSearchFilter() { return groupSearchFilter; }
        public void setGroupSearchFilter(String groupSearchFilter) { this.groupSearchFilter = groupSearchFilter; }
        public String getGroupRoleAttribute() { return groupRoleAttribute; }
        public void setGroupRoleAttribute(String groupRoleAttribute) { this.groupRoleAttribute = groupRoleAttribute; }
        public Map<String, Role> getRoles() { return roles; }
        public void setRoles(Map<String, Role> roles) { this.roles = roles; }
    }
}
