package io.koubei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.ingest.format.FeedbackJsonCodec;
import io.koubei.ingest.format.ParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every line the demo writes is valid format v1, and the texts say what the ratings and labels say. */
class DemoFormatTest {
    private static final Set<String> TOP_LEVEL = Set.of("id", "source", "channel", "externalId", "createdAt", "text",
            "title", "lang", "product", "productVersion", "url", "author", "rating", "interactions", "replyTo", "ticket",
            "tags", "fields");
    private static final Pattern ISO_OFFSET =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.]+@example\\.com");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dX](?!\\d)");

    @Test
    void everyLineIsValidFormatV1() {
        FeedbackJsonCodec codec = new FeedbackJsonCodec();
        Set<String> seen = new HashSet<>();
        List<String> violations = new ArrayList<>();
        long lineNo = 0;
        for (DemoRecord r : DemoFixtures.full()) {
            String line = DemoDataWriter.toJsonLine(r.item());
            if (line.indexOf('\n') >= 0) {
                violations.add("line break inside " + line);
            }
            // the project's own format-v1 reader accepts the line and gives the item back unchanged, so the checks
            // below on the item hold for the line too
            ParseResult parsed = codec.decode(line, "demo", ++lineNo);
            if (!(parsed instanceof ParseResult.Valid valid)) {
                violations.add(((ParseResult.Invalid) parsed).describe() + " in " + line);
            } else if (!valid.item().equals(r.item())) {
                violations.add("round trip changed the item: " + line);
            }
            violations.addAll(violations(r.item(), seen).stream().map(v -> v + " in " + line).toList());
            seen.add(r.item().id());
            if (violations.size() > 20) {
                break;
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void linesCarryTheFieldNamesOfFormatV1() {
        JsonMapper json = JsonMapper.builder().build();
        List<DemoRecord> all = DemoFixtures.full();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < all.size(); i += 7) {
            JsonNode o = json.readTree(DemoDataWriter.toJsonLine(all.get(i).item()));
            names.addAll(o.propertyNames());
            assertThat(ISO_OFFSET.matcher(o.get("createdAt").asString()).matches()).as(o.toString()).isTrue();
        }
        assertThat(TOP_LEVEL).containsAll(names);
        assertThat(names).contains("source", "channel", "externalId", "createdAt", "text", "title", "lang", "product",
                "productVersion", "url", "author", "rating", "interactions", "replyTo", "ticket", "tags", "fields");
    }

    /** Demo-specific promises beyond what the reader validates; plain code so one pass over 50k items stays cheap. */
    private static List<String> violations(FeedbackItem item, Set<String> earlierIds) {
        List<String> v = new ArrayList<>();
        if (item.externalId() == null || item.externalId().isBlank() || item.text().isBlank()) {
            v.add("missing externalId or text");
        }
        if (item.author() == null || item.author().id() == null) {
            v.add("author without id");
        } else if (item.author().followers() != null && item.author().followers() < 0) {
            v.add("negative followers");
        }
        if (item.rating() != null && item.rating().value() != Math.rint(item.rating().value())) {
            v.add("fractional rating");
        }
        if (item.replyTo() != null && !earlierIds.contains(item.replyTo())) {
            v.add("replyTo does not name an earlier item");
        }
        if ((item.ticket() != null) != (item.channel() == Channel.TICKET)) {
            v.add("ticket block and ticket channel disagree");
        }
        if (item.channel() == Channel.SURVEY) {
            if (item.rating() == null || item.rating().scale() != RatingScale.NPS) {
                v.add("survey without NPS rating");
            }
            for (String f : List.of("firstRecommend", "aware", "prefer")) {
                if (!item.fields().containsKey(f)) {
                    v.add("survey without fields." + f);
                }
            }
        }
        if (item.channel() == Channel.REVIEW && (item.rating() == null || item.rating().scale() != RatingScale.STARS)) {
            v.add("review without stars");
        }
        return v;
    }

    @Test
    void textsSayWhatRatingsSay() {
        List<DemoRecord> all = DemoFixtures.full();
        List<DemoRecord> fiveStars = all.stream().filter(r -> stars(r) == 5).toList();
        List<DemoRecord> lowStars = all.stream().filter(r -> stars(r) > 0 && stars(r) <= 2).toList();
        assertThat(share(fiveStars, Polarity.POSITIVE)).isGreaterThan(0.9);
        assertThat(share(lowStars, Polarity.NEGATIVE)).isEqualTo(1.0);
        List<DemoRecord> detractors = all.stream().filter(r -> r.item().channel() == Channel.SURVEY
                && r.item().rating().value() <= 6 && r.aspect() != null).toList();
        List<DemoRecord> promoters = all.stream().filter(r -> r.item().channel() == Channel.SURVEY
                && r.item().rating().value() >= 9 && r.aspect() != null).toList();
        assertThat(share(detractors, Polarity.NEGATIVE)).isEqualTo(1.0);
        assertThat(share(promoters, Polarity.POSITIVE)).isEqualTo(1.0);
        // the words follow the labels: complaints carry negative vocabulary, praise positive vocabulary
        assertThat(cueShare(detractors, true)).isGreaterThan(0.95);
        assertThat(cueShare(promoters, false)).isGreaterThan(0.95);
    }

    @Test
    void everyChineseTextAboutAnAspectNamesIt() {
        for (DemoRecord r : DemoFixtures.full()) {
            if (r.aspect() != null && "zh".equals(r.item().lang())) {
                String text = r.item().text();
                assertThat(r.aspect().keywords().stream().anyMatch(text::contains))
                        .as(r.aspect() + ": " + text).isTrue();
            }
        }
    }

    @Test
    void containsStylisticVarietyAndFakePersonalDataForMasking() {
        List<DemoRecord> all = DemoFixtures.full();
        long english = all.stream().filter(r -> "en".equals(r.item().lang())).count();
        long emoticons = all.stream().filter(r -> r.item().text().contains("[哈哈]") || r.item().text().contains("[怒]"))
                .count();
        long negated = all.stream().filter(r -> r.item().text().contains("一点也不") || r.item().text().contains("不太"))
                .count();
        long mobiles = all.stream().filter(r -> MOBILE.matcher(r.item().text()).find()).count();
        long emails = all.stream().filter(r -> EMAIL.matcher(r.item().text()).find()).count();
        long ids = all.stream().filter(r -> {
            Matcher m = ID_NUMBER.matcher(r.item().text());
            return m.find() && validIdChecksum(m.group());
        }).count();
        assertThat(english).isBetween(100L, 3000L);
        assertThat(emoticons).isGreaterThan(500);
        assertThat(negated).isGreaterThan(500);
        assertThat(mobiles).isBetween(50L, 1000L);
        assertThat(emails).isGreaterThan(20);
        assertThat(ids).isGreaterThan(3);
        assertThat(all.stream().filter(r -> r.item().text().contains("刷机") || r.item().text().contains("内测")
                || r.item().text().contains("基带") || r.item().text().contains("帧率")).count()).isGreaterThan(300);
    }

    private static int stars(DemoRecord r) {
        var rating = r.item().rating();
        return rating != null && rating.scale() == RatingScale.STARS ? (int) rating.value() : 0;
    }

    private static double share(List<DemoRecord> rs, Polarity p) {
        assertThat(rs).isNotEmpty();
        return (double) rs.stream().filter(r -> r.polarity() == p).count() / rs.size();
    }

    /** Share of texts that use a vocabulary cue of the expected polarity for their aspect. */
    private static double cueShare(List<DemoRecord> rs, boolean negative) {
        long hits = rs.stream().filter(r -> {
            DemoAspect a = r.aspect();
            String t = r.item().text();
            List<String> cues = new java.util.ArrayList<>(negative ? a.negativeAdjectives() : a.positiveAdjectives());
            cues.addAll(negative ? a.negativePhrases() : a.positivePhrases());
            // negation flips: "不太给力" is a complaint, "一点也不差" is praise
            cues.addAll(negative ? List.of("不太", "不够", "一点都不", "没有想象中")
                    : List.of("一点也不", "并不", "完全不", "没那么"));
            return cues.stream().anyMatch(t::contains);
        }).count();
        return (double) hits / rs.size();
    }

    static boolean validIdChecksum(String id) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11) == id.charAt(17);
    }
}
