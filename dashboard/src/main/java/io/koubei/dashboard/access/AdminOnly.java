package io.koubei.dashboard.access;

import org.springframework.security.core.Authentication;

/**
 * The admin check for reads the access table leaves open to every role (the audit log, API tokens, an author's
 * personal data, the admin page): one place, so the routes cannot disagree on who is an admin.
 */
public final class AdminOnly {
    private AdminOnly() {
    }

    public static boolean isAdmin(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
    }
}
