package io.koubei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.ingest.format.ColumnMapping;
import io.koubei.ingest.format.FeedbackReader;
import io.koubei.ingest.format.FeedbackReaders;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.ParseResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {
    private static final DemoOptions SMALL = DemoOptions.defaults().withScale(0.05);

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        DemoDataGenerator.writeJsonl(a, SMALL);
        DemoDataGenerator.writeJsonl(b, SMALL);
        DemoDataGenerator.writeJsonl(c, SMALL.withSeed(7));

        assertThat(sha256(a)).isEqualTo(sha256(b));
        assertThat(sha256(a)).isNotEqualTo(sha256(c));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSizeGreaterThan(2000);
        assertThat(lines.subList(0, 100)).isNotEqualTo(Files.readAllLines(c).subList(0, 100));
        assertThat(dir.resolve("a.jsonl.tmp")).doesNotExist();
    }

    @Test
    void writtenFileReadsBackThroughTheFormatV1ReaderWithoutRejections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.jsonl");
        DemoDataGenerator.writeJsonl(file, SMALL);
        List<FeedbackItem> expected = new DemoDataGenerator(SMALL).generate().toList();
        List<FeedbackItem> read = new java.util.ArrayList<>();
        try (FeedbackReader reader = FeedbackReaders.open(file, ColumnMapping.NONE, FormatOptions.standard())) {
            while (reader.hasNext()) {
                ParseResult r = reader.next();
                assertThat(r).as(r.toString()).isInstanceOf(ParseResult.Valid.class);
                read.add(((ParseResult.Valid) r).item());
            }
        }
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void streamAndConsumerGiveTheSameItemsInTimeOrder() {
        DemoDataGenerator generator = new DemoDataGenerator(SMALL);
        List<FeedbackItem> streamed = generator.generate().toList();
        List<FeedbackItem> consumed = new java.util.ArrayList<>();
        generator.generate(consumed::add);

        assertThat(consumed).isEqualTo(streamed);
        for (int i = 1; i < streamed.size(); i++) {
            assertThat(streamed.get(i).createdAt()).isAfterOrEqualTo(streamed.get(i - 1).createdAt());
        }
        assertThat(streamed.stream().map(FeedbackItem::id).distinct().count()).isEqualTo(streamed.size());
    }

    @Test
    void fullSizeHasTwelveWeeksAllChannelsBothProductsAndIsFast() {
        List<DemoRecord> all = DemoFixtures.full();

        assertThat(all).hasSizeGreaterThanOrEqualTo(50_000);
        assertThat(DemoFixtures.fullCpuNanos()).as("CPU time of one full generation").isLessThan(5_000_000_000L);
        Set<String> weeks = all.stream().map(r -> DemoFixtures.KEYS.week(r.item().createdAt()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(weeks).hasSize(12).first().isEqualTo("2026-W36");
        assertThat(weeks).last().isEqualTo("2026-W47");
        Set<Channel> channels = all.stream().map(r -> r.item().channel())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        assertThat(channels).containsExactlyInAnyOrder(Channel.COMMUNITY, Channel.SOCIAL, Channel.REVIEW,
                Channel.SURVEY, Channel.TICKET);
        assertThat(all.stream().map(r -> r.item().product()).distinct()).containsExactlyInAnyOrder("nova-x1", "rival-r9");

        // every channel is present every week, and no channel dominates the whole dataset
        Map<Channel, Map<Integer, Integer>> perWeek = new TreeMap<>();
        for (DemoRecord r : all) {
            perWeek.computeIfAbsent(r.item().channel(), k -> new TreeMap<>()).merge(DemoFixtures.week(r), 1, Integer::sum);
        }
        perWeek.forEach((channel, counts) -> assertThat(counts).as(channel.name()).hasSize(12));
        perWeek.forEach((channel, counts) -> assertThat(counts.values().stream().mapToInt(i -> i).sum())
                .as(channel.name()).isBetween(all.size() / 20, all.size() / 2));
    }

    @Test
    void authorsAreFewHundredEnthusiastsAndManyOneOffUsers() {
        List<DemoRecord> all = DemoFixtures.full();
        Set<String> core = all.stream().filter(r -> r.group() == AuthorGroup.CORE && r.item().channel() == Channel.COMMUNITY)
                .map(r -> r.item().authorId()).collect(Collectors.toSet());
        assertThat(core).hasSizeBetween(150, 600);
        Map<String, Integer> postsPerAuthor = new HashMap<>();
        for (DemoRecord r : all) {
            if (r.item().channel() == Channel.COMMUNITY) {
                postsPerAuthor.merge(r.item().authorId(), 1, Integer::sum);
            }
        }
        double coreMean = core.stream().mapToInt(postsPerAuthor::get).average().orElseThrow();
        long oneOff = postsPerAuthor.values().stream().filter(n -> n == 1).count();
        assertThat(coreMean).as("posts per enthusiast over 12 weeks").isGreaterThan(10);
        assertThat((double) oneOff / postsPerAuthor.size()).as("share of one-off forum authors").isGreaterThan(0.6);
        // enthusiasts: high level, old accounts
        all.stream().filter(r -> r.group() == AuthorGroup.CORE && r.item().channel() == Channel.COMMUNITY).limit(500)
                .forEach(r -> {
                    assertThat(r.item().author().level()).isGreaterThanOrEqualTo(7);
                    assertThat(r.item().author().registeredAt()).isBefore(DemoFixtures.START.minusSeconds(600L * 86400));
                });
    }

    @Test
    void officialRepliesOnSocialMostlyWithinHundredMinutesWithSomeBreaches() {
        List<DemoRecord> all = DemoFixtures.full();
        Map<String, FeedbackItem> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.item().id(), r.item()));
        List<Long> minutes = all.stream()
                .filter(r -> r.item().channel() == Channel.SOCIAL && r.item().fromOfficialAccount()
                        && r.item().replyTo() != null)
                .map(r -> java.time.Duration.between(byId.get(r.item().replyTo()).createdAt(), r.item().createdAt())
                        .toMinutes())
                .toList();
        assertThat(minutes).hasSizeGreaterThan(500);
        long within = minutes.stream().filter(m -> m <= 100).count();
        assertThat((double) within / minutes.size()).isBetween(0.75, 0.97);
    }

    @Test
    void ticketsHaveConsistentLifecycles() {
        List<DemoRecord> tickets = DemoFixtures.full().stream().filter(r -> r.item().channel() == Channel.TICKET).toList();
        Set<String> statuses = new HashSet<>();
        for (DemoRecord r : tickets) {
            var t = r.item().ticket();
            assertThat(t).isNotNull();
            statuses.add(t.status());
            if (t.firstResponseAt() != null) {
                assertThat(t.firstResponseAt()).isAfter(r.item().createdAt());
            }
            if (t.resolvedAt() != null) {
                assertThat(t.firstResponseAt()).isNotNull();
                assertThat(t.resolvedAt()).isAfterOrEqualTo(t.firstResponseAt());
                assertThat(t.status()).isIn("solved", "closed");
            } else {
                assertThat(t.status()).isIn("new", "open", "pending");
            }
        }
        assertThat(statuses).contains("closed", "solved", "open", "pending");
        long within24h = tickets.stream().filter(r -> r.item().ticket().resolvedAt() != null
                && java.time.Duration.between(r.item().createdAt(), r.item().ticket().resolvedAt()).toHours() < 24).count();
        assertThat((double) within24h / tickets.size()).as("24-hour close rate").isBetween(0.5, 0.95);
    }

    @Test
    void commandLineWritesDataAndEventsAndRejectsBadOptions(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path file = dir.resolve("demo.jsonl");
        int code = DemoDataWriter.run(new String[] {"--out", file.toString(), "--scale", "0.02", "--calm"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(Files.readAllLines(file)).hasSizeGreaterThan(500);
        String events = Files.readString(dir.resolve("demo-events.json"));
        assertThat(events).contains("\"launch\"", "\"2.2.0\"", "\"price_change\"", "2026-10-20T19:30:00+08:00");

        int bad = DemoDataWriter.run(new String[] {"--scale", "-1"}, new PrintStream(out), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scale");
        int notNumber = DemoDataWriter.run(new String[] {"--seed", "forty-two"}, new PrintStream(out),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(notNumber).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed needs a number, got 'forty-two'");
        assertThat(dir.resolve("demo.jsonl")).as("earlier output untouched").exists();
    }

    @Test
    void constructorWithSeedAndWindowPlacesDataInThatWindow() {
        LocalDate monday = LocalDate.of(2026, 1, 5);
        List<FeedbackItem> items = new DemoDataGenerator(new DemoOptions(3, monday, 2, 0.02, false)).generate().toList();
        assertThat(items).isNotEmpty();
        assertThat(items.stream().map(i -> DemoFixtures.KEYS.week(i.createdAt())).distinct())
                .containsExactly("2026-W02", "2026-W03");
        assertThat(new DemoDataGenerator(new DemoOptions(3, monday, 2, 0.02, false)).scenarios())
                .as("too short a window for scenarios").isEmpty();
    }

    private static String sha256(Path p) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
