package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The audit log (issue 21): who did what and when, for admins only, from the pages and the API alike. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.api-tokens", () -> ApiClient.TEST_TOKEN);
        String[][] users = {{"boss", "boss-pw", "ADMIN"}, {"ana", "ana-pw", "ANALYST"}, {"vic", "vic-pw", "VIEWER"}};
        for (int i = 0; i < users.length; i++) {
            int n = i;
            r.add("koubei.security.users[" + n + "].name", () -> users[n][0]);
            r.add("koubei.security.users[" + n + "].password", () -> users[n][1]);
            r.add("koubei.security.users[" + n + "].role", () -> users[n][2]);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void exportsChangesAndFailedLoginsAreRecordedAndOnlyAdminsReadThem() {
        ApiClient api = new ApiClient(port);
        ApiClient analyst = api.as(ApiClient.basic("ana", "ana-pw"));
        ApiClient admin = api.as(ApiClient.basic("boss", "boss-pw"));

        assertThat(api.post("/api/v1/feedback", "application/x-ndjson",
                "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"1\",\"createdAt\":\"2026-11-02T10:00:00+08:00\",\"text\":\"续航太差\"}")
                .status()).isEqualTo(200);
        assertThat(analyst.get("/api/v1/export.csv?channel=social").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/models/sentiment/activate?version=builtin", "application/json", "").status())
                .isLessThan(500);

        assertThat(api.as(ApiClient.basic("vic", "vic-pw")).get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(analyst.get("/api/v1/audit").status()).isEqualTo(403);
        // last of ana's requests: a failed sign-in makes the account wait before its next attempt
        assertThat(api.as(ApiClient.basic("ana", "wrong")).get("/api/v1/count").status()).isEqualTo(401);
        ApiClient.Response log = admin.get("/api/v1/audit");
        assertThat(log.status()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        for (JsonNode e : log.json().get("entries")) {
            lines.add(e.get("actor").asString() + " " + e.get("action").asString());
        }
        assertThat(lines).contains("ana export", "ana login.failure");
        assertThat(lines).as("feedback intake is not a person's action").noneMatch(l -> l.contains("feedback"));

        ApiClient.Response failures = admin.get("/api/v1/audit?action=login&actor=ana");
        assertThat(failures.json().get("entries")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("action").asString()).startsWith("login."));
        assertThat(admin.get("/api/v1/audit?from=yesterday").status()).isEqualTo(400);
    }
}
