package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Issue 17 §1, as a new user met it: a Weibo/forum-shaped export whose author.registeredAt is a plain date and whose
 * author.level is "Lv7" lands whole through {@code koubei import}, the date at midnight in the team's zone
 * (koubei.zone), and the output counts the warnings apart from rejections.
 */
class ImportCommandWarningsTest {

    @TempDir
    Path dir;

    @Test
    void aRealShapedExportLandsWholeWithWarningsAndTheTeamsZone() throws Exception {
        Path file = dir.resolve("weibo-export.csv");
        StringBuilder csv = new StringBuilder("source,channel,externalId,createdAt,text,author.id,author.registeredAt,author.level,author.followers,author.verified\n");
        for (int i = 1; i <= 30; i++) {
            csv.append("weibo,social,w").append(i).append(",2026-10-0").append(1 + i % 7).append("T10:00:00+08:00,续航太差了").append(i)
                    .append(",u").append(i).append(",2024-02-01,Lv7,\"1.2万\",是\n");
        }
        Files.writeString(file, csv);
        Path data = dir.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setProperty("koubei.zone", "Europe/Berlin");
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new ImportCommand()).execute("--data-dir", data.toString(), "--quiet", "--no-signals", file.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            System.clearProperty("koubei.zone");
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        String warned = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + warned).isZero();
        assertThat(printed).contains("30 rows read, 30 accepted (30 created, 0 updated), 0 rejected, 30 landed with warnings (90 warnings)");
        assertThat(warned).contains("warning: weibo-export.csv:2: author.registeredAt: '2024-02-01' read as 2024-02-01T00:00+01:00"
                        + " (midnight in Europe/Berlin, the team's zone; koubei import --zone, or dates.zone in mapping.yml, sets another)")
                .contains("warning: weibo-export.csv:2: author.level: 'Lv7' read as 7")
                .contains("warning: … 90 warnings in all, by field: {author.followers=30, author.level=30, author.registeredAt=30}");

        try (ConfigurableApplicationContext ctx = SpringLauncher.start(false, data, Map.of("koubei.report.cron", ""))) {
            FeedbackItem item = ctx.getBean(FeedbackStore.class).get("weibo:w1").orElseThrow().item();
            assertThat(item.author().registeredAt()).isEqualTo(Instant.parse("2024-01-31T23:00:00Z"));
            assertThat(item.author().level()).isEqualTo(7);
            assertThat(item.author().followers()).isEqualTo(12_000);
            assertThat(item.author().verified()).isTrue();
        }
    }
}
