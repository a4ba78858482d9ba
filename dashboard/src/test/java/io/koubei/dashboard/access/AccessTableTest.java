package io.koubei.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks the "Who may do what" table of docs/configuration.md against the running application: every row, every
 * path, every role, through the page door (form login, session, CSRF token) and the API door (HTTP Basic or API
 * token). Issue 21, finding 3: a viewer could acknowledge and resolve alerts through the page form while the API
 * answered 403; finding 6: an API token could post lifecycle events, a viewer could generate reports. Also: every
 * POST route the application has is in the table, and a page POST without the CSRF token is refused.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTableTest {
    private static final String TOKEN = "access-table-token-0123";
    private static final Map<String, String> PASSWORDS = Map.of("viewer", "pw-viewer-1", "analyst", "pw-analyst-1",
            "admin", "pw-admin-12");
    private static final List<String> COLUMNS = List.of("viewer", "analyst", "admin", "read token", "ingest token",
            "admin token");
    private static final Pattern ROUTE = Pattern.compile("`(GET|POST) ([^`]+)`");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> TOKEN);
        int i = 0;
        for (String role : List.of("viewer", "analyst", "admin")) {
            int n = i++;
            r.add("koubei.security.users[" + n + "].name", () -> role);
            r.add("koubei.security.users[" + n + "].password", () -> PASSWORDS.get(role));
            r.add("koubei.security.users[" + n + "].role", () -> role.toUpperCase());
        }
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One row of the documented table. */
    record Row(String action, List<String> pages, List<String> api, Map<String, String> who) {
    }

    static List<Row> documentedTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("| Action | Pages (session + CSRF token) | API (token or HTTP Basic) | viewer | analyst | admin"
                + " | read token | ingest token | admin token |");
        assertThat(start).as("the access table in docs/configuration.md").isPositive();
        List<Row> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|", -1);
            Map<String, String> who = new LinkedHashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                who.put(COLUMNS.get(c), cells[4 + c].trim());
            }
            rows.add(new Row(cells[1].trim(), routes(cells[2]), routes(cells[3]), who));
        }
        assertThat(rows).hasSizeGreaterThan(5);
        return rows;
    }

    private static List<String> routes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = ROUTE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2));
        }
        return out;
    }

    @Test
    void everyChangeTheApplicationAcceptsIsInTheTable() throws IOException {
        Set<String> documented = new TreeSet<>();
        documentedTable().forEach(r -> {
            documented.addAll(r.pages());
            documented.addAll(r.api());
        });
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error") || pattern.startsWith("/api/v1/hooks/")) {
                    continue; // vendors' webhooks sign each request with the source's secret instead (docs/sources.md)
                }
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern);
                }
                methods.stream().filter(m -> m != RequestMethod.GET).forEach(m -> routes.add(m + " " + pattern));
            }
        }
        assertThat(routes).isNotEmpty();
        assertThat(documented).containsAll(routes);
    }

    @Test
    void pagesAndApiAllowAndRefuseExactlyWhatTheTableSays() throws Exception {
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (String user : List.of("viewer", "analyst", "admin")) {
            sessions.put(user, Session.signIn(port, user, PASSWORDS.get(user)));
        }
        // issue 22: "POST /api/v1/signals/scan is documented for analysts but refuses an API token" — which token was
        // never said; now every scope is a column of its own, walked like the roles
        Map<String, String> bearer = Map.of(
                "read token", tokens.create("table-read", ApiTokens.Scope.READ, "test").secret(),
                "ingest token", tokens.create("table-ingest", ApiTokens.Scope.INGEST, "test").secret(),
                "admin token", TOKEN);
        SoftAssertions soft = new SoftAssertions();
        for (Row row : documentedTable()) {
            for (String column : COLUMNS) {
                String allowed = row.who().get(column);
                for (String route : row.pages()) {
                    if (bearer.containsKey(column)) {
                        continue; // tokens open the API door only
                    }
                    int status = sessions.get(column).send(route);
                    check(soft, row, column, "page " + route, allowed, status);
                }
                for (String route : row.api()) {
                    String authorization = bearer.containsKey(column) ? "Bearer " + bearer.get(column)
                            : basic(column, PASSWORDS.get(column));
                    int status = api(route, authorization);
                    check(soft, row, column, "API " + route, allowed, status);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aPagePostWithoutTheCsrfTokenIsRefusedEvenToAnAdmin() throws Exception {
        Session admin = Session.signIn(port, "admin", PASSWORDS.get("admin"));
        assertThat(admin.send("POST /settings/products", false)).isEqualTo(403);
        assertThat(admin.send("POST /settings/products", true)).isNotEqualTo(403);
        Session viewer = Session.signIn(port, "viewer", PASSWORDS.get("viewer"));
        assertThat(viewer.send("POST /logout")).as("signing out is no change the table has to name").isIn(204, 302);
    }

    /** The admin page: the audit log and API tokens, the secret shown once; for admins only. */
    @Test
    void theAdminPageShowsTheAuditLogAndHandsATokenSecretOutOnce() throws Exception {
        assertThat(Session.signIn(port, "analyst", PASSWORDS.get("analyst")).page("/admin")).isEqualTo("[403]");
        Session admin = Session.signIn(port, "admin", PASSWORDS.get("admin"));
        assertThat(admin.send("POST /admin/tokens", Map.of("name", "survey-sync", "scope", "ingest"))).isEqualTo(302);
        String withSecret = admin.page("/admin");
        Matcher secret = Pattern.compile("<code>(kb_[^<]+)</code>").matcher(withSecret);
        assertThat(secret.find()).as("the new token's secret is shown").isTrue();
        assertThat(withSecret).contains("survey-sync").contains("id=\"audit-table\"").contains("id=\"retention-none\"").containsAnyOf("API 令牌", "API tokens").doesNotContain("??");
        String later = admin.page("/admin");
        assertThat(later).contains("survey-sync").doesNotContain(secret.group(1));
        HttpResponse<Void> used = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/count")).header("Authorization", "Bearer " + secret.group(1)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(used.statusCode()).isEqualTo(200);
    }

    @Test
    void aReportFileIsGeneratedOnlyForAProductThatExists() throws Exception {
        Session analyst = Session.signIn(port, "analyst", PASSWORDS.get("analyst"));
        for (int i = 0; i < 3; i++) {
            assertThat(analyst.send("POST /reports", Map.of("product", "made-up-" + i))).isEqualTo(400);
        }
        try (var files = Files.list(Files.createDirectories(dataDir.resolve("reports")))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("made-up"));
        }
    }

    private static void check(SoftAssertions soft, Row row, String column, String route, String allowed, int status) {
        String what = row.action() + " — " + route + " as " + column + " (table: " + allowed + ")";
        if (allowed.equals("yes")) {
            soft.assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
        } else if (allowed.equals("no")) {
            soft.assertThat(status).as(what).isEqualTo(403);
        } else {
            soft.fail("unexpected cell '" + allowed + "' for " + what);
        }
    }

    private int api(String route, String authorization) throws Exception {
        String[] mp = route.split(" ", 2);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sample(mp[1])))
                .header("Authorization", authorization);
        if (mp[0].equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Path variables get values that name nothing: the request reaches the handler and changes nothing. */
    static String sample(String path) {
        return path.replace("{id}", "no-such-alert").replace("{name}", "nobody");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A browser's session: signed in through the login form, with the CSRF token its pages carry. */
    record Session(int port, HttpClient client, String csrf) {
        static Session signIn(int port, String user, String password) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                            "_csrf", csrf(login))))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location").orElse("")).as(user + " signs in").doesNotContain("error");
            String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reports")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new Session(port, client, csrf(page));
        }

        int send(String route) throws Exception {
            return send(route, true);
        }

        /** A page's HTML, or its status in brackets when it is not 200. */
        String page(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "[" + r.statusCode() + "]";
        }

        int send(String route, boolean withCsrf) throws Exception {
            return send(route, withCsrf, Map.of());
        }

        int send(String route, Map<String, String> fields) throws Exception {
            return send(route, true, fields);
        }

        int send(String route, boolean withCsrf, Map<String, String> fields) throws Exception {
            String[] mp = route.split(" ", 2);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sample(mp[1])));
            if (mp[0].equals("POST")) {
                Map<String, String> all = new LinkedHashMap<>(fields);
                if (withCsrf) {
                    all.put("_csrf", csrf);
                }
                b.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(all)));
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/login")) {
                return 401; // sent back to the login form: not signed in
            }
            return r.statusCode();
        }

        private static String csrf(String html) {
            Matcher m = CSRF.matcher(html);
            assertThat(m.find()).as("a CSRF token on the page").isTrue();
            return m.group(1);
        }

        private static String form(Map<String, String> fields) {
            return String.join("&", fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        }
    }
}
