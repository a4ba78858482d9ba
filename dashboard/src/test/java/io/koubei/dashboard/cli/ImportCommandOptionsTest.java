package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.ingest.format.ColumnMapping;
import io.koubei.ingest.format.FeedbackJsonCodec;
import io.koubei.ingest.format.FeedbackReader;
import io.koubei.ingest.format.FeedbackReaders;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.InputFormat;
import io.koubei.ingest.format.InvalidFeedbackException;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.format.Rejection;
import io.koubei.ingest.format.Warning;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 17 §1: the flags that import messages name exist on {@code koubei import}, and do what they say. */
class ImportCommandOptionsTest {

    private static final Pattern FLAG = Pattern.compile("koubei import (--[a-z-]+)");

    @TempDir
    Path dir;

    @Test
    void zoneAndEncodingReachTheReaders() throws IOException {
        ImportCommand cmd = parse("--zone", "Asia/Tokyo", "--encoding", "GBK", "--format", "xls", "f.xls");
        ImportOptions o = cmd.options();
        assertThat(o.formatOptions().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(o.formatOptions().charset()).isEqualTo(Charset.forName("GBK"));
        assertThat(o.format()).isEqualTo(InputFormat.XLS);

        ImportOptions none = parse("f.csv").options();
        assertThat(none.formatOptions().zone()).isNull();
        assertThat(none.formatOptions().charset()).as("detected").isNull();

        assertThatThrownBy(() -> parse("--zone", "Mars/Olympus", "f.csv").options())
                .hasMessage("--zone: 'Mars/Olympus' is not a time zone (e.g. Asia/Shanghai, +08:00)");
        assertThatThrownBy(() -> parse("--encoding", "klingon", "f.csv").options())
                .hasMessage("--encoding: 'klingon' is not a known encoding (e.g. UTF-8, GBK, UTF-16)");
    }

    @Test
    void withZoneALocalCreatedAtLandsAndWithoutItTheHintNamesFlagsThatExist() throws IOException {
        Path file = dir.resolve("local.jsonl");
        Files.writeString(file, "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"1\",\"createdAt\":\"2024-05-01 10:15\",\"text\":\"t\"}\n"
                + "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"2\",\"createdAt\":\"2024-05-01\",\"text\":\"t\"}\n");
        List<ParseResult> zoned = read(file, parse("--zone", "+08:00", file.toString()).options().formatOptions());
        assertThat(zoned).allMatch(ParseResult::valid);
        assertThat(((ParseResult.Valid) zoned.get(0)).item().createdAt()).hasToString("2024-05-01T02:15:00Z");

        List<String> messages = new ArrayList<>();
        read(file, parse(file.toString()).options().formatOptions()).forEach(r -> ((ParseResult.Invalid) r).rejections()
                .forEach(x -> messages.add(x.toString())));
        byte[] gbk = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"1\",\"createdAt\":1714529730000,\"text\":\"中文\"}\n"
                .getBytes(Charset.forName("GBK"));
        Path wrong = dir.resolve("gbk.jsonl");
        Files.write(wrong, gbk);
        read(wrong, FormatOptions.standard().withCharset(StandardCharsets.UTF_8)).forEach(r -> ((ParseResult.Invalid) r).rejections()
                .forEach(x -> messages.add(x.toString())));
        assertThat(messages).hasSize(3);
        assertHintsNameExistingFlags(messages);
        assertThatThrownBy(() -> new FeedbackJsonCodec().fromJson(
                "{\"source\":\"s\",\"channel\":\"social\",\"id\":\"1\",\"createdAt\":\"2024-05-01T10:00\",\"text\":\"t\"}"))
                .isInstanceOfSatisfying(InvalidFeedbackException.class, e -> assertHintsNameExistingFlags(List.of(e.getMessage())));
    }

    @Test
    void warningsAreShownThenCountedPerFieldAndDoNotMakeTheImportFail() {
        List<Warning> warnings = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            warnings.add(new Warning("w.csv", i + 1, i % 5 == 0 ? "author.level" : "author.registeredAt", "read as …"));
        }
        ImportSummary s = new ImportSummary("w.csv", 25, 25, 25, 0, 0, 0, List.<Rejection>of(), 0, 25, warnings, 0, "UTF-8",
                true, Duration.ofMillis(10), null);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ImportCommand.reportWarnings(s, new PrintStream(err, true, StandardCharsets.UTF_8));
        String out = err.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().filter(l -> l.startsWith("warning: w.csv:"))).hasSize(ImportCommand.WARNINGS_SHOWN);
        assertThat(out).contains("warning: … 25 warnings in all, by field: {author.level=5, author.registeredAt=20}");
        assertThat(s.describe()).contains("25 accepted (25 created, 0 updated), 0 rejected, 25 landed with warnings (25 warnings)");
    }

    private static void assertHintsNameExistingFlags(List<String> messages) {
        CommandLine.Model.CommandSpec spec = new CommandLine(new ImportCommand()).getCommandSpec();
        int flags = 0;
        for (String m : messages) {
            Matcher f = FLAG.matcher(m);
            while (f.find()) {
                flags++;
                assertThat(spec.findOption(f.group(1))).as(f.group(1) + " in: " + m).isNotNull();
            }
        }
        assertThat(flags).as("the hints name a flag").isGreaterThanOrEqualTo(messages.size());
    }

    private static List<ParseResult> read(Path file, FormatOptions options) throws IOException {
        try (FeedbackReader r = FeedbackReaders.open(file, ColumnMapping.NONE, options)) {
            return r.stream().toList();
        }
    }

    private static ImportCommand parse(String... args) {
        ImportCommand cmd = new ImportCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }
}
