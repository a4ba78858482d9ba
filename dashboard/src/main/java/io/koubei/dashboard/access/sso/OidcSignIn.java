package io.koubei.dashboard.access.sso;

import io.koubei.dashboard.access.Role;
import io.koubei.dashboard.access.UserDirectory;
import io.koubei.dashboard.audit.AuditLog;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the provider vouched for a user (authorization code exchanged, ID token's signature, issuer, audience, expiry
 * and nonce checked by Spring Security): their name from {@code username-claim}, their role from the groups or roles
 * in {@code roles-claim} through {@link RoleMapping}. No mapped value → refused with {@value #NO_ROLE}; the user is
 * listed on the users page with the source OIDC from the first sign-in.
 */
public final class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {
    public static final String NO_ROLE = "koubei_no_role";
    public static final String REFUSED = "koubei_refused";

    private final OidcUserService provider = new OidcUserService();
    private final SsoProperties.Oidc config;
    private final RoleMapping roles;
    private final UserDirectory users;
    private final AuditLog audit;

    public OidcSignIn(SsoProperties.Oidc config, UserDirectory users, AuditLog audit) {
        this.config = config;
        this.roles = new RoleMapping(config.getRoles());
        this.users = users;
        this.audit = audit;
        if (roles.isEmpty()) {
            throw new IllegalStateException("koubei.auth.oidc.roles is empty: nobody could sign in through OIDC");
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = provider.loadUser(request); // the ID token, plus the user-info endpoint's claims if any
        Map<String, Object> claims = user.getClaims();
        Object n = claims.get(config.getUsernameClaim());
        String name = n == null ? user.getSubject() : n.toString();
        List<String> groups = values(claims.get(config.getRolesClaim()));
        Role role = roles.roleOf(groups).orElse(null);
        if (role == null) {
            audit.record(name, "login.failure", null, "oidc: no group mapped to a role " + groups);
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE,
                    "no value of claim " + config.getRolesClaim() + " is mapped to a Koubei role", null));
        }
        try {
            users.signedIn(name, UserDirectory.Source.OIDC, role);
        } catch (UserDirectory.SignInRefused e) {
            audit.record(name, "login.failure", null, "oidc: " + e.refusal().name().toLowerCase(java.util.Locale.ROOT));
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, e.getMessage(), null));
        }
        String nameKey = claims.containsKey(config.getUsernameClaim()) ? config.getUsernameClaim() : "sub";
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(role.authority())), user.getIdToken(),
                user.getUserInfo(), nameKey);
    }

    /** A claim of groups: a JSON array, or one string (some providers send a single role as a string). */
    static List<String> values(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s && !s.isBlank()) {
            return List.of(s);
        }
        return List.of();
    }
}
