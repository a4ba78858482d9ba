package io.koubei.dashboard.bench;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.segment.AuthorProfile;
import io.koubei.analysis.signals.segment.AuthorProfiles;
import io.koubei.analysis.signals.segment.CoreUserClassifier;
import io.koubei.analysis.signals.segment.CoreUserRules;
import io.koubei.analysis.signals.segment.MassImpression;
import io.koubei.analysis.signals.segment.OpinionPointRanking;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The core/mass page's data work (what {@code WordOfMouthPageController.users} asks of the store) at about a million
 * items on the embedded store, before and after it read the mass half from aggregations; and the author profiles of
 * one instant from the store's per-author figures against the item path. Not a test: a command (docs/performance.md).
 *
 * <ol>
 *   <li>Fill as {@link HttpReadBench} does (demo world, real analyzer, straight into Lucene).</li>
 *   <li>Segments, once: each week's items get the segment their author has as of the week's end (store-backed
 *       profiles, default rules), as the weekly scan writes them back.</li>
 *   <li>Measure in this JVM: the first call (cold: fresh JVM, index files in the OS cache) and 10 more (warm).</li>
 * </ol>
 *
 * Usage: {@code UsersPageBench <dataDir> <items> <before|after|counts|profiles-items|profiles-store> [runs=11]}; each mode in its
 * own JVM (the first run is the cold one).
 */
public final class UsersPageBench {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();

    private UsersPageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        long items = Long.parseLong(args[1]);
        String mode = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 11;
        HttpReadBench.fill(dataDir, items);
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dataDir.resolve("index"))) {
            segments(store, dataDir);
            List<String> weeks = store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK))).stream()
                    .map(b -> b.key().get(0)).sorted().toList();
            String week = weeks.get(weeks.size() - 1);
            System.out.printf(Locale.ROOT, "items %,d, latest week %s, mode %s%n", store.count(FeedbackFilter.ALL), week, mode);
            long[] ms = new long[runs];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                String what = switch (mode) {
                    case "before" -> before(store, week);
                    case "after" -> after(store, week);
                    case "counts" -> counts(store, week);
                    case "profiles-items" -> profilesFromItems(store, week);
                    case "profiles-store" -> profilesFromStore(store, week);
                    default -> throw new IllegalArgumentException(mode);
                };
                ms[i] = (System.nanoTime() - t) / 1_000_000;
                if (i == 0) {
                    System.out.println("  " + what);
                }
            }
            long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "%s: cold %d ms, warm median %d ms, warm max %d ms (%d warm runs); heap used %d MB%n",
                    mode, ms[0], warm[warm.length / 2], warm[warm.length - 1], warm.length,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }

    private static FeedbackFilter.Builder scope(List<String> window) {
        return FeedbackFilter.builder().weeks(new HashSet<>(window)).excludeFlags(Set.of("astroturf"));
    }

    /** The page until this change: both segments' items of eight weeks. */
    static String before(FeedbackStore store, String w) {
        List<String> window = Weeks.endingAt(w, 8);
        List<AnalyzedFeedback> core = new ArrayList<>();
        store.scan(scope(window).segments(Set.of(Segment.CORE)).build(), core::add);
        List<AnalyzedFeedback> mass = new ArrayList<>();
        store.scan(scope(window).segments(Set.of(Segment.MASS)).build(), mass::add);
        long coreCount = core.stream().map(f -> f.item().authorId()).distinct().count();
        long massCount = mass.stream().map(f -> f.item().authorId()).distinct().count();
        int opinions = new OpinionPointRanking().rank(core, CAL.weekStart(CalendarKeys.shiftWeek(w, 1))).stream().limit(20)
                .toList().size();
        MassImpression.Impression imp = MassImpression.of(mass, window, 30, 10);
        return String.format(Locale.ROOT, "core items %,d (%,d authors), mass items %,d (%,d authors), %d opinions, %d clusters",
                core.size(), coreCount, imp.items(), massCount, opinions, imp.clusters().size());
    }

    /** The page now: core items for the opinion points, the mass half from aggregations. */
    static String after(FeedbackStore store, String w) {
        List<String> window = Weeks.endingAt(w, 8);
        FeedbackFilter massF = scope(window).segments(Set.of(Segment.MASS)).build();
        FeedbackFilter coreF = scope(window).segments(Set.of(Segment.CORE)).build();
        long coreCount = store.aggregate(new AggregateQuery(coreF, List.of(Dimension.AUTHOR))).size();
        long massCount = store.aggregate(new AggregateQuery(massF, List.of(Dimension.AUTHOR))).size();
        Set<String> aspects = new HashSet<>(table(store, coreF, Dimension.ASPECT).values(Dimension.ASPECT));
        aspects.remove(Dimension.NONE);
        List<AnalyzedFeedback> core = new ArrayList<>();
        store.scan(coreF.toBuilder().aspects(aspects).build(), core::add);
        int opinions = new OpinionPointRanking().rank(core, CAL.weekStart(CalendarKeys.shiftWeek(w, 1))).stream().limit(20)
                .toList().size();
        MassImpression.Impression imp = MassImpression.of(table(store, massF, Dimension.WEEK),
                table(store, massF, Dimension.ASPECT), table(store, massF, Dimension.ASPECT_POLARITY), window, 30, 10);
        return String.format(Locale.ROOT, "core items %,d (%,d authors), mass items %,d (%,d authors), %d opinions, %d clusters",
                core.size(), coreCount, imp.items(), massCount, opinions, imp.clusters().size());
    }

    /** The page as committed: opinion points from counts ({@code CoreOpinions}), examples read for the 20 shown. */
    static String counts(FeedbackStore store, String w) {
        List<String> window = Weeks.endingAt(w, 8);
        FeedbackFilter massF = scope(window).segments(Set.of(Segment.MASS)).build();
        FeedbackFilter coreF = scope(window).segments(Set.of(Segment.CORE)).build();
        long coreCount = store.aggregate(new AggregateQuery(coreF, List.of(Dimension.AUTHOR))).size();
        long massCount = store.aggregate(new AggregateQuery(massF, List.of(Dimension.AUTHOR))).size();
        int opinions = io.koubei.analysis.signals.segment.CoreOpinions.top(store, coreF,
                CAL.weekStart(CalendarKeys.shiftWeek(w, 1)), CAL.zone(), new OpinionPointRanking(), 20).size();
        MassImpression.Impression imp = MassImpression.of(table(store, massF, Dimension.WEEK),
                table(store, massF, Dimension.ASPECT), table(store, massF, Dimension.ASPECT_POLARITY), window, 30, 10);
        return String.format(Locale.ROOT, "%,d core authors, mass items %,d (%,d authors), %d opinions, %d clusters",
                coreCount, imp.items(), massCount, opinions, imp.clusters().size());
    }

    static String profilesFromItems(FeedbackStore store, String w) {
        var asOf = CAL.weekStart(CalendarKeys.shiftWeek(w, 1));
        List<AnalyzedFeedback> items = new ArrayList<>();
        store.scan(FeedbackFilter.builder().from(asOf.minus(CoreUserRules.DEFAULTS.window())).to(asOf).build(), items::add);
        return "authors " + AuthorProfiles.ofItems(items).asOf(asOf, CoreUserRules.DEFAULTS).size() + " from "
                + items.size() + " items";
    }

    static String profilesFromStore(FeedbackStore store, String w) {
        var asOf = CAL.weekStart(CalendarKeys.shiftWeek(w, 1));
        return "authors " + AuthorProfiles.ofStore(store).asOf(asOf, CoreUserRules.DEFAULTS).size();
    }

    private static BucketTable table(FeedbackStore store, FeedbackFilter f, Dimension d) {
        return BucketTable.of(List.of(d), store.aggregate(new AggregateQuery(f, List.of(d))));
    }

    /** Writes each week's segments once, as the weekly scan would (author profile as of the week's end). */
    static void segments(LuceneFeedbackStore store, Path dataDir) throws Exception {
        Path marker = dataDir.resolve(".users-bench-segments");
        if (Files.exists(marker)) {
            return;
        }
        long started = System.nanoTime();
        List<Bucket> weeks = store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK)));
        CoreUserClassifier classifier = new CoreUserClassifier();
        AuthorProfiles profiles = AuthorProfiles.ofStore(store);
        long core = 0;
        long total = 0;
        for (Bucket b : weeks) {
            String week = b.key().get(0);
            Map<String, AuthorProfile> byAuthor = profiles.asOf(CAL.weekStart(CalendarKeys.shiftWeek(week, 1)), CoreUserRules.DEFAULTS);
            Map<String, Verdicts> verdicts = new HashMap<>();
            store.scan(FeedbackFilter.builder().week(week).official(false).build(), f -> {
                AuthorProfile p = f.item().authorId() == null ? null : byAuthor.get(f.item().authorId());
                if (p != null) {
                    verdicts.put(f.id(), new Verdicts(f.analysis().flags(), classifier.classify(p).segment()));
                }
            });
            core += verdicts.values().stream().filter(v -> v.segment() == Segment.CORE).count();
            total += verdicts.size();
            for (List<String> ids : chunks(new ArrayList<>(verdicts.keySet()), 20_000)) {
                Map<String, Verdicts> chunk = new HashMap<>();
                ids.forEach(id -> chunk.put(id, verdicts.get(id)));
                store.updateVerdicts(chunk);
            }
            System.out.printf(Locale.ROOT, "  segments of %s: %,d items, %.0f s%n", week, verdicts.size(),
                    (System.nanoTime() - started) / 1e9);
        }
        System.out.printf(Locale.ROOT, "segments written: %,d items, %,d core%n", total, core);
        Files.writeString(marker, "segments written by UsersPageBench\n");
    }

    private static List<List<String>> chunks(List<String> all, int size) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
