package io.koubei.dashboard.themes;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.themes.EmergingThemeDetector;
import io.koubei.analysis.themes.Theme;
import io.koubei.analysis.themes.ThemeCandidate;
import io.koubei.analysis.themes.ThemeDiscovery;
import io.koubei.analysis.themes.ThemeEdits;
import io.koubei.analysis.themes.ThemeIndex;
import io.koubei.analysis.themes.ThemeMention;
import io.koubei.analysis.themes.ThemeReader;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Themes of the feedback in a range: discovery over the items' opinion targets (products named in the settings are
 * never a theme), the team's edits applied, each item's themes, and the emerging-theme signal for the detector scan.
 */
public class ThemeService {
    /** A theme needs this many opinions in the range read. */
    static final int MIN_MENTIONS = 5;

    private final FeedbackStore store;
    private final Supplier<KoubeiAnalyzer> analyzer;
    private final Supplier<? extends Collection<String>> productNames;
    private final ThemeEditStore edits;

    /**
     * @param analyzer     the analyzer as the settings left it (taxonomy, lexicon, dictionaries)
     * @param productNames ours and competitors' product names: never a theme
     */
    public ThemeService(FeedbackStore store, Supplier<KoubeiAnalyzer> analyzer, Supplier<? extends Collection<String>> productNames,
            ThemeEditStore edits) {
        this.store = store;
        this.analyzer = analyzer;
        this.productNames = productNames;
        this.edits = edits;
    }

    public ThemeEditStore edits() {
        return edits;
    }

    /** Themes found in some items, and each item's opinions on them. */
    public record Discovered(List<Theme> themes, List<ThemeMention> mentions) {
        public Map<String, Theme> byId() {
            Map<String, Theme> m = new HashMap<>();
            themes.forEach(t -> m.put(t.id(), t));
            return m;
        }

        Map<String, List<ThemeMention>> byItem() {
            Map<String, List<ThemeMention>> m = new HashMap<>();
            mentions.forEach(x -> m.computeIfAbsent(x.itemId(), k -> new ArrayList<>(2)).add(x));
            return m;
        }
    }

    /** What discovery keeps of an item between reading it and indexing it: not its text. */
    private record Read(String id, String week, io.koubei.core.feedback.Channel channel, String version, String product,
                        List<List<String>> targets, List<Polarity> polarities) {
    }

    /**
     * @param discoveredAt item count when the vocabulary was last discovered
     * @param seen         ids of every item read so far (with or without opinions)
     * @param productOf    the product of each item with a mention (none: not in the map), so that a week's mentions
     *                     of one product need no scan of the items
     */
    private record Cached(long count, long discoveredAt, ThemeEdits edits, Discovered discovered, ThemeIndex index,
                          Map<String, List<ThemeMention>> byItem, Set<String> seen, Map<String, String> productOf) {
    }

    /** New items up to this share of those the vocabulary was discovered on are only indexed, not rediscovered. */
    static final double GROWTH_BEFORE_REDISCOVERY = 0.05;

    private Cached cache;

    /**
     * The themes of everything stored (one vocabulary, so a theme keeps its id whatever range or product is asked
     * for). Rediscovered when the team's edits change or the store grew by more than
     * {@link #GROWTH_BEFORE_REDISCOVERY} (or shrank); smaller additions (a re-scan after new feedback) are only read
     * and put into the existing themes.
     */
    public synchronized Discovered all() {
        return cached().discovered();
    }

    private synchronized Cached cached() {
        long n = store.count(FeedbackFilter.ALL);
        ThemeEdits e = edits.edits();
        if (cache != null && cache.count() == n && cache.edits().equals(e)) {
            return cache;
        }
        if (cache != null && cache.edits().equals(e) && n > cache.count()
                && n <= cache.discoveredAt() * (1 + GROWTH_BEFORE_REDISCOVERY)) {
            cache = extended(cache, n);
            return cache;
        }
        Set<String> seen = new java.util.HashSet<>();
        Map<String, String> productOf = new HashMap<>();
        Discovered d = discover(FeedbackFilter.ALL, e, seen, productOf);
        cache = new Cached(n, n, e, d, new ThemeIndex(d.themes()), d.byItem(), seen, productOf);
        return cache;
    }

    /** The cache with the items it has not read yet put into its themes (new maps: readers may hold the old ones). */
    private Cached extended(Cached c, long n) {
        List<AnalyzedFeedback> fresh = new ArrayList<>();
        store.scan(FeedbackFilter.ALL, f -> {
            if (!c.seen().contains(f.id())) {
                fresh.add(f);
            }
        });
        Set<String> seen = new java.util.HashSet<>(c.seen());
        Map<String, List<ThemeMention>> byItem = new HashMap<>(c.byItem());
        Map<String, String> productOf = new HashMap<>(c.productOf());
        List<ThemeMention> mentions = new ArrayList<>(c.discovered().mentions());
        ThemeReader reader = new ThemeReader(analyzer.get(), productNames.get());
        List<AnalyzedFeedback> users = fresh.stream().filter(f -> !f.item().fromOfficialAccount()).toList();
        List<List<ThemeCandidate>> read = users.parallelStream().map(f -> reader.candidates(textOf(f))).toList();
        for (int i = 0; i < users.size(); i++) {
            AnalyzedFeedback f = users.get(i);
            List<ThemeMention> ms = mentionsOf(f.id(), f.week(), f.item().channel(), f.item().productVersion(),
                    read.get(i).stream().map(ThemeCandidate::words).toList(), read.get(i).stream().map(ThemeCandidate::polarity).toList(),
                    c.index());
            if (!ms.isEmpty()) {
                byItem.put(f.id(), ms);
                mentions.addAll(ms);
                if (f.item().product() != null) {
                    productOf.put(f.id(), f.item().product());
                }
            }
        }
        fresh.forEach(f -> seen.add(f.id()));
        return new Cached(n, c.discoveredAt(), c.edits(), new Discovered(c.discovered().themes(), mentions), c.index(),
                byItem, seen, productOf);
    }

    private static String textOf(AnalyzedFeedback f) {
        return f.item().title() == null || f.item().title().isBlank() ? f.item().text() : f.item().title() + "\n" + f.item().text();
    }

    private static List<ThemeMention> mentionsOf(String itemId, String week, io.koubei.core.feedback.Channel channel,
            String version, List<List<String>> targets, List<Polarity> polarities, ThemeIndex index) {
        List<ThemeMention> out = new ArrayList<>(2);
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String id = index.themeOf(targets.get(i));
            Polarity p = polarities.get(i);
            if (id != null && seen.add(id + p)) {
                out.add(new ThemeMention(itemId, week, channel, version, id, p));
            }
        }
        return out;
    }

    /** Discovery over the items a filter matches (read from the store as a stream: the texts are not kept). */
    Discovered discover(FeedbackFilter filter, ThemeEdits e, Set<String> seenIds) {
        return discover(filter, e, seenIds, new HashMap<>());
    }

    /** As above; {@code productOf} receives the product of each item with a mention. */
    Discovered discover(FeedbackFilter filter, ThemeEdits e, Set<String> seenIds, Map<String, String> productOf) {
        Set<String> products = new LinkedHashSet<>(productNames.get());
        List<Read> reads = new ArrayList<>();
        ThemeReader[] reader = {null};
        ThemeDiscovery[] discovery = {null};
        List<AnalyzedFeedback> pending = new ArrayList<>();
        store.scan(filter, f -> {
            seenIds.add(f.id());
            if (f.item().product() != null) {
                products.add(f.item().product());
            }
            pending.add(f);
            if (pending.size() >= 2000) {
                read(pending, products, reader, discovery, reads);
            }
        });
        read(pending, products, reader, discovery, reads);
        if (discovery[0] == null) {
            return new Discovered(List.of(), List.of());
        }
        List<Theme> themes = discovery[0].themes(e);
        ThemeIndex index = new ThemeIndex(themes);
        List<ThemeMention> mentions = new ArrayList<>();
        Map<String, String> names = new HashMap<>(); // one String per product, not one per item
        for (Read r : reads) {
            List<ThemeMention> ms = mentionsOf(r.id(), r.week(), r.channel(), r.version(), r.targets(), r.polarities(), index);
            mentions.addAll(ms);
            if (!ms.isEmpty() && r.product() != null) {
                productOf.put(r.id(), names.computeIfAbsent(r.product(), p -> p));
            }
        }
        return new Discovered(themes, mentions);
    }

    private void read(List<AnalyzedFeedback> batch, Set<String> products, ThemeReader[] reader, ThemeDiscovery[] discovery,
            List<Read> reads) {
        if (batch.isEmpty()) {
            return;
        }
        if (reader[0] == null) {
            // product names seen in the first batch and the settings; later ones are rare and still filtered by settings
            reader[0] = new ThemeReader(analyzer.get(), products);
            discovery[0] = reader[0].discovery(MIN_MENTIONS);
        }
        ThemeReader r = reader[0];
        // reading is the cost (the analyzer is thread-safe): in parallel; discovery takes them in order
        List<AnalyzedFeedback> users = batch.stream().filter(f -> !f.item().fromOfficialAccount()).toList(); // the company's own replies are not what users say
        List<List<ThemeCandidate>> read = users.parallelStream().map(f -> r.candidates(textOf(f))).toList();
        for (int i = 0; i < users.size(); i++) {
            AnalyzedFeedback f = users.get(i);
            List<ThemeCandidate> c = read.get(i);
            if (!c.isEmpty()) {
                discovery[0].add(c);
                reads.add(new Read(f.id(), f.week(), f.item().channel(), f.item().productVersion(), f.item().product(),
                        c.stream().map(ThemeCandidate::words).toList(), c.stream().map(ThemeCandidate::polarity).toList()));
            }
        }
        batch.clear();
    }

    /**
     * EMERGING_THEME signals of a week: the stored themes' negative opinions in the week against its history weeks.
     * Reads the mentions the theme index already holds (each carries its week), not the weeks' items.
     */
    public List<Signal> emerging(String week, List<String> historyWeeks) {
        Cached c = cached();
        Set<String> weeks = new java.util.HashSet<>(historyWeeks);
        weeks.add(week);
        List<ThemeMention> mentions = new ArrayList<>();
        for (List<ThemeMention> l : c.byItem().values()) {
            for (ThemeMention m : l) {
                if (weeks.contains(m.week())) {
                    mentions.add(m);
                }
            }
        }
        return new EmergingThemeDetector().detect(mentions, c.discovered().byId(), week, historyWeeks);
    }

    /**
     * The team's change to a theme (API and settings page alike); a null field stays as it is, a blank name clears the
     * team's name (discovery's name is shown again).
     */
    public void change(String id, String name, Boolean hidden, String aspect) {
        checkId(id);
        edits.change(id, e -> new ThemeEdit(id,
                name == null ? e.name() : name.isBlank() ? null : name.strip(),
                hidden == null ? e.hidden() : hidden,
                e.mergedInto(),
                aspect == null ? e.aspect() : aspect.strip()));
    }

    /** Merges a theme into another; {@code into} = its own id undoes an earlier merge. Returns the theme it is now in. */
    public String merge(String id, String into) {
        checkId(id);
        checkId(into);
        String target = into.equals(id) ? null : into;
        edits.change(id, e -> new ThemeEdit(id, e.name(), e.hidden(), target, e.aspect()));
        return target == null ? id : target;
    }

    static void checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a theme id is required");
        }
        if (!id.matches("th-[0-9a-f]{10}")) {
            throw new IllegalArgumentException("not a theme id: " + id);
        }
    }

    /**
     * A theme new or growing in a week (the weekly report's "new this week"): its negative items in the week against
     * the median of its history weeks, whether it was first seen that week or the emerging-theme test raises it, the
     * channels of the week (most items first) and one masked sentence of the week about it.
     */
    public record WeekTheme(String id, String name, String aspect, long negative, long volume, double usual,
                            boolean firstSeen, boolean emerging, List<io.koubei.core.feedback.Channel> channels,
                            String quote) {
    }

    /** A theme first seen in a week needs this many items in it to be listed as new (one stray sentence is not). */
    static final int MIN_NEW_ITEMS = 3;

    /**
     * Themes new in a week (first seen in it, over everything stored) or emerging in it (the EMERGING_THEME test over
     * {@code historyWeeks}), hidden ones never; emerging first, then most negative items, at most {@code limit}.
     *
     * @param product      only this product's items, or null for all
     * @param historyWeeks the weeks before it that have data, oldest first
     */
    public List<WeekTheme> newInWeek(String week, String product, List<String> historyWeeks, int limit) {
        Cached c = cached();
        Map<String, String> firstWeek = new HashMap<>();
        for (ThemeMention m : c.discovered().mentions()) {
            if (m.week() != null) {
                firstWeek.merge(m.themeId(), m.week(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        Set<String> weeks = new java.util.HashSet<>(historyWeeks);
        weeks.add(week);
        // the mentions of the weeks (and product) straight from the vocabulary's snapshot: every item the store holds
        // has been read into it (cached() checks the count), so scanning the weeks' items (a million at scale, for
        // their ids) finds the same mentions; the texts are read only for the quotes, below
        List<ThemeMention> mentions = new ArrayList<>();
        for (ThemeMention m : c.discovered().mentions()) {
            if (m.week() != null && weeks.contains(m.week())
                    && (product == null || product.equals(c.productOf().get(m.itemId())))) {
                mentions.add(m);
            }
        }
        Map<String, Theme> byId = c.discovered().byId();
        Set<String> emerging = new java.util.HashSet<>();
        for (Signal s : new EmergingThemeDetector().detect(mentions, byId, week, historyWeeks)) {
            Object id = s.evidence().facts().get("theme");
            if (id != null) {
                emerging.add(id.toString());
            }
        }
        Map<String, Set<String>> items = new HashMap<>();
        Map<String, Set<String>> negative = new HashMap<>();
        Map<String, Map<io.koubei.core.feedback.Channel, Set<String>>> channels = new HashMap<>();
        Map<String, Map<String, Set<String>>> pastNegative = new HashMap<>();
        for (ThemeMention m : mentions) {
            if (!week.equals(m.week())) {
                if (m.polarity() == Polarity.NEGATIVE) {
                    pastNegative.computeIfAbsent(m.themeId(), k -> new HashMap<>())
                            .computeIfAbsent(m.week(), k -> new java.util.HashSet<>()).add(m.itemId());
                }
                continue;
            }
            items.computeIfAbsent(m.themeId(), k -> new LinkedHashSet<>()).add(m.itemId());
            if (m.polarity() == Polarity.NEGATIVE) {
                negative.computeIfAbsent(m.themeId(), k -> new LinkedHashSet<>()).add(m.itemId());
            }
            if (m.channel() != null) {
                channels.computeIfAbsent(m.themeId(), k -> new java.util.EnumMap<>(io.koubei.core.feedback.Channel.class))
                        .computeIfAbsent(m.channel(), k -> new java.util.HashSet<>()).add(m.itemId());
            }
        }
        List<WeekTheme> out = new ArrayList<>();
        for (var e : items.entrySet()) {
            Theme t = byId.get(e.getKey());
            if (t == null || t.hidden()) {
                continue;
            }
            boolean first = week.equals(firstWeek.get(t.id()));
            boolean isEmerging = emerging.contains(t.id());
            if (!isEmerging && !(first && e.getValue().size() >= MIN_NEW_ITEMS)) {
                continue;
            }
            double[] past = new double[historyWeeks.size()];
            Map<String, Set<String>> pn = pastNegative.getOrDefault(t.id(), Map.of());
            for (int i = 0; i < past.length; i++) {
                past[i] = pn.getOrDefault(historyWeeks.get(i), Set.of()).size();
            }
            List<io.koubei.core.feedback.Channel> ch = channels.getOrDefault(t.id(), Map.of()).entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                    .map(Map.Entry::getKey).toList();
            Set<String> neg = negative.getOrDefault(t.id(), Set.of());
            out.add(new WeekTheme(t.id(), t.name(), t.aspect(), neg.size(), e.getValue().size(), median(past), first,
                    isEmerging, ch, quote(t, neg.isEmpty() ? e.getValue() : neg)));
        }
        out.sort(java.util.Comparator.comparing((WeekTheme w) -> !w.emerging())
                .thenComparing(w -> -w.negative()).thenComparing(w -> -w.volume()).thenComparing(WeekTheme::name));
        return out.stream().limit(limit).toList();
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Texts are read for the quotes this many items at a time, until a sentence names the theme. */
    static final int QUOTE_BATCH = 50;

    /** The first whole sentence of the week's items that names the theme (masked), else the theme's own quote. */
    private String quote(Theme t, Set<String> itemIds) {
        List<String> words = new ArrayList<>(t.phrases());
        words.addAll(t.keys());
        List<String> ids = new ArrayList<>(itemIds);
        Map<String, String> textOf = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (i % QUOTE_BATCH == 0) {
                textOf.clear();
                store.getAll(ids.subList(i, Math.min(ids.size(), i + QUOTE_BATCH)))
                        .forEach(f -> textOf.put(f.id(), f.item().text()));
            }
            String text = textOf.get(ids.get(i));
            if (text == null) {
                continue;
            }
            for (String sentence : text.split("(?<=[。！？!?；;\\n])")) {
                String s = sentence.strip();
                if (s.length() >= 4 && words.stream().anyMatch(w -> !w.isBlank() && s.contains(w))) {
                    return io.koubei.core.privacy.PiiMasker.mask(s.length() <= 120 ? s : s.substring(0, 120) + "…");
                }
            }
        }
        return t.quotes().isEmpty() ? null : t.quotes().get(0);
    }

    /** One theme in a range, as the API and the CLI show it. */
    public record ThemeView(String id, String name, String aspect, List<String> phrases, long volume, long negative,
                            double negativeShare, Map<String, Long> weekly, String firstSeen, List<String> quotes,
                            List<String> opinionWords, boolean hidden) {
    }

    /** Themes of the items matching a filter (e.g. a date range and a product), most mentioned first. */
    public List<ThemeView> list(FeedbackFilter filter, boolean includeHidden) {
        Cached c = cached();
        Map<String, Map<String, Long>> weekly = new HashMap<>();
        Map<String, Set<String>> itemsOf = new HashMap<>();
        Map<String, Set<String>> negativeItemsOf = new HashMap<>();
        store.scan(filter, f -> {
            for (ThemeMention m : c.byItem().getOrDefault(f.id(), List.of())) {
                if (itemsOf.computeIfAbsent(m.themeId(), k -> new LinkedHashSet<>()).add(m.itemId())) {
                    weekly.computeIfAbsent(m.themeId(), k -> new TreeMap<>()).merge(m.week(), 1L, Long::sum);
                }
                if (m.polarity() == Polarity.NEGATIVE) {
                    negativeItemsOf.computeIfAbsent(m.themeId(), k -> new LinkedHashSet<>()).add(m.itemId());
                }
            }
        });
        List<ThemeView> out = new ArrayList<>();
        for (Theme t : c.discovered().themes()) {
            long volume = itemsOf.getOrDefault(t.id(), Set.of()).size();
            if (volume == 0 || t.hidden() && !includeHidden) {
                continue;
            }
            long negative = negativeItemsOf.getOrDefault(t.id(), Set.of()).size();
            Map<String, Long> w = weekly.getOrDefault(t.id(), Map.of());
            String first = w.isEmpty() ? null : w.keySet().iterator().next();
            out.add(new ThemeView(t.id(), t.name(), t.aspect(), t.phrases(), volume, negative,
                    Math.round(1000.0 * negative / volume) / 1000.0, w, first, t.quotes(), t.opinionWords(), t.hidden()));
        }
        out.sort((a, b) -> Long.compare(b.volume(), a.volume()));
        return out;
    }

    /** Ids of the items with an opinion on a theme, among those matching a filter (the {@code theme} filter). */
    public Set<String> itemIds(FeedbackFilter filter, String themeId) {
        Cached c = cached();
        Set<String> out = new LinkedHashSet<>();
        store.scan(filter, f -> {
            for (ThemeMention m : c.byItem().getOrDefault(f.id(), List.of())) {
                if (m.themeId().equals(themeId)) {
                    out.add(m.itemId());
                }
            }
        });
        return out;
    }
}
