package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The themes API as a team uses it: list, rename, hide, merge back, and the theme filter on search. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThemesApiTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> ApiClient.TEST_TOKEN);
        String[][] users = {{"ana", "ana-pw", "ANALYST"}, {"vic", "vic-pw", "VIEWER"}};
        for (int i = 0; i < users.length; i++) {
            int n = i;
            r.add("koubei.security.users[" + n + "].name", () -> users[n][0]);
            r.add("koubei.security.users[" + n + "].password", () -> users[n][1]);
            r.add("koubei.security.users[" + n + "].role", () -> users[n][2]);
        }
    }

    @LocalServerPort
    int port;

    private static final String[] TEXTS = {"升级以后指纹解锁老是失败", "指纹解锁失败好几次，只能输密码", "更新后指纹解锁太慢了",
            "屏幕很清晰，满意", "续航太差了", "客服态度很差"};

    @Test
    void listRenameHideAndFilter() {
        ApiClient api = new ApiClient(port);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 36; i++) {
            body.append("{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"").append(i)
                    .append("\",\"createdAt\":\"2026-11-0").append(1 + i % 7).append("T10:00:00+08:00\",\"text\":\"")
                    .append(TEXTS[i % TEXTS.length]).append("\"}\n");
        }
        assertThat(api.post("/api/v1/feedback", "application/x-ndjson", body.toString()).status()).isEqualTo(200);
        ApiClient analyst = api.as(ApiClient.basic("ana", "ana-pw"));
        ApiClient viewer = api.as(ApiClient.basic("vic", "vic-pw"));

        JsonNode list = viewer.get("/api/v1/themes?from=2026-11-01&to=2026-11-30").json();
        JsonNode unlock = find(list, "指纹解锁");
        assertThat(unlock).as(list.toString()).isNotNull();
        String id = unlock.get("id").asString();
        assertThat(unlock.get("volume").asLong()).isEqualTo(18);
        assertThat(unlock.get("negativeShare").asDouble()).isEqualTo(1.0);
        assertThat(unlock.get("firstSeen").asString()).isEqualTo("2026-W44");
        assertThat(unlock.get("aspect").isNull()).isTrue();
        assertThat(viewer.get("/api/v1/search?theme=" + id + "&limit=50").json().get("total").asLong()).isEqualTo(18);
        assertThat(viewer.get("/api/v1/count?theme=" + id + "&polarity=negative").status()).isEqualTo(200);

        assertThat(viewer.post("/api/v1/themes/" + id, "application/json", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(analyst.post("/api/v1/themes/" + id, "application/json", "{\"name\":\"指纹解锁失败\"}").status()).isEqualTo(200);
        assertThat(find(viewer.get("/api/v1/themes").json(), "指纹解锁失败")).isNotNull();
        assertThat(analyst.post("/api/v1/themes/" + id, "application/json", "{\"hidden\":true}").status()).isEqualTo(200);
        assertThat(find(viewer.get("/api/v1/themes").json(), "指纹解锁失败")).isNull();
        assertThat(find(viewer.get("/api/v1/themes?hidden=true").json(), "指纹解锁失败").get("hidden").asBoolean()).isTrue();
        assertThat(analyst.post("/api/v1/themes/not-a-theme", "application/json", "{}").status()).isEqualTo(400);
        assertThat(analyst.post("/api/v1/themes/" + id + "/merge", "application/json", "{\"into\":\"" + id + "\"}").status()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode t : list) {
            if (t.get("name").asString().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
