package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code koubei import} as a user runs it: the packaged jar, no web server. Its context once failed to start at all
 * (the web security configuration asked for HttpSecurity), which only a real run of the command shows.
 */
class ImportCommandIT {
    @TempDir
    Path dir;

    @Test
    void importsAFileOnTheEmbeddedDefaultAndAServerReadsIt() throws Exception {
        Path file = dir.resolve("reviews.jsonl");
        Files.write(file, List.of(
                "{\"source\":\"appstore\",\"channel\":\"review\",\"externalId\":\"a1\",\"createdAt\":\"2026-10-01T10:00:00+08:00\",\"text\":\"续航很好\",\"rating\":{\"scale\":\"stars\",\"value\":5}}",
                "{\"source\":\"appstore\",\"channel\":\"review\",\"externalId\":\"a2\",\"createdAt\":\"2026-10-02T10:00:00+08:00\",\"text\":\"客服太慢\",\"rating\":{\"scale\":\"stars\",\"value\":1}}",
                "{\"source\":\"appstore\",\"channel\":\"telepathy\",\"externalId\":\"a3\",\"createdAt\":\"2026-10-02T10:00:00+08:00\",\"text\":\"x\"}"),
                StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        Process p = KoubeiProcess.command(data, "import", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1); // one row rejected
        assertThat(out).contains("3 rows read, 2 accepted (2 created, 0 updated), 1 rejected")
                .contains("reviews.jsonl:3: channel");

        try (KoubeiProcess server = KoubeiProcess.serve(data)) {
            assertThat(server.api().get("/api/v1/count?q=续航").json().get("count").asLong()).isEqualTo(1);
            assertThat(server.api().get("/api/v1/count").json().get("count").asLong()).isEqualTo(2);
        }
    }
}
