package io.koubei.dashboard.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/** How somebody signed in, for the audit log: a local password, OpenID Connect or the LDAP directory. */
public final class SignInSource {
    private SignInSource() {
    }

    /** {@code oidc}, {@code ldap} or {@code password}. */
    public static String of(Authentication auth) {
        if (auth instanceof OAuth2AuthenticationToken) {
            return "oidc";
        }
        if (auth != null && auth.getDetails() instanceof Directory d) {
            return d.source();
        }
        return "password";
    }

    /** Details a directory's sign-in carries (the LDAP one), naming it. */
    public record Directory(String source, Object request) {
    }
}
