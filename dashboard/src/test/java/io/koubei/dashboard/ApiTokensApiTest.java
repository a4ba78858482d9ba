package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** API tokens admins manage (issue 21): named, scoped, stored hashed, revocable, last use shown. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokensApiTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("koubei.data-dir", () -> dataDir.toString());
        r.add("koubei.security.users[0].name", () -> "boss");
        r.add("koubei.security.users[0].password", () -> "boss-pw");
        r.add("koubei.security.users[0].role", () -> "ADMIN");
        r.add("koubei.security.users[1].name", () -> "ana");
        r.add("koubei.security.users[1].password", () -> "ana-pw");
        r.add("koubei.security.users[1].role", () -> "ANALYST");
    }

    @LocalServerPort
    int port;

    private static final String ITEM = "{\"source\":\"zendesk\",\"channel\":\"ticket\",\"externalId\":\"t1\","
            + "\"createdAt\":\"2026-11-03T10:00:00+08:00\",\"text\":\"无法登录\"}";

    @Test
    void anIngestTokenPostsFeedbackUntilItIsRevokedAndAReadTokenOnlyReads() throws Exception {
        ApiClient anon = new ApiClient(port, null);
        ApiClient admin = anon.as(ApiClient.basic("boss", "boss-pw"));
        assertThat(anon.as(ApiClient.basic("ana", "ana-pw")).post("/api/v1/tokens", "application/json",
                "{\"name\":\"x\",\"scope\":\"ingest\"}").status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/tokens", "application/json", "{\"name\":\"x\",\"scope\":\"everything\"}").status())
                .isEqualTo(400);

        ApiClient.Response created = admin.post("/api/v1/tokens", "application/json", "{\"name\":\"zendesk-connector\",\"scope\":\"ingest\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String id = created.json().get("token").get("id").asString();
        ApiClient connector = anon.as("Bearer " + secret);
        assertThat(connector.post("/api/v1/feedback", "application/json", ITEM).status()).isEqualTo(200);
        assertThat(connector.get("/api/v1/count?source=zendesk").json().get("count").asLong()).isEqualTo(1);

        String reader = admin.post("/api/v1/tokens", "application/json", "{\"name\":\"bi-dashboard\",\"scope\":\"read\"}")
                .json().get("secret").asString();
        assertThat(anon.as("Bearer " + reader).get("/api/v1/count").status()).isEqualTo(200);
        assertThat(anon.as("Bearer " + reader).post("/api/v1/feedback", "application/json", ITEM).status()).isEqualTo(403);

        JsonNode listed = admin.get("/api/v1/tokens").json().get("tokens");
        assertThat(listed).hasSize(2);
        JsonNode first = listed.get(0);
        assertThat(first.get("name").asString()).isEqualTo("zendesk-connector");
        assertThat(first.get("scope").asString()).isEqualTo("ingest");
        assertThat(first.get("lastUsedAt").isNull()).as("last use shown").isFalse();
        assertThat(listed.toString()).doesNotContain(secret.substring(16)).doesNotContain("hash");
        assertThat(anon.as(ApiClient.basic("ana", "ana-pw")).get("/api/v1/tokens").status()).isEqualTo(403);
        String stored = StateOnDisk.text(dataDir, "api-tokens");
        assertThat(stored).as("only a hash is kept").doesNotContain(secret.substring(16));

        assertThat(admin.post("/api/v1/tokens/" + id + "/revoke", "application/json", "").status()).isEqualTo(200);
        assertThat(connector.post("/api/v1/feedback", "application/json", ITEM).status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/tokens/nope/revoke", "application/json", "").status()).isEqualTo(404);
    }
}
