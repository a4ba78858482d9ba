package io.koubei.dashboard.audit;

import org.springframework.security.core.Authentication;

/** The admin check for views whose path the role table cannot single out. */
final class AdminOnly {
    private AdminOnly() {
    }

    static boolean isAdmin(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
