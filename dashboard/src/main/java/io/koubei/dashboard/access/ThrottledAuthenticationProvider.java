package io.koubei.dashboard.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password sign-in (login form and HTTP Basic, pages and API) behind {@link LoginThrottle}: an attempt while the
 * account or the address must wait is refused before its password is checked. Every failure and every sign-in
 * through the login form is written to the {@code koubei.audit} log with the account and the client address; HTTP
 * Basic, which signs in on each request, once per account and address per 10 minutes.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {
    private static final Logger audit = LoggerFactory.getLogger("koubei.audit");

    /** Tried in order (local passwords, then the LDAP directory): the first that knows the name and password wins. */
    private final java.util.List<AuthenticationProvider> passwords;
    private final LoginThrottle throttle;
    /** HTTP Basic signs in on every request: its successes are logged once per account and address per 10 minutes. */
    private final Cache<String, Boolean> recentBasic = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    ThrottledAuthenticationProvider(java.util.List<AuthenticationProvider> passwords, LoginThrottle throttle) {
        this.passwords = java.util.List.copyOf(passwords);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String account = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.waitFor(account, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            audit.warn("sign-in refused: account={} address={} reason=throttled retryAfter={}s", clean(account), address, seconds);
            throw new ThrottledException(seconds);
        }
        try {
            Authentication ok = firstThatKnows(attempt);
            throttle.succeeded(account);
            if (isLoginForm() || recentBasic.asMap().putIfAbsent(account + "\n" + address, Boolean.TRUE) == null) {
                audit.info("sign-in: account={} address={} source={}", clean(account), address, SignInSource.of(ok));
            }
            return ok;
        } catch (BadCredentialsException e) {
            int failures = throttle.failed(account, address);
            audit.warn("sign-in failed: account={} address={} failures={}", clean(account), address, failures);
            throw e;
        } catch (AuthenticationException e) {
            audit.warn("sign-in failed: account={} address={} reason={}", clean(account), address, e.getClass().getSimpleName());
            throw e;
        }
    }

    /** A wrong password (or unknown name) in one directory lets the next try; any other refusal is final. */
    private Authentication firstThatKnows(Authentication attempt) {
        BadCredentialsException last = new BadCredentialsException("Bad credentials");
        for (AuthenticationProvider p : passwords) {
            try {
                Authentication ok = p.authenticate(attempt);
                if (ok != null) {
                    return ok;
                }
            } catch (BadCredentialsException e) {
                last = e;
            }
        }
        throw last;
    }

    private static boolean isLoginForm() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                && "POST".equals(a.getRequest().getMethod()) && a.getRequest().getRequestURI().endsWith("/login");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A name as typed may hold anything: no line breaks or control characters into the log, at most 64 characters. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String c = s.replaceAll("\\p{Cntrl}", "?");
        return c.length() > 64 ? c.substring(0, 64) + "…" : c;
    }

    /** Too many failures: wait, then try again. */
    static final class ThrottledException extends LockedException {
        private final long retryAfterSeconds;

        ThrottledException(long retryAfterSeconds) {
            super("too many failed sign-ins; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
