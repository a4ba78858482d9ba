package io.koubei.dashboard.themes;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.themes.EmergingThemeDetector;
import io.koubei.analysis.themes.Theme;
import io.koubei.analysis.themes.ThemeCandidate;
import io.koubei.analysis.themes.ThemeDiscovery;
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
    }

    public Discovered discover(List<AnalyzedFeedback> items) {
        Set<String> products = new LinkedHashSet<>(productNames.get());
        for (AnalyzedFeedback f : items) {
            if (f.item().product() != null) {
                products.add(f.item().product());
            }
        }
        ThemeReader reader = new ThemeReader(analyzer.get(), products);
        ThemeDiscovery discovery = reader.discovery(MIN_MENTIONS);
        Map<String, List<ThemeCandidate>> byItem = new HashMap<>();
        for (AnalyzedFeedback f : items) {
            String text = f.item().title() == null || f.item().title().isBlank() ? f.item().text() : f.item().title() + "\n" + f.item().text();
            List<ThemeCandidate> c = reader.candidates(text);
            if (!c.isEmpty()) {
                byItem.put(f.id(), c);
                discovery.add(c);
            }
        }
        List<Theme> themes = discovery.themes(edits.edits());
        ThemeIndex index = new ThemeIndex(themes);
        List<ThemeMention> mentions = new ArrayList<>();
        for (AnalyzedFeedback f : items) {
            List<ThemeCandidate> cs = byItem.get(f.id());
            if (cs == null) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (ThemeCandidate c : cs) {
                String id = index.themeOf(c.words());
                if (id != null && seen.add(id + c.polarity())) {
                    mentions.add(new ThemeMention(f.id(), f.week(), f.item().channel(), f.item().productVersion(), id, c.polarity()));
                }
            }
        }
        return new Discovered(themes, mentions);
    }

    /** EMERGING_THEME signals of a week, from the items of the week and its history (as the detector scan reads them). */
    public List<Signal> emerging(List<AnalyzedFeedback> items, String week, List<String> historyWeeks) {
        Discovered d = discover(items);
        return new EmergingThemeDetector().detect(d.mentions(), d.byId(), week, historyWeeks);
    }

    /** One theme in a range, as the API and the CLI show it. */
    public record ThemeView(String id, String name, String aspect, List<String> phrases, long volume, long negative,
                            double negativeShare, Map<String, Long> weekly, String firstSeen, List<String> quotes,
                            List<String> opinionWords, boolean hidden) {
    }

    /** Themes of the items matching a filter (e.g. a date range and a product), most mentioned first. */
    public List<ThemeView> list(FeedbackFilter filter, boolean includeHidden) {
        List<AnalyzedFeedback> items = new ArrayList<>();
        store.scan(filter, items::add);
        Discovered d = discover(items);
        Map<String, Map<String, Long>> weekly = new HashMap<>();
        Map<String, Set<String>> itemsOf = new HashMap<>();
        Map<String, Set<String>> negativeItemsOf = new HashMap<>();
        for (ThemeMention m : d.mentions()) {
            itemsOf.computeIfAbsent(m.themeId(), k -> new LinkedHashSet<>()).add(m.itemId());
            if (m.polarity() == Polarity.NEGATIVE) {
                negativeItemsOf.computeIfAbsent(m.themeId(), k -> new LinkedHashSet<>()).add(m.itemId());
            }
            weekly.computeIfAbsent(m.themeId(), k -> new TreeMap<>()).merge(m.week(), 1L, Long::sum);
        }
        List<ThemeView> out = new ArrayList<>();
        for (Theme t : d.themes()) {
            if (t.hidden() && !includeHidden) {
                continue;
            }
            long volume = itemsOf.getOrDefault(t.id(), Set.of()).size();
            long negative = negativeItemsOf.getOrDefault(t.id(), Set.of()).size();
            Map<String, Long> w = weekly.getOrDefault(t.id(), Map.of());
            String first = w.isEmpty() ? null : w.keySet().iterator().next();
            out.add(new ThemeView(t.id(), t.name(), t.aspect(), t.phrases(), volume, negative,
                    volume == 0 ? 0 : Math.round(1000.0 * negative / volume) / 1000.0, w, first, t.quotes(), t.opinionWords(), t.hidden()));
        }
        out.sort((a, b) -> Long.compare(b.volume(), a.volume()));
        return out;
    }

    /** Ids of the items with an opinion on a theme, among those matching a filter (the {@code theme} filter). */
    public Set<String> itemIds(FeedbackFilter filter, String themeId) {
        List<AnalyzedFeedback> items = new ArrayList<>();
        store.scan(filter, items::add);
        Set<String> out = new LinkedHashSet<>();
        for (ThemeMention m : discover(items).mentions()) {
            if (m.themeId().equals(themeId)) {
                out.add(m.itemId());
            }
        }
        return out;
    }
}
