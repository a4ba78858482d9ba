package io.koubei.dashboard.access.sso;

import io.koubei.dashboard.access.NoRoleException;
import io.koubei.dashboard.access.SignInSource;
import io.koubei.dashboard.access.UserDirectory;
import io.koubei.dashboard.audit.AuditLog;
import java.util.List;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;

/**
 * LDAP / Active Directory bind (koubei.auth.ldap.*): Spring Security checks the password by binding as the user and
 * reads the user's groups; {@link RoleMapping} turns them into one Koubei role. A user in no mapped group is refused
 * ({@link NoRoleException}); one who signs in is listed on the users page with the source LDAP. Sits behind the same
 * throttle and audit as local passwords (it is one of the providers of {@code ThrottledAuthenticationProvider}).
 */
public final class LdapSignIn implements AuthenticationProvider {
    private final LdapAuthenticationProvider ldap;
    private final RoleMapping roles;
    private final UserDirectory users;
    private final AuditLog audit;

    public LdapSignIn(SsoProperties.Ldap config, UserDirectory users, AuditLog audit) {
        this.audit = audit;
        // parses the base DN from the URL (ldap://host:389/dc=example,dc=com); several URLs may be given, space-separated
        DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(config.getUrl());
        if (config.getManagerDn() != null && !config.getManagerDn().isBlank()) {
            source.setUserDn(config.getManagerDn());
            source.setPassword(config.getManagerPassword() == null ? "" : config.getManagerPassword());
        } else {
            source.setAnonymousReadOnly(true);
        }
        source.afterPropertiesSet();

        BindAuthenticator bind = new BindAuthenticator(source);
        if (config.getUserDnPattern() != null && !config.getUserDnPattern().isBlank()) {
            bind.setUserDnPatterns(new String[] {config.getUserDnPattern()});
        }
        if (config.getUserSearchFilter() != null && !config.getUserSearchFilter().isBlank()) {
            bind.setUserSearch(new FilterBasedLdapUserSearch(config.getUserSearchBase(), config.getUserSearchFilter(), source));
        }
        if (config.getUserDnPattern() == null && config.getUserSearchFilter() == null) {
            throw new IllegalStateException("koubei.auth.ldap: set user-dn-pattern or user-search-filter");
        }
        DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(source, config.getGroupSearchBase());
        groups.setGroupSearchFilter(config.getGroupSearchFilter());
        groups.setGroupRoleAttribute(config.getGroupRoleAttribute());
        groups.setRolePrefix("");
        groups.setConvertToUpperCase(false);
        groups.setSearchSubtree(true);
        groups.setIgnorePartialResultException(true); // Active Directory's referrals
        this.ldap = new LdapAuthenticationProvider(bind, groups);
        this.roles = new RoleMapping(config.getRoles());
        this.users = users;
        if (roles.isEmpty()) {
            throw new IllegalStateException("koubei.auth.ldap.roles is empty: nobody could sign in through LDAP");
        }
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        Authentication bound = ldap.authenticate(attempt); // BadCredentialsException: unknown user or wrong password
        String name = attempt.getName();
        List<String> groups = bound.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        // Spring Security publishes no failure event for these refusals (the password was right): recorded here
        var role = roles.roleOf(groups).orElse(null);
        if (role == null) {
            audit.record(name, "login.failure", null, "ldap: no group mapped to a role " + groups);
            throw new NoRoleException("LDAP user " + name + " is in no group mapped to a Koubei role (groups: " + groups + ")");
        }
        try {
            users.signedIn(name, UserDirectory.Source.LDAP, role);
        } catch (UserDirectory.SignInRefused e) {
            audit.record(name, "login.failure", null, "ldap: " + e.refusal().name().toLowerCase(java.util.Locale.ROOT));
            throw new NoRoleException(e.getMessage());
        }
        var ok = UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
        ok.setDetails(new SignInSource.Directory("ldap", attempt.getDetails()));
        return ok;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
