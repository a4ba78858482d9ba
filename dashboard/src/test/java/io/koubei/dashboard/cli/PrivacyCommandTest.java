package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code koubei privacy export|erase} on a data directory, as an operator runs them (issue 21). */
class PrivacyCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private static Run run(Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = new CommandLine(command).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void anAuthorsItemsAreExportedThenErasedAndTheOthersStay() throws Exception {
        Path file = dir.resolve("items.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"1\",\"createdAt\":\"2026-11-03T10:00:00+08:00\",\"text\":\"续航太差\",\"author\":{\"id\":\"u1\"}}",
                "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"2\",\"createdAt\":\"2026-11-03T11:00:00+08:00\",\"text\":\"拍照很好\",\"author\":{\"id\":\"u2\"}}",
                "{\"source\":\"forum\",\"channel\":\"community\",\"externalId\":\"3\",\"createdAt\":\"2026-11-03T12:00:00+08:00\",\"text\":\"屏幕发黄\",\"author\":{\"id\":\"u1\"}}")
                + "\n");
        Path data = dir.resolve("data");
        assertThat(run(new ImportCommand(), "--data-dir", data.toString(), "--quiet", "--no-signals", file.toString()).code()).isZero();

        Run export = run(new PrivacyCommand(), "export", "--author", "u1", "--source", "weibo", "--data-dir", data.toString());
        assertThat(export.code()).isZero();
        assertThat(export.out()).contains("续航太差").doesNotContain("拍照很好").doesNotContain("屏幕发黄").contains("\"count\" : 1");

        Run erase = run(new PrivacyCommand(), "erase", "--author", "u1", "--source", "weibo", "--data-dir", data.toString());
        assertThat(erase.code()).isZero();
        assertThat(erase.out()).contains("erased 1 items");

        Run after = run(new PrivacyCommand(), "export", "--id", "weibo:1", "--id", "weibo:2", "--id", "forum:3", "--data-dir", data.toString());
        assertThat(after.out()).doesNotContain("续航太差").contains("拍照很好").contains("屏幕发黄");
        assertThat(io.koubei.dashboard.StateOnDisk.text(data, "audit")).contains("privacy.erase").contains("cli:");
    }
}
