package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Pages render their links without looking each one up as a static file (the resource-URL encoding filter is off:
 * at 1M items it was about half the CPU of the alerts page), and the links it used to encode still work as they are:
 * the style sheet, the scripts and the versioned ECharts webjar are served from the paths the pages name.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageLinksTest {
    private static final String ANALYST = ApiClient.basic("ana", "ana-pw-1234");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.users[0].name", () -> "ana");
        r.add("koubei.security.users[0].password", () -> "ana-pw-1234");
        r.add("koubei.security.users[0].role", () -> "ANALYST");
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ANALYST).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theResourceUrlEncodingFilterIsRegisteredDisabled() {
        var registrations = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .filter(r -> r.getFilter() instanceof ResourceUrlEncodingFilter).toList();
        assertThat(registrations).isNotEmpty();
        assertThat(registrations).allSatisfy(r -> assertThat(r.isEnabled()).isFalse());
    }

    @Test
    void everyStaticLinkOfThePagesIsServedAsWritten() throws Exception {
        Pattern asset = Pattern.compile("(?:href|src)=\"(/[^\"?#]*\\.(?:css|js))\"");
        int checked = 0;
        for (String page : List.of("/", "/alerts", "/crosscheck", "/speed", "/reports")) {
            HttpResponse<String> r = get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            Matcher m = asset.matcher(r.body());
            while (m.find()) {
                assertThat(get(m.group(1)).statusCode()).as(page + " → " + m.group(1)).isEqualTo(200);
                checked++;
            }
        }
        assertThat(checked).as("style sheet and scripts linked").isGreaterThanOrEqualTo(5);
        assertThat(get("/").body()).contains("/koubei.css").contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
    }
}
