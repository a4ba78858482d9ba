package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session for HTTP page tests: signed in through the login form (session cookie), posting forms with the
 * CSRF token the way a browser does (read from {@code formPage}, the page that shows the form).
 */
public record FormSession(HttpClient client, int port, String formPage) {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Signs in through the login form; fails the test when the login is refused. */
    public static FormSession signIn(int port, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        FormSession s = new FormSession(client, port, "/login");
        HttpResponse<String> r = s.post("/login", List.of(Map.entry("username", user), Map.entry("password", password)));
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return s;
    }

    /** The same session, taking the CSRF token of its posts from {@code page}. */
    public FormSession formsFrom(String page) {
        return new FormSession(client, port, page);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) throws Exception {
        return post(path, fields, true);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return post(path, List.copyOf(fields.entrySet()), true);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields, boolean withCsrf) throws Exception {
        return post(path, List.copyOf(fields.entrySet()), withCsrf);
    }

    private HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields, boolean withCsrf)
            throws Exception {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (withCsrf) {
            all.add(Map.entry("_csrf", csrf(get(formPage).body())));
        }
        String body = String.join("&", all.stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's form; fails the test when there is none. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
