package io.koubei.dashboard.access.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A provider that cannot be reached: the sign-in button lands on the sign-in page with a reason, not on a 500. */
class OidcProviderCheckTest {

    @Test
    void anUnreachableProviderSendsTheUserBackToTheSignInPage() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once closed
        }
        SsoProperties.Oidc config = new SsoProperties.Oidc();
        config.setIssuerUri("http://127.0.0.1:" + closed + "/realms/acme");
        config.setClientId("koubei-web");
        OidcProviderCheck check = new OidcProviderCheck(new OidcRegistration(config));

        MockHttpServletRequest button = new MockHttpServletRequest("GET", "/oauth2/authorization/oidc");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        check.doFilter(button, response, chain);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?ssoerror");
        assertThat(chain.getRequest()).as("the redirect to the provider is not attempted").isNull();

        MockFilterChain other = new MockFilterChain();
        check.doFilter(new MockHttpServletRequest("GET", "/overview"), new MockHttpServletResponse(), other);
        assertThat(other.getRequest()).as("other paths pass untouched").isNotNull();
    }
}
