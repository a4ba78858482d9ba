package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.RatingScale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 §1: nothing real is rejected for an optional detail; what is normalised or dropped is said as a warning. */
class OptionalFieldsTest {

    private static final String ROW = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"%s\","
            + "\"createdAt\":\"2024-05-01T10:00:00+08:00\",\"text\":\"续航不行\",%s}";

    @TempDir
    Path dir;

    @Test
    void aWeiboProfileDateAndAForumLevelLandAsMidnightInTheTeamsZoneAndAsANumber() throws IOException {
        List<ParseResult> results = jsonl(row("1", "\"author\":{\"id\":\"u1\",\"registeredAt\":\"2024-02-01\",\"level\":\"Lv7\"}"),
                row("2", "\"author\":{\"level\":\"LV.7\"}"), row("3", "\"author\":{\"level\":\"7级\"}"),
                row("4", "\"author\":{\"level\":\"七级\"}"), row("5", "\"author\":{\"level\":7}"));

        assertThat(BadRowsTest.rejections(results)).isEmpty();
        assertThat(items(results)).extracting(i -> i.author().level()).containsExactly(7, 7, 7, 7, 7);
        FeedbackItem first = items(results).get(0);
        assertThat(first.author().registeredAt()).isEqualTo(Instant.parse("2024-01-31T16:00:00Z"));
        assertThat(BadRowsTest.warnings(results)).containsExactly(
                "w.jsonl:1: author.registeredAt: '2024-02-01' read as 2024-02-01T00:00+08:00 (midnight in Asia/Shanghai, the team's zone;"
                        + " koubei import --zone, or dates.zone in mapping.yml, sets another)",
                "w.jsonl:1: author.level: 'Lv7' read as 7",
                "w.jsonl:2: author.level: 'LV.7' read as 7",
                "w.jsonl:3: author.level: '7级' read as 7",
                "w.jsonl:4: author.level: '七级' read as 7");
    }

    @Test
    void theTeamsZoneAndAnExplicitZoneDecideWhereAPlainOptionalDateIsMidnight() throws IOException {
        Path file = dir.resolve("z.jsonl");
        Files.writeString(file, row("1", "\"author\":{\"registeredAt\":\"2024-02-01\"},\"ticket\":{\"resolvedAt\":\"2024/2/3 9:30\"}") + "\n");

        FeedbackItem berlin = ((ParseResult.Valid) RoundTripTest.readAll(file, ColumnMapping.NONE,
                FormatOptions.standard().withTeamZone(ZoneId.of("Europe/Berlin"))).get(0)).item();
        assertThat(berlin.author().registeredAt()).isEqualTo(Instant.parse("2024-01-31T23:00:00Z"));
        assertThat(berlin.ticket().resolvedAt()).isEqualTo(Instant.parse("2024-02-03T08:30:00Z"));

        // with --zone the plain date is read exactly as createdAt would be: no warning for the ISO date, one for the slashes
        List<ParseResult> utc = RoundTripTest.readAll(file, ColumnMapping.NONE, FormatOptions.standard().withZone(ZoneId.of("UTC")));
        assertThat(((ParseResult.Valid) utc.get(0)).item().author().registeredAt()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(BadRowsTest.warnings(utc)).containsExactly(
                "z.jsonl:1: ticket.resolvedAt: '2024/2/3 9:30' read as 2024-02-03T09:30Z (local time in UTC)");
    }

    @Test
    void aRequiredCreatedAtInAUsualExportFormLandsOnlyWhenAZoneIsGiven() throws IOException {
        Path file = dir.resolve("c.jsonl");
        Files.writeString(file, ROW.formatted("1", "\"lang\":\"zh\"").replace("2024-05-01T10:00:00+08:00", "2024/5/1 10:15") + "\n");
        List<ParseResult> zoned = RoundTripTest.readAll(file, ColumnMapping.NONE, FormatOptions.standard().withZone(ZoneId.of("Asia/Shanghai")));
        assertThat(items(zoned)).singleElement().extracting(FeedbackItem::createdAt).isEqualTo(Instant.parse("2024-05-01T02:15:00Z"));
        assertThat(BadRowsTest.warnings(zoned)).containsExactly(
                "c.jsonl:1: createdAt: '2024/5/1 10:15' read as 2024-05-01T10:15+08:00 (local time in Asia/Shanghai)");
        // without a zone the team's zone is not guessed for the required date: a rejection that says how to give one
        assertThat(BadRowsTest.rejections(RoundTripTest.readAll(file, ColumnMapping.NONE, FormatOptions.standard())))
                .containsExactly("c.jsonl:1: createdAt: '2024/5/1 10:15' has no UTC offset; set a zone (koubei import --zone,"
                        + " or dates.zone in mapping.yml) to read it as local time there");
    }

    @Test
    void displayedCountsAreReadAsNumbers() throws IOException {
        List<ParseResult> results = jsonl(
                row("1", "\"author\":{\"followers\":\"1.2万\"},\"interactions\":{\"likes\":\"3,456\",\"reposts\":\"1.5k\",\"replies\":\"10万+\"}"),
                row("2", "\"author\":{\"followers\":\"2.3亿\"},\"interactions\":{\"likes\":\"１２\",\"reposts\":\"2w\"}"),
                row("3", "\"author\":{\"followers\":\"很多\"},\"interactions\":{\"likes\":-3}"));

        assertThat(BadRowsTest.rejections(results)).isEmpty();
        List<FeedbackItem> items = items(results);
        assertThat(items.get(0).author().followers()).isEqualTo(12_000);
        assertThat(items.get(0).interactions().likes()).isEqualTo(3_456);
        assertThat(items.get(0).interactions().reposts()).isEqualTo(1_500);
        assertThat(items.get(0).interactions().replies()).isEqualTo(100_000);
        assertThat(items.get(1).author().followers()).isEqualTo(230_000_000);
        assertThat(items.get(1).interactions().likes()).isEqualTo(12); // full-width digits are digits: read exactly
        assertThat(items.get(1).interactions().reposts()).isEqualTo(20_000);
        assertThat(items.get(2).author().followers()).isNull();
        assertThat(items.get(2).interactions().likes()).isZero();
        assertThat(items.get(2).extra()).isEqualTo(Map.of("author.followers", "很多", "interactions.likes", -3));
        FeedbackJsonCodec codec = new FeedbackJsonCodec();
        assertThat(codec.fromJson(codec.toJson(items.get(2)))).isEqualTo(items.get(2));
        assertThat(BadRowsTest.warnings(results)).containsExactly(
                "w.jsonl:1: author.followers: '1.2万' read as 12000",
                "w.jsonl:1: interactions.likes: '3,456' read as 3456",
                "w.jsonl:1: interactions.reposts: '1.5k' read as 1500",
                "w.jsonl:1: interactions.replies: '10万+' read as 100000 (at least)",
                "w.jsonl:2: author.followers: '2.3亿' read as 230000000",
                "w.jsonl:2: interactions.reposts: '2w' read as 20000",
                "w.jsonl:3: author.followers: '很多' is not a number; expected a whole number; dropped (kept in extra as author.followers)",
                "w.jsonl:3: interactions.likes: -3 is negative; counts start at 0; dropped (kept in extra as interactions.likes)");
    }

    @Test
    void verifiedTakesTheUsualYesAndNoWordsAndAnUnclearOneIsDropped() throws IOException {
        List<ParseResult> results = jsonl(row("1", "\"author\":{\"verified\":\"是\",\"official\":\"否\"}"),
                row("2", "\"author\":{\"verified\":\"yes\",\"official\":0}"), row("3", "\"author\":{\"verified\":\"TRUE\",\"official\":\"no\"}"),
                row("4", "\"author\":{\"verified\":\"蓝V\"}"));
        assertThat(items(results)).extracting(i -> i.author().verified()).containsExactly(true, true, true, null);
        assertThat(items(results)).extracting(i -> i.author().official()).containsExactly(false, false, false, null);
        assertThat(BadRowsTest.warnings(results)).containsExactly("w.jsonl:4: author.verified: '蓝V' is not a boolean; expected true"
                + " or false (or yes/no, 1/0, 是/否); dropped (kept in extra as author.verified)");
    }

    @Test
    void ratingsWrittenAsStarsPointsOrTextAreRead() throws IOException {
        List<ParseResult> results = jsonl(
                row("1", "\"rating\":{\"scale\":\"stars\",\"value\":\"4星\"}"),
                row("2", "\"rating\":{\"value\":\"★★★★☆\"}"),
                row("3", "\"rating\":{\"scale\":\"nps\",\"value\":\"9分\"}"),
                row("4", "\"rating\":{\"scale\":\"NPS\",\"value\":\"9\"}"),
                row("5", "\"rating\":\"五星\""),
                row("6", "\"rating\":{\"scale\":\"星级\",\"value\":\"3\"}"),
                row("7", "\"rating\":{\"value\":\"9分\"}"));

        assertThat(BadRowsTest.rejections(results)).isEmpty();
        List<FeedbackItem> items = items(results);
        assertThat(items.subList(0, 6)).extracting(i -> i.rating().scale()).containsExactly(RatingScale.STARS, RatingScale.STARS,
                RatingScale.NPS, RatingScale.NPS, RatingScale.STARS, RatingScale.STARS);
        assertThat(items.subList(0, 6)).extracting(i -> i.rating().value()).containsExactly(4.0, 4.0, 9.0, 9.0, 5.0, 3.0);
        assertThat(items.get(6).rating()).isNull(); // 9 points on which scale? not a guess
        assertThat(BadRowsTest.warnings(results)).containsExactly(
                "w.jsonl:1: rating.value: '4星' read as 4",
                "w.jsonl:2: rating.value: '★★★★☆' read as 4, scale stars (none was given)",
                "w.jsonl:3: rating.value: '9分' read as 9",
                "w.jsonl:5: rating: '五星' read as 5, scale stars (none was given)",
                "w.jsonl:6: rating.value: scale '星级' read as stars",
                "w.jsonl:7: rating.scale: missing; a rating.value needs a scale (nps, stars, csat); rating dropped (kept in extra as rating.value)");
    }

    @Test
    void aRatingIsOnlyRequiredWhenTheRowHasNoTextAndThenItsProblemIsTheRejection() throws IOException {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "{\"source\":\"appstore\",\"channel\":\"review\",\"externalId\":\"1\",\"createdAt\":1714529730000,"
                + "\"rating\":{\"scale\":\"stars\",\"value\":\"十星\"}}\n"
                + "{\"source\":\"appstore\",\"channel\":\"review\",\"externalId\":\"2\",\"createdAt\":1714529730000,\"text\":\"\","
                + "\"rating\":{\"scale\":\"stars\",\"value\":9}}\n"
                + "{\"source\":\"appstore\",\"channel\":\"review\",\"externalId\":\"3\",\"createdAt\":1714529730000,"
                + "\"rating\":{\"scale\":\"stars\",\"value\":\"★★★☆☆\"}}\n");
        List<ParseResult> results = RoundTripTest.readAll(file, ColumnMapping.NONE, FormatOptions.standard());
        assertThat(BadRowsTest.rejections(results)).containsExactly(
                "r.jsonl:1: rating.value: '十星' (10) is outside the stars range 1–5",
                "r.jsonl:1: text: missing (required unless a rating is given)",
                "r.jsonl:2: rating.value: 9 is outside the stars range 1–5");
        assertThat(items(results)).singleElement().satisfies(i -> {
            assertThat(i.text()).isEmpty();
            assertThat(i.rating().value()).isEqualTo(3.0);
        });
    }

    @Test
    void optionalFieldsOfTheWrongKindAreDroppedOrKeptAsTextAndTheRowLands() throws IOException {
        List<ParseResult> results = jsonl(
                row("1", "\"author\":\"米粉小王\",\"title\":{\"zh\":\"标题\"},\"tags\":[\"电池\",{\"x\":1}],\"fields\":{\"q1\":{\"a\":1}}"),
                row("2", "\"interactions\":[1,2],\"ticket\":\"open\",\"author\":{\"registeredAt\":\"last year\"}"));
        assertThat(BadRowsTest.rejections(results)).isEmpty();
        FeedbackItem first = items(results).get(0);
        assertThat(first.author().name()).isEqualTo("米粉小王");
        assertThat(first.title()).isNull();
        assertThat(first.tags()).containsExactly("电池");
        assertThat(first.fields()).isEqualTo(Map.of("q1", "{\"a\":1}"));
        assertThat(first.extra()).containsEntry("title.raw", Map.of("zh", "标题"));
        // what was dropped is kept in extra under names the wire format can carry: the item survives the Kafka codec
        FeedbackJsonCodec codec = new FeedbackJsonCodec();
        for (FeedbackItem item : items(results)) {
            assertThat(codec.fromJson(codec.toJson(item))).isEqualTo(item);
        }
        assertThat(items(results).get(1).extra()).containsOnlyKeys("interactions.raw", "ticket.raw", "author.registeredAt");
        assertThat(BadRowsTest.warnings(results)).containsExactly(
                "w.jsonl:1: author: text instead of an object; read as author.name",
                "w.jsonl:1: tags: 1 element was not text and was left out (expected an array of strings)",
                "w.jsonl:1: fields.q1: an object instead of text; kept as its JSON text",
                "w.jsonl:1: title: expected text, found an object; dropped (kept in extra as title.raw)",
                "w.jsonl:2: author.registeredAt: cannot read 'last year' as a date-time; expected ISO-8601 with offset"
                        + " (e.g. 2024-05-01T10:15:30+08:00) or epoch milliseconds; dropped (kept in extra as author.registeredAt)",
                "w.jsonl:2: interactions: expected an object, found an array; dropped (kept in extra as interactions.raw)",
                "w.jsonl:2: ticket: expected an object, found text; dropped (kept in extra as ticket.raw)");
    }

    @Test
    void aWeiboShapedCsvExportLandsWholeWithWarningsCountedApart() throws IOException {
        Path csv = dir.resolve("weibo.csv");
        StringBuilder sb = new StringBuilder("source,channel,externalId,createdAt,text,author.id,author.registeredAt,author.level,"
                + "author.followers,author.verified,interactions.likes,rating.scale,rating.value\n");
        for (int i = 1; i <= 200; i++) {
            sb.append("weibo,social,").append(i).append(",2024-05-01T10:00:00+08:00,第").append(i).append("条,u").append(i)
                    .append(",2024-02-01,").append(i % 2 == 0 ? "Lv7" : "LV.3").append(",\"1.2万\",").append(i % 3 == 0 ? "是" : "否")
                    .append(",\"3,456\",nps,").append(i % 11).append("分\n");
        }
        Files.writeString(csv, sb);
        List<ParseResult> results = RoundTripTest.readAll(csv, ColumnMapping.NONE, FormatOptions.standard());
        assertThat(results).hasSize(200).allMatch(ParseResult::valid);
        FeedbackItem last = items(results).get(199);
        assertThat(last.author().level()).isEqualTo(7);
        assertThat(last.author().followers()).isEqualTo(12_000);
        assertThat(last.author().verified()).isFalse();
        assertThat(last.interactions().likes()).isEqualTo(3_456);
        assertThat(last.rating().value()).isEqualTo(200 % 11);
        assertThat(BadRowsTest.warnings(results)).hasSize(200 * 5)
                .allMatch(w -> w.startsWith("weibo.csv:"));
    }

    private List<ParseResult> jsonl(String... lines) throws IOException {
        Path file = dir.resolve("w.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return RoundTripTest.readAll(file, ColumnMapping.NONE, FormatOptions.standard());
    }

    private static String row(String id, String members) {
        return ROW.formatted(id, members);
    }

    private static List<FeedbackItem> items(List<ParseResult> results) {
        return results.stream().filter(ParseResult::valid).map(r -> ((ParseResult.Valid) r).item()).toList();
    }
}
