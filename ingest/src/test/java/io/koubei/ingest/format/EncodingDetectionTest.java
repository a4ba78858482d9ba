package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.FeedbackItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 §1: the encoding of every JSONL/CSV import is detected, not only of {@code eval} files. */
class EncodingDetectionTest {

    private static final String CSV = "source,channel,externalId,createdAt,text,author.name\n"
            + "weibo,social,1,2024-05-01T10:00:00+08:00,\"续航太差了, 一天两充\",米粉小王\n"
            + "weibo,social,2,2024-05-01T11:00:00+08:00,拍照很清晰,老王\n";
    private static final String JSONL = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"1\","
            + "\"createdAt\":\"2024-05-01T10:00:00+08:00\",\"text\":\"续航太差了\",\"author\":{\"name\":\"米粉小王\"}}\n";

    @TempDir
    Path dir;

    @Test
    void utf16WithByteOrderMarkIsTranscodedBeforeLinesAreSplit() throws IOException {
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path csv = write("play-" + cs.name() + ".csv", bom(cs), CSV.replace("\n", "\r\n").getBytes(cs));
            assertCsvRead(csv, cs.name());
            Path jsonl = write("j-" + cs.name() + ".jsonl", bom(cs), JSONL.getBytes(cs));
            try (FeedbackReader r = FeedbackReaders.open(jsonl, ColumnMapping.NONE, FormatOptions.standard())) {
                assertThat(r.encoding()).isEqualTo(cs);
                assertThat(((ParseResult.Valid) r.next()).item().author().name()).isEqualTo("米粉小王");
            }
        }
    }

    @Test
    void utf16WithoutByteOrderMarkIsToldByItsNulBytes() throws IOException {
        assertCsvRead(write("nobom.csv", new byte[0], CSV.getBytes(StandardCharsets.UTF_16LE)), "UTF-16LE");
    }

    @Test
    void gbkAndUtf8WithOrWithoutByteOrderMarkAreTold() throws IOException {
        assertCsvRead(write("gbk.csv", new byte[0], CSV.getBytes(Charset.forName("GBK"))), "GB18030");
        assertCsvRead(write("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CSV.getBytes(StandardCharsets.UTF_8)), "UTF-8");
        assertCsvRead(write("plain.csv", new byte[0], CSV.getBytes(StandardCharsets.UTF_8)), "UTF-8");
        Path gbkJson = write("gbk.jsonl", new byte[0], JSONL.getBytes(Charset.forName("GB18030")));
        assertThat(RoundTripTest.readValid(gbkJson, ColumnMapping.NONE, FormatOptions.standard()))
                .extracting(FeedbackItem::text).containsExactly("续航太差了");
    }

    @Test
    void aUtf8FileWithOneDamagedLineStaysUtf8AndOnlyThatLineIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(CSV.getBytes(StandardCharsets.UTF_8));
        out.write("weibo,social,3,2024-05-01T10:00:00+08:00,坏".getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {(byte) 0xE5, (byte) 0xA5, 0x0A});
        Path csv = write("damaged.csv", new byte[0], out.toByteArray());
        List<ParseResult> results = RoundTripTest.readAll(csv, ColumnMapping.NONE, FormatOptions.standard());
        assertThat(results).filteredOn(ParseResult::valid).hasSize(2);
        assertThat(BadRowsTest.rejections(results)).singleElement().asString().startsWith("damaged.csv:4: (encoding): invalid UTF-8 byte sequence");
    }

    private void assertCsvRead(Path csv, String encoding) throws IOException {
        try (FeedbackReader r = FeedbackReaders.open(csv, ColumnMapping.NONE, FormatOptions.standard())) {
            assertThat(r.encoding().name()).isEqualTo(encoding);
            List<FeedbackItem> items = r.stream().map(x -> ((ParseResult.Valid) x).item()).toList();
            assertThat(items).extracting(FeedbackItem::text).containsExactly("续航太差了, 一天两充", "拍照很清晰");
            assertThat(items.get(0).author().name()).isEqualTo("米粉小王");
        }
    }

    private Path write(String name, byte[] bom, byte[] body) throws IOException {
        Path p = dir.resolve(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bom);
        out.write(body);
        Files.write(p, out.toByteArray());
        return p;
    }

    private static byte[] bom(Charset cs) {
        return cs.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
    }
}
