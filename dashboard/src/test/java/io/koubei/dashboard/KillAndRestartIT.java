package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged item is never lost, a re-sent one never counted twice: kill -9 the real process in between. */
class KillAndRestartIT {
    @TempDir
    Path dataDir;

    private static String batch(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add("{\"source\":\"zendesk\",\"channel\":\"ticket\",\"externalId\":\"t" + i
                    + "\",\"createdAt\":\"2026-10-0" + (1 + i % 7) + "T09:00:00+08:00\",\"text\":\"第" + i + "号工单：手机发热严重\"}");
        }
        return String.join("\n", lines);
    }

    @Test
    void acknowledgedItemsSurviveKillMinus9AndResendingDoesNotDuplicate() throws Exception {
        int acknowledged = 0;
        try (KoubeiProcess koubei = KoubeiProcess.serve(dataDir)) {
            for (int b = 0; b < 6; b++) {
                ApiClient.Response r = koubei.api().post("/api/v1/feedback", "application/x-ndjson", batch(b * 250, b * 250 + 250));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                acknowledged += r.json().get("accepted").asInt();
            }
            koubei.kill9();
        }
        assertThat(acknowledged).isEqualTo(1500);

        try (KoubeiProcess koubei = KoubeiProcess.serve(dataDir)) {
            assertThat(koubei.api().get("/api/v1/count?source=zendesk").json().get("count").asLong()).isEqualTo(1500);
            ApiClient.Response again = koubei.api().post("/api/v1/feedback", "application/x-ndjson", batch(0, 1500));
            assertThat(again.json().get("created").asInt()).isZero();
            assertThat(again.json().get("updated").asInt()).isEqualTo(1500);
            assertThat(koubei.api().get("/api/v1/count?source=zendesk").json().get("count").asLong()).isEqualTo(1500);
        }
    }
}
