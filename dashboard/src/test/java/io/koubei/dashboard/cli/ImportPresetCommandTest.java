package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code koubei import --preset}: list, refusals naming flags that exist, and a real import through the command. */
class ImportPresetCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ImportCommand cmd = new ImportCommand();
        new CommandLine(cmd).parseArgs(args);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cmd.call();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listShowsEveryPresetWithTheColumnsItReads() {
        Run r = run("--preset", "list");
        assertThat(r.code()).isZero();
        for (String name : new String[] {"wjx", "tencent-survey", "surveymonkey", "typeform", "qualtrics", "google-play",
                "weibo-crawler", "mediacrawler"}) {
            assertThat(r.out()).contains("\n" + name + " — ");
        }
        assertThat(r.out()).contains("问卷星答卷导出").contains("createdAt ← Review Submit Millis Since Epoch")
                .contains("rating.value ← /推荐.*(可能|意愿|程度|几分|多大)/");
    }

    @Test
    void anUnknownPresetOrAMissingFileIsRefusedNamingFlagsThatExist() {
        Run r = run("--preset", "weibo", dir.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown preset 'weibo'; expected one of wjx, tencent-survey, surveymonkey, typeform,"
                + " qualtrics, google-play, weibo-crawler, mediacrawler (koubei import --preset list");
        Run none = run("--preset", "wjx");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("koubei import --preset list");
        CommandLine.Model.CommandSpec spec = new CommandLine(new ImportCommand()).getCommandSpec();
        Matcher flags = Pattern.compile("(--[a-z-]+)").matcher(r.err() + none.err());
        while (flags.find()) {
            assertThat(spec.findOption(flags.group(1))).as(flags.group(1)).isNotNull();
        }
    }

    @Test
    void aWeiboCrawlerCsvLandsThroughTheCommandInTheZoneGiven() throws Exception {
        Path file = dir.resolve("1669879400.csv");
        try (InputStream in = getClass().getResourceAsStream("/presets/weibo-crawler.csv")) {
            Files.copy(in, file);
        }
        Path data = dir.resolve("data");
        Run r = run("--preset", "weibo-crawler", "--zone", "+08:00", "--data-dir", data.toString(), "--quiet",
                "--no-signals", file.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("2 rows read, 2 accepted (2 created, 0 updated), 0 rejected");
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(data.resolve("index"))) {
            assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(2);
            FeedbackItem a = store.get("weibo:4998877665544332").orElseThrow().item();
            assertThat(a.createdAt()).isEqualTo(Instant.parse("2024-05-01T02:15:00Z"));
            assertThat(a.interactions().likes()).isEqualTo(12000);
        }
    }
}
