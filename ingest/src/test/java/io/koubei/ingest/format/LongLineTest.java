package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: a short line read right after a line over 64 KiB used to decode as NUL bytes (issue 21, finding 2). */
class LongLineTest {

    private static final String ITEM = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"%s\","
            + "\"createdAt\":\"2024-05-01T10:00:00+08:00\",\"text\":\"%s\"%s}";

    @TempDir
    Path dir;

    @Test
    void theLineAfterALongLineIsReadIntact() throws IOException {
        String longLine = "x".repeat(72 * 1024);
        byte[] input = (longLine + "\nshort\n" + longLine + "\r\n短行\n").getBytes(StandardCharsets.UTF_8);
        try (StrictLineReader reader = new StrictLineReader(new ByteArrayInputStream(input), 1 << 20)) {
            assertThat(reader.next().text()).isEqualTo(longLine);
            assertThat(reader.next().text()).isEqualTo("short");
            assertThat(reader.next().text()).isEqualTo(longLine);
            assertThat(reader.next().text()).isEqualTo("短行");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void jsonLinesAfterALongItemAllLand() throws IOException {
        String padding = ",\"note\":\"" + "p".repeat(72 * 1024) + "\"";
        Path path = dir.resolve("long.jsonl");
        Files.writeString(path, ITEM.formatted("a1", "很长", padding) + "\n" + ITEM.formatted("a2", "好评", "") + "\n"
                + ITEM.formatted("a3", "差评", "") + "\n");
        List<ParseResult> results = RoundTripTest.readAll(path, ColumnMapping.NONE, FormatOptions.standard());
        assertThat(results).allMatch(ParseResult::valid, "every line valid");
        assertThat(results).extracting(r -> ((ParseResult.Valid) r).item().id())
                .containsExactly("weibo:a1", "weibo:a2", "weibo:a3");
    }

    @Test
    void csvRowsAfterALongRowAllLand() throws IOException {
        Path path = dir.resolve("long.csv");
        Files.writeString(path, "source,channel,externalId,createdAt,text,note\n"
                + "weibo,social,1,2024-05-01T10:00:00+08:00,长," + "p".repeat(72 * 1024) + "\n"
                + "weibo,social,2,2024-05-01T10:00:00+08:00,短,n\n");
        List<ParseResult> results = RoundTripTest.readAll(path, ColumnMapping.NONE, FormatOptions.standard());
        assertThat(results).allMatch(ParseResult::valid, "every row valid");
        assertThat(results).extracting(r -> ((ParseResult.Valid) r).item().text()).containsExactly("长", "短");
    }

    /** Regression: an id over Lucene's 32,766-byte term limit was answered 200 and silently dead-lettered (finding 4). */
    @Test
    void anOverlongIdIsRejectedWithItsLineNotLeftToTheStore() throws IOException {
        Path path = dir.resolve("ids.jsonl");
        Files.writeString(path, ITEM.formatted("x".repeat(40_000), "好评", "") + "\n" + ITEM.formatted("ok", "好评", "") + "\n"
                + ITEM.formatted("p", "好评", ",\"product\":\"" + "长".repeat(12_000) + "\"") + "\n");
        List<ParseResult> results = RoundTripTest.readAll(path, ColumnMapping.NONE, FormatOptions.standard());
        assertThat(results).extracting(ParseResult::valid).containsExactly(false, true, false);
        assertThat(((ParseResult.Invalid) results.get(0)).rejections()).extracting(Object::toString)
                .containsExactly("ids.jsonl:1: externalId: 40,000 characters exceeds the limit of 1,000 for identifiers and names");
        assertThat(((ParseResult.Invalid) results.get(2)).rejections()).extracting(Object::toString)
                .containsExactly("ids.jsonl:3: product: 12,000 characters exceeds the limit of 1,000 for identifiers and names");
    }
}
