package io.koubei.dashboard.access.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.koubei.dashboard.access.Role;
import io.koubei.dashboard.access.UserDirectory;
import io.koubei.dashboard.audit.AuditEntry;
import io.koubei.dashboard.audit.AuditLog;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * LDAP bind against a real directory server (UnboundID's in-memory server, speaking LDAP on a local port): people in
 * ou=people, groupOfNames in ou=groups. Local accounts keep working next to it.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LdapSignInTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String BASE = "dc=koubei,dc=test";
    static final InMemoryDirectoryServer directory;

    static {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            directory = new InMemoryDirectoryServer(config);
            directory.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: koubei");
            directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
            directory.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
            person("lin", "Lin Wei", "lin-secret-1");
            person("wu", "Wu Fang", "wu-secret-1");
            person("root", "Directory Root", "root-ldap-pw");
            group("Koubei-Analysts", "lin");
            group("interns", "wu");
            group("koubei-admins", "root");
            directory.startListening();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void person(String uid, String cn, String password) throws Exception {
        directory.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + cn,
                "sn: " + cn.substring(cn.indexOf(' ') + 1), "userPassword: " + password);
    }

    private static void group(String cn, String member) throws Exception {
        directory.add("dn: cn=" + cn + ",ou=groups," + BASE, "objectClass: groupOfNames", "cn: " + cn,
                "member: uid=" + member + ",ou=people," + BASE);
    }

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.auth.ldap.url", () -> "ldap://localhost:" + directory.getListenPort() + "/" + BASE);
        r.add("koubei.auth.ldap.user-dn-pattern", () -> "uid={0},ou=people");
        r.add("koubei.auth.ldap.group-search-base", () -> "ou=groups");
        r.add("koubei.auth.ldap.roles[koubei-analysts]", () -> "ANALYST");
        r.add("koubei.auth.ldap.roles[koubei-admins]", () -> "ADMIN");
        r.add("koubei.security.users[0].name", () -> "root");
        r.add("koubei.security.users[0].password", () -> "local-root-pw");
        r.add("koubei.security.users[0].role", () -> "ADMIN");
        r.add("koubei.security.login.max-failures", () -> "100");
        r.add("koubei.security.login.first-delay", () -> "PT0.01S"); // the tests' wrong passwords must not delay the others
        r.add("koubei.security.login.max-delay", () -> "PT0.02S");
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @AfterAll
    static void stop() {
        directory.shutDown(true);
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

    /** One form sign-in in a fresh browser; returns where it was sent (Location). */
    private String formLogin(String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("LDAP");
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).isTrue();
        String form = String.join("&", Map.of("username", user, "password", password, "_csrf", m.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> basic(String method, String path, String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDirectoryUserOfAMappedGroupSignsInWithTheGroupsRole(CapturedOutput output) throws Exception {
        assertThat(formLogin("lin", "lin-secret-1")).doesNotContain("/login");
        UserDirectory.Account lin = users.find("lin").orElseThrow();
        assertThat(lin.source()).isEqualTo(UserDirectory.Source.LDAP);
        assertThat(lin.role()).isEqualTo(Role.ANALYST);
        assertThat(audit.list(null, null, "lin", "login.success", 10)).extracting(AuditEntry::detail).contains("ldap");
        assertThat(output.getAll()).contains("sign-in: account=lin address=127.0.0.1 source=ldap");

        // the same password on the API (HTTP Basic), with the analyst's rights: reading yes, settings' rules no
        assertThat(basic("GET", "/api/v1/count", "lin", "lin-secret-1").statusCode()).isEqualTo(200);
        assertThat(basic("POST", "/api/v1/tokens", "lin", "lin-secret-1").statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongDirectoryPasswordIsRefusedAndCountsTowardsTheThrottle(CapturedOutput output) throws Exception {
        assertThat(formLogin("lin", "not-her-password")).endsWith("/login?error");
        Thread.sleep(50);
        assertThat(basic("GET", "/api/v1/count", "lin", "still-wrong").statusCode()).isEqualTo(401);
        assertThat(output.getAll()).contains("sign-in failed: account=lin address=127.0.0.1 failures=");
        assertThat(formLogin("nobody", "whatever")).endsWith("/login?error");
    }

    @Test
    void aDirectoryUserOfNoMappedGroupHasNoAccess() throws Exception {
        assertThat(formLogin("wu", "wu-secret-1")).endsWith("/login?norole");
        assertThat(basic("GET", "/api/v1/count", "wu", "wu-secret-1").statusCode()).isEqualTo(401);
        assertThat(users.find("wu")).isEmpty();
        assertThat(audit.list(null, null, "wu", "login.failure", 10)).extracting(AuditEntry::detail)
                .anyMatch(d -> d.startsWith("ldap: no group mapped to a role") && d.contains("interns"));
    }

    @Test
    void theDirectoryCannotSignSomebodyInAsALocalAccountOfTheSameName() throws Exception {
        assertThat(formLogin("root", "local-root-pw")).as("the local password still works").doesNotContain("/login");
        assertThat(formLogin("root", "root-ldap-pw")).as("the directory's root is not our root").endsWith("/login?norole");
        assertThat(users.find("root").orElseThrow().source()).isEqualTo(UserDirectory.Source.CONFIGURATION);
        assertThat(audit.list(null, null, "root", "login.failure", 10)).extracting(AuditEntry::detail).contains("ldap: name_taken");
    }
}
