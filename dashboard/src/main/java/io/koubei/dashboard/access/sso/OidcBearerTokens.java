package io.koubei.dashboard.access.sso;

import io.koubei.dashboard.access.Role;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The provider's access tokens on the API ({@code Authorization: Bearer <JWT>}): signature by the provider's published
 * keys, issuer, audience ({@code koubei.auth.oidc.audience}, else the client id), expiry and not-before are checked;
 * the role comes from the same claim and mapping as the sign-in. The provider's keys are fetched on first use.
 */
public final class OidcBearerTokens {
    /** Why a bearer token was refused; the message is safe to return to the caller. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final SsoProperties.Oidc config;
    private final RoleMapping roles;
    private final AtomicReference<JwtDecoder> decoder = new AtomicReference<>();

    public OidcBearerTokens(SsoProperties.Oidc config) {
        this.config = config;
        this.roles = new RoleMapping(config.getRoles());
    }

    /** A bearer that looks like a JWT (three base64url parts) is the provider's, not a Koubei API token. */
    public static boolean looksLikeJwt(String bearer) {
        return bearer.chars().filter(c -> c == '.').count() == 2 && bearer.startsWith("ey");
    }

    public Authentication authenticate(String bearer) {
        Jwt jwt;
        try {
            jwt = decoder().decode(bearer);
        } catch (JwtException e) {
            throw new Refused("invalid OIDC access token: " + e.getMessage());
        } catch (RuntimeException e) { // the provider's discovery document or keys could not be read
            throw new Refused("OIDC access token not checked: the provider's keys could not be read (" + e.getMessage() + ")");
        }
        String name = Optional.ofNullable(jwt.getClaimAsString(config.getUsernameClaim())).orElse(jwt.getSubject());
        Role role = roles.roleOf(OidcSignIn.values(jwt.getClaims().get(config.getRolesClaim())))
                .orElseThrow(() -> new Refused("no value of claim " + config.getRolesClaim() + " is mapped to a Koubei role"));
        return UsernamePasswordAuthenticationToken.authenticated("oidc:" + name, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
    }

    private JwtDecoder decoder() {
        JwtDecoder d = decoder.get();
        if (d == null) {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(config.getIssuerUri()).build();
            String audience = config.effectiveAudience();
            OAuth2TokenValidator<Jwt> checks = new DelegatingOAuth2TokenValidator<>(List.of(
                    new JwtTimestampValidator(config.getClockSkew()),
                    new JwtIssuerValidator(config.getIssuerUri()),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
            nimbus.setJwtValidator(checks);
            decoder.compareAndSet(null, nimbus);
            d = decoder.get();
        }
        return d;
    }
}
