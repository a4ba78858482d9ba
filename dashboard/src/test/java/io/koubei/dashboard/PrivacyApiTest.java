package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.dashboard.report.ReportArchive;
import io.koubei.dashboard.report.ReportFormat;
import io.koubei.dashboard.speed.LifecycleEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Personal-data rights (issue 21): an admin exports everything held about one author and erases it, with what was
 * derived from it (lifecycle events, archived reports); the same id on another platform is another person and stays.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyApiTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> ApiClient.TEST_TOKEN);
        r.add("koubei.security.users[0].name", () -> "boss");
        r.add("koubei.security.users[0].password", () -> "boss-pw");
        r.add("koubei.security.users[0].role", () -> "ADMIN");
        r.add("koubei.security.users[1].name", () -> "ana");
        r.add("koubei.security.users[1].password", () -> "ana-pw");
        r.add("koubei.security.users[1].role", () -> "ANALYST");
    }

    @LocalServerPort
    int port;
    @Autowired
    ReportArchive reports;
    @Autowired
    LifecycleEventStore lifecycle;
    @Autowired
    io.koubei.core.state.StateStore state;

    private static String item(String source, String id, String author, String text) {
        return "{\"source\":\"" + source + "\",\"channel\":\"social\",\"externalId\":\"" + id
                + "\",\"createdAt\":\"2026-11-03T10:00:00+08:00\",\"text\":\"" + text + "\",\"author\":{\"id\":\"" + author + "\"}}";
    }

    @Test
    void anAuthorsDataIsExportedThenErasedWithWhatWasDerivedFromIt() throws Exception {
        ApiClient api = new ApiClient(port);
        String body = String.join("\n", item("weibo", "1", "u1", "续航太差了，电话13812345678找我"),
                item("weibo", "2", "u1", "客服不回复"), item("weibo", "3", "u2", "拍照很好"),
                item("forum", "4", "u1", "屏幕发黄"));
        assertThat(api.post("/api/v1/feedback", "application/x-ndjson", body).status()).isEqualTo(200);
        assertThat(lifecycle.receive("test", "{\"itemId\":\"weibo:2\",\"type\":\"opened\",\"at\":\"2026-11-03T10:05:00+08:00\"}")
                .accepted()).isEqualTo(1);
        Path report = reports.generate("2026-W45", null, ReportFormat.MD);
        String before = Files.readString(report);
        ApiClient admin = api.as(ApiClient.basic("boss", "boss-pw"));

        assertThat(api.as(ApiClient.basic("ana", "ana-pw")).get("/api/v1/privacy/export?author=u1&source=weibo").status())
                .isEqualTo(403);
        ApiClient.Response export = admin.get("/api/v1/privacy/export?author=u1&source=weibo");
        assertThat(export.status()).isEqualTo(200);
        List<String> exported = new ArrayList<>();
        for (JsonNode i : export.json().get("items")) {
            exported.add(i.get("text").asString());
        }
        assertThat(exported).containsExactlyInAnyOrder("续航太差了，电话13812345678找我", "客服不回复"); // their own data, unmasked
        assertThat(admin.get("/api/v1/privacy/export?author=u1").status()).as("author ids are per source").isEqualTo(400);

        assertThat(api.as(ApiClient.basic("ana", "ana-pw")).post("/api/v1/privacy/erase", "application/json",
                "{\"author\":\"u1\",\"source\":\"weibo\"}").status()).isEqualTo(403);
        ApiClient.Response erased = admin.post("/api/v1/privacy/erase", "application/json", "{\"author\":\"u1\",\"source\":\"weibo\"}");
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().get("items").asLong()).isEqualTo(2);
        assertThat(erased.json().get("lifecycleEvents").asInt()).isEqualTo(1);
        assertThat(erased.json().get("reportsRegenerated").toString()).contains(report.getFileName().toString());

        assertThat(api.get("/api/v1/count?source=weibo&author=u1").json().get("count").asLong()).isZero();
        assertThat(api.get("/api/v1/count?source=forum&author=u1").json().get("count").asLong()).as("another person").isEqualTo(1);
        assertThat(api.get("/api/v1/count?author=u2").json().get("count").asLong()).isEqualTo(1);
        assertThat(lifecycle.log().itemIds()).doesNotContain("weibo:2");
        assertThat(state.collection("speed-events").all()).as("the shared events collection")
                .noneMatch(d -> d.json().contains("weibo:2"));
        assertThat(Files.readString(report)).as("the rebuilt report").isNotEqualTo(before)
                .doesNotContain("客服不回复").doesNotContain("13812345678");

        ApiClient.Response audit = admin.get("/api/v1/audit?action=privacy");
        assertThat(audit.json().get("entries").toString()).contains("privacy.erase").contains("author=u1")
                .doesNotContain("客服不回复");
    }
}
