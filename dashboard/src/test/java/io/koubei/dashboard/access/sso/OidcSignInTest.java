package io.koubei.dashboard.access.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.dashboard.access.Role;
import io.koubei.dashboard.access.UserDirectory;
import io.koubei.dashboard.audit.AuditEntry;
import io.koubei.dashboard.audit.AuditLog;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenID Connect against a real provider (navikt's mock-oauth2-server: discovery, authorization and token endpoints,
 * JWKS, signed ID and access tokens) on a local port. The sign-in goes through the real authorization-code redirects
 * with a plain HTTP client that follows them and keeps the cookies, as a browser does.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInTest {
    private static final String ISSUER = "acme";
    private static final String CLIENT = "koubei-web";
    static final MockOAuth2Server provider = new MockOAuth2Server();

    static {
        provider.start();
    }

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.auth.oidc.issuer-uri", () -> provider.issuerUrl(ISSUER).toString());
        r.add("koubei.auth.oidc.client-id", () -> CLIENT);
        r.add("koubei.auth.oidc.client-secret", () -> "not-so-secret");
        r.add("koubei.auth.oidc.display-name", () -> "Acme SSO");
        r.add("koubei.auth.oidc.roles[Koubei Admins]", () -> "ADMIN");
        r.add("koubei.auth.oidc.roles[koubei-analysts]", () -> "ANALYST");
        r.add("koubei.security.login.max-failures", () -> "100"); // every refused token below comes from 127.0.0.1
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    AuditLog audit;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpClient browser;

    /** A click on "Sign in with …" in a fresh browser; the provider answers with the given user and groups. */
    private HttpResponse<String> signIn(String user, List<String> audience, Map<String, Object> claims, long expiry)
            throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, user, "JWT", audience, claims, expiry));
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("id=\"login-oidc\"").contains("Acme SSO");
        return browser.send(HttpRequest.newBuilder(URI.create(url("/oauth2/authorization/oidc"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Issued two hours ago, expired an hour ago: beyond any clock skew. */
    private static Map<String, Object> expired(Map<String, Object> claims) {
        Map<String, Object> c = new java.util.HashMap<>(claims);
        long now = java.time.Instant.now().getEpochSecond();
        c.put("iat", now - 7200);
        c.put("nbf", now - 7200);
        c.put("exp", now - 3600);
        return c;
    }

    private HttpResponse<String> api(String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/count")))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aUserOfAMappedGroupSignsInThroughTheProviderAndIsListedWithTheSource() throws Exception {
        HttpResponse<String> r = signIn("alice-sub", List.of(CLIENT),
                Map.of("preferred_username", "alice", "groups", List.of("staff", "koubei admins")), 3600);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.uri().getPath()).as("back on the dashboard, not on the sign-in page").doesNotStartWith("/login");
        assertThat(r.uri().getPort()).isEqualTo(port);

        UserDirectory.Account alice = users.find("alice").orElseThrow();
        assertThat(alice.source()).isEqualTo(UserDirectory.Source.OIDC);
        assertThat(alice.role()).as("the highest mapped group, case-insensitive").isEqualTo(Role.ADMIN);
        assertThat(alice.roleEditable()).isFalse();
        List<AuditEntry> logins = audit.list(null, null, "alice", "login.success", 10);
        assertThat(logins).extracting(AuditEntry::detail).containsExactly("oidc");

        // the session works, with the admin's rights: the users page lists her with her source, her role not editable
        String usersPage = browser.send(HttpRequest.newBuilder(URI.create(url("/settings/users"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(usersPage).contains("data-user=\"alice\"").contains("OIDC")
                .doesNotContain("/settings/users/alice/role").doesNotContain("/settings/users/alice/password")
                .contains("/settings/users/alice/enabled");
    }

    @Test
    void aUserOfNoMappedGroupHasNoAccessAndIsToldWhy() throws Exception {
        HttpResponse<String> r = signIn("bob-sub", List.of(CLIENT),
                Map.of("preferred_username", "bob", "groups", List.of("staff")), 3600);
        assertThat(r.uri().getPath() + "?" + r.uri().getQuery()).isEqualTo("/login?norole");
        assertThat(r.body()).contains("id=\"login-norole\"");
        assertThat(users.find("bob")).as("not listed: never signed in").isEmpty();
        assertThat(audit.list(null, null, "bob", "login.failure", 10)).isNotEmpty();
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() throws Exception {
        // the provider names the client in "aud" by itself; a claim of the callback overrides it, as a token minted
        // for another application would carry
        HttpResponse<String> r = signIn("carol-sub", List.of(CLIENT),
                Map.of("preferred_username", "carol", "groups", List.of("koubei-analysts"), "aud", "some-other-app"), 3600);
        assertThat(r.uri().getPath() + "?" + r.uri().getQuery()).isEqualTo("/login?ssoerror");
        assertThat(users.find("carol")).isEmpty();
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        HttpResponse<String> r = signIn("dave-sub", List.of(CLIENT), expired(
                Map.of("preferred_username", "dave", "groups", List.of("koubei-analysts"))), 3600);
        assertThat(r.uri().getPath() + "?" + r.uri().getQuery()).isEqualTo("/login?ssoerror");
        assertThat(users.find("dave")).isEmpty();
    }

    @Test
    void theProvidersAccessTokensWorkOnTheApiWithTheirAudienceIssuerAndExpiryChecked() throws Exception {
        Map<String, Object> analyst = Map.of("preferred_username", "erin", "groups", List.of("koubei-analysts"));
        assertThat(api(provider.issueToken(ISSUER, "erin-sub", CLIENT, analyst, 600).serialize()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> audience = api(provider.issueToken(ISSUER, "erin-sub", "some-other-app", analyst, 600).serialize());
        assertThat(audience.statusCode()).isEqualTo(401);
        assertThat(audience.body()).contains("aud");

        HttpResponse<String> expired = api(provider.issueToken(ISSUER, "erin-sub", CLIENT, expired(analyst), 600).serialize());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).containsIgnoringCase("expired");

        // signed with the provider's own key, but naming another issuer
        Map<String, Object> otherIssuer = new java.util.HashMap<>(analyst);
        otherIssuer.put("iss", "https://login.evil.example/realms/acme");
        HttpResponse<String> issuer = api(provider.issueToken(ISSUER, "erin-sub", CLIENT, otherIssuer, 600).serialize());
        assertThat(issuer.statusCode()).isEqualTo(401);
        assertThat(issuer.body()).contains("iss");
        // and a token of another issuer of the same server (other keys)
        assertThat(api(provider.issueToken("another-issuer", "erin-sub", CLIENT, analyst, 600).serialize()).statusCode())
                .isEqualTo(401);

        HttpResponse<String> unmapped = api(provider.issueToken(ISSUER, "finn-sub", CLIENT,
                Map.of("preferred_username", "finn", "groups", List.of("staff")), 600).serialize());
        assertThat(unmapped.statusCode()).isEqualTo(401);
        assertThat(unmapped.body()).contains("no value of claim groups");
    }
}
