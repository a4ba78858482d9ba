package io.koubei.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 21, finding 5: 40 wrong form logins or 100 wrong Basic logins in 12 s, then the right password worked, and
 * nothing was logged. Now the account is locked (the right password is refused too) and every attempt is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginThrottlingHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        String[] users = {"ana", "ben", "dan"};
        for (int i = 0; i < users.length; i++) {
            String u = users[i];
            r.add("koubei.security.users[" + i + "].name", () -> u);
            r.add("koubei.security.users[" + i + "].password", () -> "right-" + u);
            r.add("koubei.security.users[" + i + "].role", () -> "ANALYST");
        }
        r.add("koubei.security.api-tokens", () -> "the-right-token-123");
        r.add("koubei.security.login.first-delay", () -> "PT0.2S");
        r.add("koubei.security.login.max-delay", () -> "PT1S");
        r.add("koubei.security.login.max-failures", () -> "10");
        r.add("koubei.security.login.address-max-failures", () -> "1000"); // all attempts come from localhost here
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** One form sign-in in a fresh browser; returns where it was sent (Location). */
    private String formLogin(String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher m = CSRF.matcher(client.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(m.find()).isTrue();
        String form = String.join("&", Map.of("username", user, "password", password, "_csrf", m.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> basic(String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/count")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Wrong passwords until the account is locked. An attempt made while the account waits is refused without being
     * counted, so how many attempts it takes depends on how fast they come: the loop waits out each delay (as a
     * patient guesser would) until max-failures wrong passwords were counted. (It used to send 40 at once and expect
     * a lock: on a fast machine only 2 of them counted, and the right password then went through.)
     */
    @Test
    void wrongFormLoginsUntilMaxFailuresLockTheAccountEvenForTheRightPassword(CapturedOutput output) throws Exception {
        int counted = 0;
        for (int i = 0; counted < 10 && i < 500; i++) {
            String where = formLogin("ana", "guess-" + i);
            assertThat(where).doesNotEndWith("/");
            if (where.endsWith("/login?error")) {
                counted++;
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(counted).isEqualTo(10);
        assertThat(formLogin("ana", "right-ana")).endsWith("/login?throttled");
        Thread.sleep(1_200); // beyond max-delay: still locked (lock-duration)
        assertThat(formLogin("ana", "right-ana")).endsWith("/login?throttled");
        assertThat(output.getAll()).contains("sign-in failed: account=ana address=127.0.0.1 failures=1")
                .contains("sign-in failed: account=ana address=127.0.0.1 failures=10")
                .contains("sign-in refused: account=ana");
    }

    @Test
    void repeatedWrongBasicLoginsLockTheAccountEvenForTheRightPassword() throws Exception {
        // Attempts within the growing delay are refused without being checked (and so without counting), so how many
        // requests it takes to reach max-failures depends on the machine's speed: guess until the account is locked
        // (a wait of the lock duration, not a delay of at most max-delay), at a pace that lets some be checked.
        long deadline = System.nanoTime() + 30_000_000_000L;
        long retryAfter = 0;
        int attempts = 0;
        while (retryAfter < 60 && System.nanoTime() < deadline) {
            HttpResponse<String> wrong = basic("ben", "guess-" + attempts++);
            assertThat(wrong.statusCode()).isEqualTo(401);
            retryAfter = wrong.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L);
            Thread.sleep(50);
        }
        assertThat(retryAfter).as("locked for the lock duration after %d attempts", attempts).isGreaterThan(60);
        HttpResponse<String> right = basic("ben", "right-ben");
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("too many failed sign-ins");
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(60);
        assertThat(right.headers().firstValue("WWW-Authenticate")).as("no browser prompt on the API").isEmpty();
    }

    @Test
    void guessingApiTokensMakesTheAddressWait(CapturedOutput output) throws Exception {
        // counted guesses until the address waits max-delay after each (9 free, then 0.2, 0.4, 0.8, 1 s …); guesses
        // made while it waits are refused uncounted, so the loop waits them out rather than count on its own speed
        int counted = 0;
        for (int i = 0; counted < 15 && i < 500; i++) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/count")))
                    .header("Authorization", "Bearer guess-" + i).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            if (r.body().contains("too many failed sign-ins")) {
                Thread.sleep(100);
            } else {
                counted++;
            }
        }
        assertThat(counted).isEqualTo(15);
        HttpResponse<String> right = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/count")))
                .header("Authorization", "Bearer the-right-token-123").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).as("refused while the address waits").isEqualTo(401);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(output.getAll()).contains("API token refused: address=127.0.0.1 reason=unknown token");
        Thread.sleep(1_500); // max-delay here: then the right token works again
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/count")))
                .header("Authorization", "Bearer the-right-token-123").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void oneMistakeOnlyDelaysTheNextAttemptAndSuccessIsLogged(CapturedOutput output) throws Exception {
        Thread.sleep(1_500); // beyond max-delay: the other tests' failures from 127.0.0.1 may have left the address waiting
        assertThat(formLogin("dan", "typo")).endsWith("/login?error");
        assertThat(formLogin("dan", "right-dan")).as("at once: still waiting").endsWith("/login?throttled");
        Thread.sleep(1_500); // beyond max-delay: the other tests' failures from 127.0.0.1 make the address wait too
        assertThat(formLogin("dan", "right-dan")).doesNotContain("/login");
        assertThat(output.getAll()).contains("sign-in: account=dan address=127.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertThat(basic("dan", "right-dan").statusCode()).isEqualTo(200);
        }
        assertThat(output.getAll().split("sign-in: account=dan address=127.0.0.1", -1))
                .as("the form sign-in, then HTTP Basic once, not per request").hasSize(3);
    }
}
