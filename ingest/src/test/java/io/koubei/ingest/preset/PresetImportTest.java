package io.koubei.ingest.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.bus.MapBackedHandler;
import io.koubei.ingest.format.MappingException;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each preset imports a file written in its vendor's real layout (src/test/resources/presets, synthetic content)
 * through the real importer and in-process bus: every row lands (none rejected, optional oddities only warned), with
 * the right channel, source, rating, text, time and author.
 */
class PresetImportTest {

    @TempDir
    Path dir;

    private InProcessBus bus;
    private MapBackedHandler store;

    @BeforeEach
    void startBus() {
        store = new MapBackedHandler();
        bus = new InProcessBus(dir.resolve("dlq"));
        bus.start(store);
    }

    @AfterEach
    void stopBus() {
        bus.close();
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/presets/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** The team's zone is Asia/Shanghai unless a test says otherwise. */
    private ImportSummary importWith(String preset, Path file, ImportOptions base) throws IOException {
        ImportPreset p = ImportPresets.get(preset);
        p.checkFile(file);
        ImportSummary s = new FeedbackImporter(bus).importFile(file, p.applyTo(base, file));
        assertThat(s.rejections()).as("rejections of " + file.getFileName()).isEmpty();
        assertThat(s.rejected()).isZero();
        assertThat(s.abortedReason()).isNull();
        return s;
    }

    private ImportSummary importWith(String preset, String resource) throws IOException {
        return importWith(preset, resource(resource), ImportOptions.defaults());
    }

    private FeedbackItem item(String id) {
        FeedbackItem item = store.stored.get(id);
        assertThat(item).as("item " + id + " among " + store.stored.keySet()).isNotNull();
        return item;
    }

    @Test
    void wjxCsvInGbkNpsBecomesTheRatingAndTheOtherAnswersFields() throws IOException {
        ImportSummary s = importWith("wjx", "wjx.csv");
        assertThat(s.accepted()).isEqualTo(3);
        assertThat(s.encoding()).isEqualTo("GB18030");
        FeedbackItem one = item("wjx:1");
        assertThat(one.channel()).isEqualTo(Channel.SURVEY);
        assertThat(one.rating()).isEqualTo(new Rating(RatingScale.NPS, 9));
        assertThat(one.text()).isEqualTo("拍照很好，续航也不错");
        assertThat(one.createdAt()).isEqualTo(Instant.parse("2024-05-01T02:15:30Z")); // Beijing time
        assertThat(one.fields()).containsEntry("1、您使用星河X1多久了？", "半年以上")
                .containsEntry("4、您最常用的功能(拍照)", "1").containsEntry("所用时间", "95秒");
        // personal data the export carries is not kept
        assertThat(one.fields().keySet()).noneMatch(k -> k.contains("手机号") || k.contains("IP"));
        assertThat(one.fields().values()).noneMatch(v -> v.contains("13800138000") || v.contains("113.45"));
        assertThat(item("wjx:2").rating().value()).isEqualTo(3);
        FeedbackItem three = item("wjx:3"); // a score with its label, no text: lands on the rating alone
        assertThat(three.rating()).isEqualTo(new Rating(RatingScale.NPS, 10));
        assertThat(three.text()).isNullOrEmpty();
    }

    /** The rows of a CSV resource as an .xlsx sheet, as the vendor's Excel export holds them. */
    private Path asWorkbook(String resource, java.nio.charset.Charset charset, String xlsxName, java.util.function.BiConsumer<org.apache.poi.ss.usermodel.Cell, String[]> cell)
            throws IOException {
        Path csv = resource(resource);
        Path xlsx = dir.resolve(xlsxName);
        List<CSVRecord> rows;
        try (var reader = Files.newBufferedReader(csv, charset)) {
            rows = CSVFormat.RFC4180.parse(reader).getRecords();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c).replace("\uFEFF", "");
                    if (!v.isEmpty()) {
                        cell.accept(row.createCell(c), new String[] {String.valueOf(r), String.valueOf(c), v});
                    }
                }
            }
            wb.write(out);
        }
        return xlsx;
    }

    @Test
    void wjxAsAnExcelWorkbookWithNumberAndDateCellsReadsTheSame() throws IOException {
        Path xlsx = asWorkbook("wjx.csv", java.nio.charset.Charset.forName("GBK"), "wjx-export.xlsx", (cell, rc) -> {
            int r = Integer.parseInt(rc[0]);
            int c = Integer.parseInt(rc[1]);
            if (r > 0 && c == 0) {
                cell.setCellValue(Double.parseDouble(rc[2])); // 序号 is a number cell
            } else if (r > 0 && c == 1) { // 提交答卷时间 is a date cell (no zone of its own)
                java.time.LocalDateTime t = java.time.LocalDateTime.parse(rc[2],
                        java.time.format.DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"));
                cell.setCellValue(t);
                var style = cell.getSheet().getWorkbook().createCellStyle();
                style.setDataFormat(cell.getSheet().getWorkbook().createDataFormat().getFormat("yyyy/m/d h:mm:ss"));
                cell.setCellStyle(style);
            } else {
                cell.setCellValue(rc[2]);
            }
        });
        importWith("wjx", xlsx, ImportOptions.defaults());
        assertThat(store.stored).containsKeys("wjx:1", "wjx:2", "wjx:3");
        assertThat(item("wjx:2").text()).isEqualTo("发热严重，系统更新后更卡了");
        assertThat(item("wjx:2").createdAt()).isEqualTo(Instant.parse("2024-05-01T03:02:05Z"));
        assertThat(item("wjx:1").rating()).isEqualTo(new Rating(RatingScale.NPS, 9));
    }

    @Test
    void surveyMonkeyAsAnExcelWorkbookKeepsItsTwoHeaderRows() throws IOException {
        Path xlsx = asWorkbook("surveymonkey.csv", StandardCharsets.UTF_8, "surveymonkey.xlsx", (cell, rc) -> cell.setCellValue(rc[2]));
        ImportSummary s = importWith("surveymonkey", xlsx, ImportOptions.defaults());
        assertThat(s.accepted()).isEqualTo(3);
        assertThat(item("surveymonkey:114123456790").fields())
                .containsEntry("Which features do you use most? - Other (please specify)", "Games");
        assertThat(item("surveymonkey:114123456789").createdAt()).isEqualTo(Instant.parse("2024-05-01T02:17:02Z")); // team zone
    }

    @Test
    void tencentSurvey() throws IOException {
        importWith("tencent-survey", "tencent-survey.csv");
        FeedbackItem a = item("tencent-survey:1001");
        assertThat(a.channel()).isEqualTo(Channel.SURVEY);
        assertThat(a.rating()).isEqualTo(new Rating(RatingScale.NPS, 8));
        assertThat(a.text()).isEqualTo("希望快充再快一点");
        assertThat(a.createdAt()).isEqualTo(Instant.parse("2024-05-01T02:01:40Z")); // 结束答题时间, Beijing time
        assertThat(a.fields()).containsEntry("Q1:您的年龄段", "25-34岁").containsEntry("地理位置市", "杭州");
        assertThat(item("tencent-survey:1002").rating().value()).isEqualTo(6); // "6分"
    }

    @Test
    void surveyMonkeyTwoHeaderRowsMergeIntoOneNamePerColumn() throws IOException {
        ImportSummary s = importWith("surveymonkey", resource("surveymonkey.csv"),
                ImportOptions.defaults().withFormatOptions(ImportOptions.defaults().formatOptions().withTeamZone(ZoneId.of("America/New_York"))));
        assertThat(s.accepted()).isEqualTo(3);
        FeedbackItem a = item("surveymonkey:114123456789");
        assertThat(a.channel()).isEqualTo(Channel.SURVEY);
        assertThat(a.rating()).isEqualTo(new Rating(RatingScale.NPS, 9));
        assertThat(a.text()).isEqualTo("Great camera, and the battery lasts two days");
        assertThat(a.createdAt()).isEqualTo(Instant.parse("2024-05-01T14:17:02Z")); // End Date, 10:17 EDT
        assertThat(a.fields()).containsEntry("Which features do you use most? - Camera", "Camera")
                .doesNotContainKeys("IP Address", "Email Address");
        FeedbackItem b = item("surveymonkey:114123456790");
        assertThat(b.createdAt()).isEqualTo(Instant.parse("2024-05-03T00:03:45Z")); // 08:03:45 PM EDT
        assertThat(b.fields()).containsEntry("Which features do you use most? - Other (please specify)", "Games");
        assertThat(item("surveymonkey:114123456791").rating().value()).isEqualTo(10); // "10 - Extremely likely"
    }

    @Test
    void typeformDatesAreUtcAsTheHeaderSays() throws IOException {
        importWith("typeform", "typeform.csv");
        FeedbackItem a = item("typeform:k7r3x9c2mz1q8vbn0a");
        assertThat(a.rating()).isEqualTo(new Rating(RatingScale.NPS, 8));
        assertThat(a.text()).isEqualTo("Battery drains fast after the update");
        assertThat(a.createdAt()).isEqualTo(Instant.parse("2024-05-01T02:15:30Z"));
        assertThat(a.fields()).containsEntry("Which plan are you on?", "Pro").doesNotContainKey("Network ID");
        assertThat(item("typeform:p2w8e6t4y1u9i0o3l5").rating().value()).isEqualTo(10);
    }

    @Test
    void qualtricsThreeHeaderRowsIdsNameQuestionsLabel() throws IOException {
        ImportOptions zoned = ImportOptions.defaults().withFormatOptions(ImportOptions.defaults().formatOptions()
                .withZone(ZoneId.of("America/Denver"))); // koubei import --zone America/Denver (the export's zone)
        ImportSummary s = importWith("qualtrics", resource("qualtrics.csv"), zoned);
        assertThat(s.accepted()).isEqualTo(2);
        FeedbackItem a = item("qualtrics:R_1abcDEF234ghiJK");
        assertThat(a.channel()).isEqualTo(Channel.SURVEY);
        assertThat(a.rating()).isEqualTo(new Rating(RatingScale.NPS, 10));
        assertThat(a.text()).isEqualTo("Love the camera, the night mode is amazing");
        assertThat(a.createdAt()).isEqualTo(Instant.parse("2024-05-01T16:05:01Z")); // RecordedDate, MDT
        assertThat(a.lang()).isEqualTo("EN");
        assertThat(a.fields()).containsEntry("Which country do you live in?", "Germany")
                .doesNotContainKeys("IP Address", "IPAddress");
        assertThat(a.fields().values()).doesNotContain("198.51.100.7", "Promoter");
        assertThat(item("qualtrics:R_2xyzUVW567rstLM").rating().value()).isEqualTo(4);
    }

    @Test
    void qualtricsLocalTimesAreReadInTheZoneItsHeaderNamesUnlessZoneIsGiven() throws IOException {
        importWith("qualtrics", "qualtrics.csv"); // no --zone: "timeZone":"America/Denver" of the third header row
        assertThat(item("qualtrics:R_1abcDEF234ghiJK").createdAt()).isEqualTo(Instant.parse("2024-05-01T16:05:01Z"));
        ImportOptions utc = ImportOptions.defaults().withFormatOptions(ImportOptions.defaults().formatOptions().withZone(ZoneId.of("UTC")));
        importWith("qualtrics", dir.resolve("qualtrics.csv"), utc);
        assertThat(item("qualtrics:R_1abcDEF234ghiJK").createdAt()).isEqualTo(Instant.parse("2024-05-01T10:05:01Z"));
    }

    @Test
    void googlePlayUtf16ReviewsWithAndWithoutText() throws IOException {
        ImportSummary s = importWith("google-play", "google-play.csv");
        assertThat(s.encoding()).isEqualTo("UTF-16LE");
        assertThat(s.accepted()).isEqualTo(3);
        List<FeedbackItem> items = List.copyOf(store.stored.values());
        assertThat(items).allSatisfy(i -> {
            assertThat(i.channel()).isEqualTo(Channel.REVIEW);
            assertThat(i.source()).isEqualTo("google-play");
            assertThat(i.rating().scale()).isEqualTo(RatingScale.STARS);
        });
        FeedbackItem one = items.stream().filter(i -> "更新后耗电太快了，一晚上掉了30%".equals(i.text())).findFirst().orElseThrow();
        assertThat(one.rating().value()).isEqualTo(2);
        assertThat(one.createdAt()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
        assertThat(one.productVersion()).isEqualTo("4.2.0");
        assertThat(one.lang()).isEqualTo("zh_CN");
        assertThat(one.url()).contains("reviewId=gp:AOqpTOFakeReviewOne");
        assertThat(one.extra()).containsEntry("Developer Reply Text", "感谢反馈，我们正在修复");
        FeedbackItem silent = items.stream().filter(i -> i.rating().value() == 5).findFirst().orElseThrow();
        assertThat(silent.text()).isNullOrEmpty();
        assertThat(silent.externalId()).startsWith("h"); // no link: a stable hash of its columns
        // a re-import updates, never duplicates
        ImportSummary again = importWith("google-play", dir.resolve("google-play.csv"), ImportOptions.defaults());
        assertThat(again.created()).isZero();
        assertThat(store.stored).hasSize(3);
    }

    @Test
    void weiboCrawlerBothHeaderVariantsAndDatesWithoutZone() throws IOException {
        ImportSummary s = importWith("weibo-crawler", "weibo-crawler.csv");
        assertThat(s.accepted()).isEqualTo(2);
        FeedbackItem a = item("weibo:4998877665544332");
        assertThat(a.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(a.text()).isEqualTo("新机续航太差了，一天三充 #星河X1#");
        assertThat(a.createdAt()).isEqualTo(Instant.parse("2024-05-01T02:15:00Z"));
        assertThat(a.interactions().likes()).isEqualTo(12000); // 1.2万, with a warning
        assertThat(a.interactions().replies()).isEqualTo(356);
        assertThat(a.interactions().reposts()).isEqualTo(89);
        assertThat(a.tags()).containsExactly("星河X1");
        assertThat(s.warned()).isEqualTo(1);
        FeedbackItem b = item("weibo:4998877665544333");
        assertThat(b.createdAt()).isEqualTo(Instant.parse("2024-05-01T16:00:00Z")); // 2024-05-02, midnight in Beijing
        assertThat(b.extra()).containsEntry("工具", "星河X1 Pro");

        importWith("weibo-crawler", "weibo-crawler-users.csv");
        FeedbackItem c = item("weibo:4998877665544400");
        assertThat(c.text()).isEqualTo("系统更新以后发热明显");
        assertThat(c.author().id()).isEqualTo("1669879400");
        assertThat(c.author().name()).isEqualTo("数码小王");
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2024-05-06T13:30:05Z")); // 完整日期 wins over 日期
    }

    @Test
    void weiboCrawlerDatesFollowTheZoneFlag() throws IOException {
        ImportOptions zoned = ImportOptions.defaults().withFormatOptions(ImportOptions.defaults().formatOptions().withZone(ZoneId.of("UTC")));
        importWith("weibo-crawler", resource("weibo-crawler.csv"), zoned);
        assertThat(item("weibo:4998877665544332").createdAt()).isEqualTo(Instant.parse("2024-05-01T10:15:00Z"));
    }

    @Test
    void mediaCrawlerJsonArrayWithMillisAndCsvWithSeconds() throws IOException {
        ImportSummary s = importWith("mediacrawler", resource("mediacrawler-xhs-comments.json"),
                ImportOptions.defaults().withDefault("source", "xhs"));
        assertThat(s.accepted()).isEqualTo(2);
        FeedbackItem a = item("xhs:6650a1b2000000001e00aa01");
        assertThat(a.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(a.text()).isEqualTo("星河X1的屏幕真的很护眼");
        assertThat(a.createdAt()).isEqualTo(Instant.ofEpochMilli(1716512345000L));
        assertThat(a.author().id()).isEqualTo("5f1a2b3c000000000100abcd");
        assertThat(a.author().name()).isEqualTo("小红薯A");
        assertThat(a.interactions().likes()).isEqualTo(11000);
        assertThat(a.interactions().replies()).isEqualTo(3);
        assertThat(a.extra()).containsEntry("ip_location", "广东").containsEntry("note_id", "664f00000000000012345678")
                .doesNotContainKey("avatar");
        assertThat(item("xhs:6650a1b2000000001e00aa02").extra()).containsEntry("parent_comment_id", "6650a1b2000000001e00aa01");

        importWith("mediacrawler", resource("mediacrawler-dy-comments.csv"), ImportOptions.defaults().withDefault("source", "douyin"));
        FeedbackItem d = item("douyin:7371234567890123456");
        assertThat(d.createdAt()).isEqualTo(Instant.ofEpochSecond(1716512345L)); // epoch seconds
        assertThat(d.text()).isEqualTo("发热有点严重，打游戏烫手");
        assertThat(d.interactions().likes()).isEqualTo(2345);
        assertThat(d.author().name()).isEqualTo("抖音用户甲");
    }

    @Test
    void mediaCrawlerNotesTakeTitleAndDescriptionAsTextAndATitleAloneStillLands() throws IOException {
        importWith("mediacrawler", resource("mediacrawler-xhs-notes.csv"), ImportOptions.defaults().withDefault("source", "xhs"));
        FeedbackItem a = item("xhs:664f00000000000012345678");
        assertThat(a.title()).isEqualTo("星河X1 一周体验");
        assertThat(a.text()).isEqualTo("星河X1 一周体验\n\n屏幕很护眼，续航一般，拍照夜景不错");
        assertThat(a.createdAt()).isEqualTo(Instant.ofEpochMilli(1716400000000L));
        assertThat(a.interactions().likes()).isEqualTo(12000);
        assertThat(a.interactions().replies()).isEqualTo(789);
        assertThat(a.interactions().reposts()).isEqualTo(120);
        assertThat(a.url()).isEqualTo("https://www.xiaohongshu.com/explore/664f00000000000012345678");
        assertThat(a.extra()).doesNotContainKey("xsec_token").doesNotContainKey("avatar");
        FeedbackItem video = item("xhs:664f00000000000012345679"); // no description: its title is the text
        assertThat(video.text()).isEqualTo("星河X1 发热实测");
    }

    @Test
    void unknownPresetNamesTheValidOnes() {
        assertThatThrownBy(() -> ImportPresets.get("wjxx"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("unknown preset 'wjxx'")
                .hasMessageContaining("wjx, tencent-survey, surveymonkey, typeform, qualtrics, google-play, weibo-crawler, mediacrawler")
                .hasMessageContaining("koubei import --preset list");
    }

    @Test
    void aFileThatIsNotTheVendorsExportIsRefusedBeforeAnyRow() throws IOException {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "a,b\n1,2\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new FeedbackImporter(bus).importFile(other, ImportPresets.get("weibo-crawler").applyTo(ImportOptions.defaults())))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("other.csv: no column for externalId");
        assertThatThrownBy(() -> ImportPresets.get("google-play").checkFile(dir.resolve("reviews.xlsx")))
                .hasMessageContaining("--preset google-play reads .csv files");
        assertThat(store.stored).isEmpty();
    }

    @Test
    void everyPresetListsTheColumnsItReads() {
        assertThat(ImportPresets.all()).hasSize(8).allSatisfy(p -> {
            assertThat(p.columnsRead()).isNotEmpty();
            assertThat(p.title()).isNotBlank();
            assertThat(p.titleZh()).isNotBlank();
        });
        Map<String, List<String>> read = Map.of("weibo-crawler", ImportPresets.get("weibo-crawler").columnsRead());
        assertThat(read.get("weibo-crawler")).contains("createdAt ← 完整日期 | 日期 | 发布时间 | created_at");
    }
}
