package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.FeedbackItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadRowsTest {

    private static final String GOOD = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"%s\",\"createdAt\":\"2024-05-01T10:00:00+08:00\",\"text\":\"好评\"}";
    private static final byte[] INVALID_UTF8 = {(byte) 0xE5, (byte) 0xA5, 0x28}; // truncated 3-byte sequence

    @TempDir
    Path dir;

    @Test
    void everyGoodJsonLineLandsAndEveryBadOneIsReportedWithLineAndReason() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        line(file, GOOD.formatted("a1"));                                                                           // 1
        line(file, "{\"channel\":\"social\",\"externalId\":\"x\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"text\":\"t\"}"); // 2
        line(file, GOOD.formatted("x").replace("\"social\"", "\"forum\""));                                          // 3
        line(file, GOOD.formatted("x").replace("}", ",\"rating\":{\"scale\":\"nps\",\"value\":11}}"));               // 4
        line(file, GOOD.formatted("x").replace("2024-05-01T10:00:00+08:00", "yesterday"));                          // 5
        file.write(GOOD.formatted("x").replace("好评", "@@").getBytes(StandardCharsets.UTF_8));                      // 6
        byte[] last = file.toByteArray();
        file.reset();
        String line6 = new String(last, StandardCharsets.UTF_8);
        int at = line6.lastIndexOf("@@");
        file.write(line6.substring(0, at).getBytes(StandardCharsets.UTF_8));
        file.write(INVALID_UTF8);
        file.write(line6.substring(at + 2).getBytes(StandardCharsets.UTF_8));
        file.write('\n');
        line(file, GOOD.formatted("x").replace("好评", "长".repeat(20_001)));                                         // 7
        line(file, "{\"source\":\"weibo\",\"channel\":");                                                          // 8
        line(file, GOOD.formatted("x").replace("}", ",\"interactions\":{\"likes\":\"many\"}}"));                     // 9
        line(file, "   ");                                                                                          // 10
        line(file, GOOD.formatted("a11"));                                                                          // 11
        line(file, GOOD.formatted("x").replace("}", ",\"rating\":{\"scale\":\"ten\",\"value\":3}}"));                // 12
        line(file, GOOD.formatted("x").replace("\"2024-05-01T10:00:00+08:00\"", "1714529730"));                     // 13
        line(file, GOOD.formatted("x").replace("\"externalId\":\"x\",", ""));                                       // 14
        line(file, GOOD.formatted("a15").replace("}", ",\"shopId\":42,\"author\":{\"id\":\"u\",\"gender\":\"f\"}}")); // 15
        line(file, GOOD.formatted("x").replace("好评", ""));                                                         // 16
        line(file, GOOD.formatted("x").replace("}", ",\"text\":\"again\"}"));                                       // 17
        Path path = dir.resolve("mixed.jsonl");
        Files.write(path, file.toByteArray());

        List<ParseResult> results = RoundTripTest.readAll(path, ColumnMapping.NONE, FormatOptions.standard());

        // an optional field that cannot be used (rating out of range, unknown scale, a count that is no number) is
        // dropped with a warning: the row still lands
        assertThat(results).filteredOn(ParseResult::valid).extracting(ParseResult::line).containsExactly(1L, 4L, 9L, 11L, 12L, 15L);
        assertThat(warnings(results)).containsExactly(
                "mixed.jsonl:4: rating.value: 11 is outside the nps range 0–10; rating dropped (kept in extra as rating.value, rating.scale)",
                "mixed.jsonl:9: interactions.likes: 'many' is not a number; expected a whole number; dropped (kept in extra as interactions.likes)",
                "mixed.jsonl:12: rating.scale: unknown scale 'ten'; expected one of nps, stars, csat; rating dropped (kept in extra as rating.value, rating.scale)");
        FeedbackItem line4 = ((ParseResult.Valid) results.stream().filter(r -> r.line() == 4).findFirst().orElseThrow()).item();
        assertThat(line4.rating()).isNull();
        assertThat(line4.extra()).isEqualTo(Map.of("rating.value", 11, "rating.scale", "nps"));
        FeedbackItem withExtra = ((ParseResult.Valid) results.stream().filter(r -> r.line() == 15).findFirst().orElseThrow()).item();
        assertThat(withExtra.extra()).isEqualTo(Map.of("shopId", 42, "author.gender", "f"));
        assertThat(withExtra.id()).isEqualTo("weibo:a15");

        assertThat(rejections(results)).containsExactly(
                "mixed.jsonl:2: source: missing (required: the platform or connector, e.g. weibo)",
                "mixed.jsonl:3: channel: unknown channel 'forum'; expected one of community, social, review, survey, ticket, sales, qc",
                "mixed.jsonl:5: createdAt: cannot read 'yesterday' as a date-time; expected ISO-8601 with offset (e.g. 2024-05-01T10:15:30+08:00) or epoch milliseconds",
                "mixed.jsonl:6: (encoding): invalid UTF-8 byte sequence at byte 103 of the line (save the file as UTF-8, or name its encoding, e.g. koubei import --encoding GBK, or csv.encoding in mapping.yml)",
                "mixed.jsonl:7: text: 20,001 characters exceeds the limit of 20,000",
                "mixed.jsonl:8: (json): malformed JSON: Unexpected end-of-input within/between Object entries (column 29)",
                "mixed.jsonl:13: createdAt: 1714529730 looks like epoch seconds or a small number; expected epoch milliseconds (e.g. 1714529730000) or ISO-8601 with offset (e.g. 2024-05-01T10:15:30+08:00)",
                "mixed.jsonl:14: externalId: missing (required: give externalId, or id)",
                "mixed.jsonl:16: text: empty (allowed only when a rating is given)",
                "mixed.jsonl:17: (json): malformed JSON: Duplicate Object property \"text\" (column 113)");
    }

    @Test
    void csvWithBadRowsKeepsTheGoodOnesAndNamesEachBadLine() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        line(file, "source,channel,externalId,createdAt,text,rating.scale,rating.value,interactions.likes,tags"); // 1
        line(file, "weibo,social,1,2024-05-01T10:00:00+08:00,\"多行\n文本, 有逗号\",,,3,电池|屏幕");                 // 2-3
        line(file, "weibo,social,2,2024-05-01T10:00:00+08:00,ok,nps,11,,");                                   // 4
        file.write("weibo,social,3,2024-05-01T10:00:00+08:00,bad ".getBytes(StandardCharsets.UTF_8));          // 5
        file.write(INVALID_UTF8);
        line(file, " bytes,,,,");
        line(file, "");                                                                                         // 6
        line(file, "weibo,social,4,2024/05/01,ok,,,,");                                                        // 7
        line(file, "weibo,social,5,2024-05-01T10:00:00+08:00,,stars,5,,");                                     // 8: empty text, rated
        line(file, "weibo,social,6,2024-05-01T10:00:00+08:00,ok,,,1.5,");                                      // 9
        line(file, "weibo,social,7,2024-05-01T10:00:00+08:00,ok,,,,,surplus");                                 // 10
        line(file, ",,8,2024-05-01T10:00:00+08:00,ok,,,,");                                                    // 11
        file.write("weibo,social,9,1714529730000,last line without newline,,,,".getBytes(StandardCharsets.UTF_8)); // 12
        Path path = dir.resolve("mixed.csv");
        Files.write(path, file.toByteArray());

        List<ParseResult> results = RoundTripTest.readAll(path, ColumnMapping.NONE, FormatOptions.standard());

        assertThat(results).filteredOn(ParseResult::valid).extracting(ParseResult::line).containsExactly(2L, 4L, 8L, 9L, 12L);
        assertThat(warnings(results)).containsExactly(
                "mixed.csv:4: rating.value: 11 is outside the nps range 0–10; rating dropped (kept in extra as rating.value, rating.scale)",
                "mixed.csv:9: interactions.likes: 1.5 is not a whole number; dropped (kept in extra as interactions.likes)");
        FeedbackItem multi = ((ParseResult.Valid) results.get(0)).item();
        assertThat(multi.text()).isEqualTo("多行\n文本, 有逗号");
        assertThat(multi.tags()).containsExactly("电池", "屏幕");
        assertThat(multi.interactions().likes()).isEqualTo(3);
        assertThat(rejections(results)).containsExactly(
                "mixed.csv:5: (encoding): invalid UTF-8 byte sequence at byte 46 of the line (save the file as UTF-8, or name its encoding, e.g. koubei import --encoding GBK, or csv.encoding in mapping.yml)",
                "mixed.csv:7: createdAt: '2024/05/01' is a date without time or offset; set a zone (koubei import --zone, or dates.zone in mapping.yml) to read it as midnight there",
                "mixed.csv:10: (csv): the row has 10 values but the header has 9 columns (an unquoted delimiter in a value?)",
                "mixed.csv:11: source: missing (required: the platform or connector, e.g. weibo)",
                "mixed.csv:11: channel: missing (required: one of community, social, review, survey, ticket, sales, qc)");
    }

    @Test
    void defaultsFillMissingSourceAndChannelButNeverOverrideTheRow() throws IOException {
        Path path = dir.resolve("d.csv");
        Files.writeString(path, "source,externalId,createdAt,text\n,1,2024-05-01T10:00:00Z,a\nweibo,2,2024-05-01T10:00:00Z,b\n");
        FormatOptions cli = FormatOptions.standard().withDefaults(Map.of("source", "nps-q4", "channel", "survey"));
        List<FeedbackItem> items = RoundTripTest.readValid(path, ColumnMapping.NONE, cli);
        assertThat(items).extracting(FeedbackItem::id).containsExactly("nps-q4:1", "weibo:2");
        assertThat(items).extracting(i -> i.channel().wireName()).containsOnly("survey");
    }

    @Test
    void excelStyleCsvWithBomCrlfSemicolonsAndAnUnnamedColumnIsReadWithoutLosingValues() throws IOException {
        Path path = dir.resolve("excel.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Source;Channel;ExternalId;CreatedAt;Text;\r\nweibo;social;1;2024-05-01T10:00:00+08:00;\"a;b\";note\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(path, all);
        FeedbackItem item = RoundTripTest.readValid(path, ColumnMapping.NONE, FormatOptions.standard()).get(0);
        assertThat(item.id()).isEqualTo("weibo:1");
        assertThat(item.text()).isEqualTo("a;b");
        assertThat(item.extra()).isEqualTo(Map.of("column6", "note"));
    }

    @Test
    void anUnclosedQuoteReportsWhereReadingStoppedAndKeepsTheRowsBefore() throws IOException {
        Path path = dir.resolve("quote.csv");
        Files.writeString(path, "source,channel,externalId,createdAt,text\n"
                + "weibo,social,1,2024-05-01T10:00:00Z,fine\n"
                + "weibo,social,2,2024-05-01T10:00:00Z,\"never closed\n"
                + "weibo,social,3,2024-05-01T10:00:00Z,swallowed\n");
        List<ParseResult> results = RoundTripTest.readAll(path, ColumnMapping.NONE, FormatOptions.standard());
        assertThat(results.get(0).valid()).isTrue();
        assertThat(rejections(results)).singleElement().asString()
                .startsWith("quote.csv:3: (csv): malformed CSV (")
                .endsWith("the rest of the file from line 3 could not be read — check for an unclosed quote");
    }

    @Test
    void textLimitIsConfigurableAndCountsCharactersNotBytes() throws IOException {
        Path path = dir.resolve("limit.jsonl");
        Files.writeString(path, GOOD.formatted("1").replace("好评", "好".repeat(10)) + "\n"
                + GOOD.formatted("2").replace("好评", "好".repeat(11)) + "\n");
        List<ParseResult> results = RoundTripTest.readAll(path, ColumnMapping.NONE, FormatOptions.standard().withMaxTextChars(10));
        assertThat(results.get(0).valid()).isTrue();
        assertThat(rejections(results)).containsExactly("limit.jsonl:2: text: 11 characters exceeds the limit of 10");
    }

    @Test
    void overlongLinesAreRejectedWithoutStoppingTheFile() throws IOException {
        Path path = dir.resolve("long.jsonl");
        Files.writeString(path, GOOD.formatted("1").replace("好评", "x".repeat(5000)) + "\n" + GOOD.formatted("2") + "\n");
        List<ParseResult> results = RoundTripTest.readAll(path, ColumnMapping.NONE, FormatOptions.standard().withMaxLineBytes(1000));
        assertThat(rejections(results)).containsExactly("long.jsonl:1: (encoding): line is 5,104 bytes long, over the limit of 1,000");
        assertThat(results.get(1).valid()).isTrue();
    }

    @Test
    void codecFromJsonThrowsWithEveryReason() {
        FeedbackJsonCodec codec = new FeedbackJsonCodec();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.fromJson("{\"source\":\"weibo\",\"channel\":\"tv\",\"id\":\"1\",\"text\":\"t\"}"))
                .isInstanceOf(InvalidFeedbackException.class)
                .hasMessage("<json>:1: channel: unknown channel 'tv'; expected one of community, social, review, survey, ticket, sales, qc; "
                        + "<json>:1: createdAt: missing (required: ISO-8601 with offset or epoch milliseconds)");
    }

    static List<String> warnings(List<ParseResult> results) {
        return results.stream().filter(ParseResult::valid)
                .flatMap(r -> ((ParseResult.Valid) r).warnings().stream()).map(Warning::toString).toList();
    }

    static List<String> rejections(List<ParseResult> results) {
        return results.stream().filter(r -> !r.valid())
                .flatMap(r -> ((ParseResult.Invalid) r).rejections().stream()).map(Rejection::toString).toList();
    }

    private static void line(ByteArrayOutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
