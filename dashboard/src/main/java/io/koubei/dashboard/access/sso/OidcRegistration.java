package io.koubei.dashboard.access.sso;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one OpenID Connect client Koubei is (registration id {@value #ID}), built from koubei.auth.oidc.* and the
 * provider's discovery document. Read on first use, not at start, and again after a failure: a provider that is down
 * when Koubei starts makes SSO sign-in fail until it is back, not the server fail to start.
 */
public final class OidcRegistration implements ClientRegistrationRepository {
    public static final String ID = "oidc";

    private final SsoProperties.Oidc config;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    public OidcRegistration(SsoProperties.Oidc config) {
        if (config.getClientId() == null || config.getClientId().isBlank()) {
            throw new IllegalStateException("koubei.auth.oidc.client-id is required with koubei.auth.oidc.issuer-uri");
        }
        this.config = config;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration r = registration.get();
        if (r == null) {
            r = ClientRegistrations.fromIssuerLocation(config.getIssuerUri())
                    .registrationId(ID)
                    .clientId(config.getClientId())
                    .clientSecret(config.getClientSecret())
                    .scope(config.getScopes())
                    .userNameAttributeName(config.getUsernameClaim())
                    .clientName(config.getDisplayName())
                    .build();
            registration.compareAndSet(null, r);
        }
        return r;
    }
}
