package io.koubei.dashboard.importing;

import io.koubei.dashboard.FormSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The import page over real HTTP (signed-in session, CSRF token, a multipart upload as a browser sends it): a Google
 * Play report (UTF-16) uploaded with the google-play preset lands; a file that is not the preset's is refused with
 * the reason; an analyst sees the presets but cannot import.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportPageHttpTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.users[0].name", () -> "root");
        r.add("koubei.security.users[0].password", () -> "root-pw-123");
        r.add("koubei.security.users[0].role", () -> "ADMIN");
        r.add("koubei.security.users[1].name", () -> "ana");
        r.add("koubei.security.users[1].password", () -> "ana-pw-1234");
        r.add("koubei.security.users[1].role", () -> "ANALYST");
        r.add("koubei.sources.enabled", () -> "false");
        r.add("koubei.signals.cron", () -> "");
        r.add("koubei.report.cron", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    FeedbackStore store;

    private HttpClient signIn(String user, String password) throws Exception {
        return FormSession.signIn(port, user, password).client();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** multipart/form-data as a browser builds it: the fields, then the file's bytes unchanged. */
    private HttpResponse<String> upload(HttpClient client, String csrf, Map<String, String> fields, String fileName, byte[] bytes) throws Exception {
        String boundary = "----koubeiTestBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        for (Map.Entry<String, String> f : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/settings/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = ImportPageHttpTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anAdminUploadsAGooglePlayReportWithItsPresetAndItLands() throws Exception {
        HttpClient admin = signIn("root", "root-pw-123");
        String page = get(admin, "/settings/import").body();
        assertThat(page).contains("id=\"import-form\"").contains("value=\"google-play\"").contains("id=\"preset-mediacrawler\"")
                .contains("Review Submit Millis Since Epoch");

        HttpResponse<String> r = upload(admin, FormSession.csrf(page), Map.of("preset", "google-play"),
                "reviews_com.example.novax1_202405.csv", resource("/presets/google-play.csv"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("读取 3 行，接受 3 行（新增 3，更新 0），拒绝 0 行").contains("UTF-16LE");
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(3);
        FeedbackItem two = store.get("google-play:http://play.google.com/console/developers/5550000000000000000/app/"
                + "4970000000000000000/user-feedback/review-details?reviewId=gp:AOqpTOFakeReviewOne&corpus=PUBLISHED_REVIEWS")
                .orElseThrow().item();
        assertThat(two.rating().value()).isEqualTo(2);
        assertThat(two.channel()).isEqualTo(Channel.REVIEW);
        assertThat(two.source()).isEqualTo("google-play");
        assertThat(two.text()).isEqualTo("更新后耗电太快了，一晚上掉了30%");

        // a file the preset does not read: refused as a whole, nothing lands
        HttpResponse<String> wrong = upload(admin, FormSession.csrf(page), Map.of("preset", "weibo-crawler"), "notes.csv",
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("notes.csv: no column for externalId");
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(3);
    }

    @Test
    void anAnalystSeesThePresetsButCannotImport() throws Exception {
        HttpClient analyst = signIn("ana", "ana-pw-1234");
        HttpResponse<String> page = get(analyst, "/settings/import");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"preset-wjx\"").doesNotContain("id=\"import-form\"");
        HttpResponse<String> r = upload(analyst, FormSession.csrf(get(analyst, "/sources").body()), Map.of("preset", "google-play"),
                "r.csv", resource("/presets/google-play.csv"));
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
