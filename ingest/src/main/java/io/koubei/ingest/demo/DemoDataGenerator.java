package io.koubei.ingest.demo;

import io.koubei.core.feedback.FeedbackItem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code koubei demo}: a deterministic multi-channel word-of-mouth dataset for one phone ({@code nova-x1}, 星河 X1)
 * and one competitor ({@code rival-r9}, 极光 R9) — community forum, Weibo-like posts, store reviews, an NPS survey and
 * support tickets — with the scenarios listed by {@link #scenarios()} embedded (unless in calm-control mode).
 *
 * <p>Same options, same items in the same order; no clock is read. Items are ordered by creation time, then id.
 */
public final class DemoDataGenerator {
    private static final Comparator<DemoRecord> ORDER = Comparator
            .comparing((DemoRecord d) -> d.item().createdAt())
            .thenComparing(d -> d.item().id());

    private final DemoOptions options;

    /** Full-size dataset with scenarios. */
    public DemoDataGenerator(long seed, LocalDate firstMonday, int weeks) {
        this(new DemoOptions(seed, firstMonday, weeks, 1.0, false));
    }

    public DemoDataGenerator(DemoOptions options) {
        this.options = options;
    }

    /** Seed 42, 12 weeks 2026-W36…2026-W47, full size. */
    public static DemoDataGenerator defaults() {
        return new DemoDataGenerator(DemoOptions.defaults());
    }

    public DemoOptions options() {
        return options;
    }

    /** Every item with the ground truth it was generated from, in output order. */
    public List<DemoRecord> generateRecords() {
        DemoWorld world = new DemoWorld(new DemoPlan(options));
        new CommunityTraffic(world).generate();
        new SocialTraffic(world).generate();
        new ReviewTraffic(world).generate();
        new SurveyTraffic(world).generate();
        new TicketTraffic(world).generate();
        List<DemoRecord> records = world.records();
        records.sort(ORDER);
        return records;
    }

    public Stream<FeedbackItem> generate() {
        return generateRecords().stream().map(DemoRecord::item);
    }

    public void generate(Consumer<FeedbackItem> sink) {
        for (DemoRecord r : generateRecords()) {
            sink.accept(r.item());
        }
    }

    public List<DemoScenario> scenarios() {
        return DemoScenarios.of(options);
    }

    public List<DemoEvent> events() {
        return DemoScenarios.events(options);
    }

    /** Writes the dataset as JSON Lines (format v1, UTF-8). */
    public static void writeJsonl(Path out, DemoOptions opts) throws IOException {
        DemoDataWriter.writeJsonl(out, opts);
    }

    /** Writes the window's events (launch, OTA versions, price change) as a JSON array. */
    public static void writeEvents(Path out, DemoOptions opts) throws IOException {
        DemoDataWriter.writeEvents(out, opts);
    }

    /**
     * Manual runs: {@code DemoDataGenerator [--out demo.jsonl] [--events demo-events.json] [--seed 42] [--scale 1.0]
     * [--calm]}.
     */
    public static void main(String[] args) throws IOException {
        System.exit(DemoDataWriter.run(args, System.out, System.err));
    }
}
