package io.koubei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    private static final Set<String> CHANNELS = Set.of("community", "social", "review", "survey", "ticket", "sales", "qc");
    private static final Pattern ISO_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?\\+08:00");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.]+@example\\.com");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dX](?!\\d)");

    @Test
    void everyLineIsValidFormatV1() {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> seen = new HashSet<>();
        List<String> violations = new ArrayList<>();
        int surveys = 0;
        for (DemoRecord r : DemoFixtures.full()) {
            String line = DemoDataWriter.toJsonLine(r.item());
            JsonNode o = json.readTree(line);
            violations.addAll(violations(o, seen).stream().map(v -> v + " in " + line).toList());
            if ("survey".equals(o.path("channel").asString())) {
                surveys++;
            }
            seen.add(o.path("source").asString() + ":" + o.path("externalId").asString());
            if (violations.size() > 20) {
                break;
            }
        }
        assertThat(violations).isEmpty();
        assertThat(surveys).isGreaterThan(1000);
    }

    /** Checks of format v1 written as plain code: one pass over 50k lines must stay cheap. */
    private static List<String> violations(JsonNode o, Set<String> earlierIds) {
        List<String> v = new ArrayList<>();
        for (String name : o.propertyNames()) {
            if (!TOP_LEVEL.contains(name)) {
                v.add("unknown field " + name);
            }
        }
        for (String required : List.of("source", "channel", "externalId", "createdAt", "text")) {
            if (!o.path(required).isString() || o.path(required).asString().isBlank()) {
                v.add("missing " + required);
            }
        }
        if (!CHANNELS.contains(o.path("channel").asString())) {
            v.add("bad channel");
        }
        checkTime(o.get("createdAt"), "createdAt", v);
        JsonNode rating = o.get("rating");
        if (rating != null) {
            RatingScale scale = RatingScale.fromWire(rating.path("scale").asString()).orElse(null);
            double value = rating.path("value").asDouble(Double.NaN);
            if (scale == null || !scale.accepts(value) || value != Math.rint(value)) {
                v.add("bad rating " + rating);
            }
        }
        JsonNode author = o.get("author");
        if (author != null) {
            if (!author.path("id").isString()) {
                v.add("author without id");
            }
            if (author.has("registeredAt")) {
                checkTime(author.get("registeredAt"), "author.registeredAt", v);
            }
            if (author.has("followers") && author.get("followers").asInt() < 0) {
                v.add("negative followers");
            }
        }
        JsonNode in = o.get("interactions");
        if (in != null) {
            for (String k : List.of("likes", "reposts", "replies")) {
                if (!in.path(k).isInt() || in.path(k).asInt() < 0) {
                    v.add("bad interactions." + k);
                }
            }
        }
        if (o.has("replyTo") && !earlierIds.contains(o.get("replyTo").asString())) {
            v.add("replyTo does not name an earlier item");
        }
        if (o.has("ticket")) {
            if (!"ticket".equals(o.path("channel").asString())) {
                v.add("ticket block outside the ticket channel");
            }
            for (String k : List.of("firstResponseAt", "resolvedAt")) {
                if (o.get("ticket").has(k)) {
                    checkTime(o.get("ticket").get(k), "ticket." + k, v);
                }
            }
        }
        if ("survey".equals(o.path("channel").asString())) {
            if (!"nps".equals(o.path("rating").path("scale").asString())) {
                v.add("survey without NPS rating");
            }
            for (String f : List.of("firstRecommend", "aware", "prefer")) {
                if (!o.path("fields").path(f).isString()) {
                    v.add("survey without fields." + f);
                }
            }
        }
        return v;
    }

    private static void checkTime(JsonNode node, String name, List<String> v) {
        if (node == null || !node.isString() || !ISO_OFFSET.matcher(node.asString()).matches()
                || !OffsetDateTime.parse(node.asString()).getOffset().equals(ZoneOffset.ofHours(8))) {
            v.add("bad time " + name + "=" + node);
        }
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
