package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.RatingScale;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnMappingTest {

    private static final String APPSTORE_MAPPING = """
            # App Store review export (Chinese headers)
            columns:
              text: 评论内容
              title: 标题
              rating.value: 评分
              createdAt: 时间
              author.name: 用户
              productVersion: 版本
            constants:
              source: appstore
              channel: review
              rating.scale: stars
            values:
              rating.value: {五星: 5, 四星: 4, 三星: 3, 二星: 2, 一星: 1}
            dates:
              zone: Asia/Shanghai
              patterns: ["yyyy/M/d H:mm"]
            externalIdFrom: [用户, 时间, 评论内容]
            unmapped: fields
            """;

    @TempDir
    Path dir;

    @Test
    void foreignAppStoreExportWithChineseHeadersIsMapped() throws IOException {
        Path csv = dir.resolve("appstore-export.csv");
        Files.writeString(csv, """
                用户,评分,标题,评论内容,时间,版本,设备
                小李,五星,好用,拍照很清晰,2024-05-01 10:15:30,1.2.0,iPhone 15
                老王,2,失望,"续航差，
                一天两充",2024/5/2 8:05,1.2.0,iPhone 13
                阿强,十星,?,乱评,2024-05-03 09:00:00,1.2.1,
                小美,三星,,,2024-05-04T09:00:00+08:00,1.2.1,iPad
                """);
        ColumnMapping mapping = ColumnMapping.parse(new ByteArrayInputStream(APPSTORE_MAPPING.getBytes(StandardCharsets.UTF_8)), "mapping.yml");

        List<ParseResult> results = RoundTripTest.readAll(csv, mapping, FormatOptions.standard());

        // ten stars on a five-star scale: the rating is dropped with a warning naming the column; the review still lands
        assertThat(BadRowsTest.rejections(results)).isEmpty();
        assertThat(BadRowsTest.warnings(results)).containsExactly("appstore-export.csv:5: rating.value: '十星' (10) is outside the"
                + " stars range 1–5; rating dropped (kept in extra as rating.value, rating.scale) (column 评分)");
        List<FeedbackItem> all = results.stream().filter(ParseResult::valid).map(r -> ((ParseResult.Valid) r).item()).toList();
        assertThat(all).hasSize(4);
        assertThat(all.get(2).text()).isEqualTo("乱评");
        assertThat(all.get(2).rating()).isNull();
        List<FeedbackItem> items = List.of(all.get(0), all.get(1), all.get(3));
        FeedbackItem first = items.get(0);
        assertThat(first.source()).isEqualTo("appstore");
        assertThat(first.channel()).isEqualTo(Channel.REVIEW);
        assertThat(first.rating().scale()).isEqualTo(RatingScale.STARS);
        assertThat(first.rating().value()).isEqualTo(5.0);
        assertThat(first.text()).isEqualTo("拍照很清晰");
        assertThat(first.title()).isEqualTo("好用");
        assertThat(first.author().name()).isEqualTo("小李");
        assertThat(first.productVersion()).isEqualTo("1.2.0");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2024-05-01T02:15:30Z"));
        assertThat(first.fields()).isEqualTo(Map.of("设备", "iPhone 15"));
        assertThat(first.id()).startsWith("appstore:h").hasSize("appstore:h".length() + 24);

        FeedbackItem second = items.get(1);
        assertThat(second.text()).isEqualTo("续航差，\n一天两充");
        assertThat(second.createdAt()).isEqualTo(Instant.parse("2024-05-02T00:05:00Z"));
        assertThat(items.get(2).text()).isEmpty(); // a bare star rating is valid feedback

        // the content-hash id is stable: importing the same export again updates instead of duplicating
        List<ParseResult> again = RoundTripTest.readAll(csv, mapping, FormatOptions.standard());
        assertThat(again.stream().filter(ParseResult::valid).map(r -> ((ParseResult.Valid) r).item().id()).toList())
                .isEqualTo(all.stream().map(FeedbackItem::id).toList()).doesNotHaveDuplicates();
    }

    @Test
    void gbkEncodedExportIsReadWhenTheEncodingIsGiven() throws IOException {
        Path csv = dir.resolve("gbk.csv");
        Files.writeString(csv, "用户,评分,评论内容,时间\n小李,五星,很好,2024-05-01 10:15:30\n", Charset.forName("GBK"));
        ColumnMapping mapping = ColumnMapping.parse(new ByteArrayInputStream((APPSTORE_MAPPING.replace("title: 标题", "")
                .replace("productVersion: 版本", "") + "csv:\n  encoding: GBK\n").getBytes(StandardCharsets.UTF_8)), "m.yml");
        List<FeedbackItem> items = RoundTripTest.readValid(csv, mapping, FormatOptions.standard());
        assertThat(items).singleElement().extracting(FeedbackItem::text).isEqualTo("很好");

        // a wrong encoding given explicitly: the header already fails, with a hint naming settings that exist
        ColumnMapping utf8 = ColumnMapping.parse(new ByteArrayInputStream("csv:\n  encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8)), "u.yml");
        assertThatThrownBy(() -> RoundTripTest.readAll(csv, utf8, FormatOptions.standard()))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("gbk.csv:1: header: invalid UTF-8 byte sequence at byte 1 of the line")
                .hasMessageContaining("koubei import --encoding GBK, or csv.encoding in mapping.yml");
    }

    @Test
    void gbkEncodedExportIsDetectedWithoutBeingTold() throws IOException {
        Path csv = dir.resolve("gbk.csv");
        Files.writeString(csv, "用户,评分,评论内容,时间\n小李,五星,很好,2024-05-01 10:15:30\n", Charset.forName("GBK"));
        ColumnMapping mapping = ColumnMapping.parse(new ByteArrayInputStream((APPSTORE_MAPPING.replace("title: 标题", "")
                .replace("productVersion: 版本", "")).getBytes(StandardCharsets.UTF_8)), "m.yml");
        try (FeedbackReader reader = FeedbackReaders.open(csv, mapping, FormatOptions.standard())) {
            assertThat(reader.encoding().name()).isEqualTo("GB18030");
            assertThat(reader.next()).isInstanceOfSatisfying(ParseResult.Valid.class, v -> {
                assertThat(v.item().text()).isEqualTo("很好");
                assertThat(v.item().author().name()).isEqualTo("小李");
            });
        }
    }

    @Test
    void mappingErrorsNameTheKeyToFix() {
        assertThatThrownBy(() -> parse("columns:\n  body: 内容\n"))
                .isInstanceOf(MappingException.class)
                .hasMessage("m.yml: columns.body: 'body' is not a format v1 field (see docs/import-format.md)");
        assertThatThrownBy(() -> parse("colums:\n  text: 内容\n"))
                .hasMessageStartingWith("m.yml: unknown key 'colums'");
        assertThatThrownBy(() -> parse("dates:\n  zone: Mars/Olympus\n"))
                .hasMessage("m.yml: dates.zone 'Mars/Olympus' is not a time zone (e.g. Asia/Shanghai, +08:00)");
        assertThatThrownBy(() -> parse("columns:\n  source: 平台\nconstants:\n  source: weibo\n"))
                .hasMessage("m.yml: 'source' is both mapped from a column and set as a constant; keep one");
    }

    @Test
    void aMappedColumnMissingFromTheHeaderFailsBeforeAnyRowIsRead() throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "user,stars\nx,5\n");
        ColumnMapping mapping = parse("columns:\n  text: 评论内容\n");
        assertThatThrownBy(() -> RoundTripTest.readAll(csv, mapping, FormatOptions.standard()))
                .isInstanceOf(MappingException.class)
                .hasMessage("other.csv: column '评论内容' (mapped to text) is not in the header; the header has [user, stars]");
    }

    private static ColumnMapping parse(String yaml) throws IOException {
        return ColumnMapping.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "m.yml");
    }
}
