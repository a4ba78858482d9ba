package io.koubei.dashboard.access;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The directory knows the user and the password (or the provider vouched for them), but none of their groups maps to a
 * Koubei role, or the account may not sign in here: no access. Not a wrong password, so it does not count towards
 * the sign-in throttle.
 */
public final class NoRoleException extends AccountStatusException {
    public NoRoleException(String message) {
        super(message);
    }
}
