package io.koubei.analysis.themes;

import io.koubei.analysis.aspects.AspectTaxonomy;
import io.koubei.core.privacy.PiiMasker;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds themes from opinion targets (unsupervised: only texts, never labels). Explainable in three steps:
 * <ol>
 *   <li>each target phrase takes as its key its most frequent specific word across the corpus (对焦速度 → 对焦,
 *       成像效果 → 成像; generic heads such as 效果/速度/功能 only when nothing else is there);</li>
 *   <li>keys that are surface variants of each other merge: a key containing another frequent key (紫边现象 → 紫边),
 *       and two-character keys differing in one character whose opinion words overlap (外形/外型, 噪点/躁点);</li>
 *   <li>a group mentioned at least {@code minMentions} times is a theme, named by its most frequent phrase, linked
 *       to the taxonomy aspect its key (or most of its phrases) maps to, with representative sentences.</li>
 * </ol>
 * Not thread-safe; feed it with {@link #add}, then read {@link #themes}.
 */
public final class ThemeDiscovery {
    private static final int QUOTES_KEPT = 6;
    /** A compound phrase with at least this share of its key word's mentions keeps its own theme. */
    static final double COMPOUND_SHARE = 0.15;
    /** Two keys one character apart merge only when what is said about them is this alike (cosine of opinion words). */
    static final double VARIANT_SIMILARITY = 0.8;
    /** … and only when the rarer one has at most this share of the commoner one's mentions. */
    static final double VARIANT_SHARE = 0.35;

    private final AspectTaxonomy taxonomy;
    private final int minMentions;
    private final Map<String, PhraseStats> phrases = new HashMap<>();

    public ThemeDiscovery(AspectTaxonomy taxonomy, int minMentions) {
        this.taxonomy = taxonomy;
        this.minMentions = Math.max(1, minMentions);
    }

    static final class PhraseStats {
        final List<String> words;
        long count;
        long negative;
        final Map<String, Integer> opinions = new HashMap<>();
        final List<String> negativeQuotes = new ArrayList<>(2);
        final List<String> otherQuotes = new ArrayList<>(2);

        PhraseStats(List<String> words) {
            this.words = words;
        }
    }

    public void add(List<ThemeCandidate> candidates) {
        for (ThemeCandidate c : candidates) {
            PhraseStats s = phrases.computeIfAbsent(c.phrase(), k -> new PhraseStats(c.words()));
            s.count++;
            if (c.polarity() == Polarity.NEGATIVE) {
                s.negative++;
            }
            for (String w : c.opinionWords()) {
                s.opinions.merge(w, 1, Integer::sum);
            }
            List<String> quotes = c.polarity() == Polarity.NEGATIVE ? s.negativeQuotes : s.otherQuotes;
            if (quotes.size() < 2 && !c.quote().isEmpty()) {
                String masked = PiiMasker.mask(c.quote());
                if (!quotes.contains(masked)) {
                    quotes.add(masked);
                }
            }
        }
    }

    /** Distinct target phrases seen so far. */
    public int phraseCount() {
        return phrases.size();
    }

    public List<Theme> themes() {
        return themes(ThemeEdits.NONE);
    }

    /** Themes, most mentioned first, with the team's edits applied. */
    public List<Theme> themes(ThemeEdits edits) {
        Map<String, Long> wordFreq = new HashMap<>();
        for (PhraseStats s : phrases.values()) {
            for (String w : s.words) {
                wordFreq.merge(w, s.count, Long::sum);
            }
        }
        // 1. key of each phrase
        Map<String, List<Map.Entry<String, PhraseStats>>> byKey = new HashMap<>();
        for (var e : phrases.entrySet()) {
            String key = keyOf(e.getValue().words, wordFreq);
            // a compound said often enough is a theme of its own (息屏显示 is not just 显示)
            if (e.getValue().words.size() > 1 && e.getValue().count >= 3L * minMentions
                    && e.getValue().count >= COMPOUND_SHARE * wordFreq.getOrDefault(key, 0L)) {
                key = e.getKey();
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        Map<String, Long> keyCount = new HashMap<>();
        Map<String, Map<String, Integer>> keyOpinions = new HashMap<>();
        for (var e : byKey.entrySet()) {
            long n = 0;
            Map<String, Integer> ops = new HashMap<>();
            for (var p : e.getValue()) {
                n += p.getValue().count;
                p.getValue().opinions.forEach((w, c) -> ops.merge(w, c, Integer::sum));
            }
            keyCount.put(e.getKey(), n);
            keyOpinions.put(e.getKey(), ops);
        }
        // 2. surface variants
        Map<String, String> parent = new HashMap<>();
        List<String> keys = new ArrayList<>(keyCount.keySet());
        keys.sort(Comparator.comparing((String k) -> -keyCount.get(k)).thenComparing(k -> k));
        for (String k : keys) {
            int len = k.codePointCount(0, k.length());
            if (len >= 3) {
                String best = null;
                for (int i = 0; i < k.length(); i++) {
                    for (int j = i + 2; j <= k.length(); j++) {
                        String sub = k.substring(i, j);
                        if (!sub.equals(k) && keyCount.getOrDefault(sub, 0L) >= minMentions
                                && (best == null || keyCount.get(sub) > keyCount.get(best))) {
                            best = sub;
                        }
                    }
                }
                if (best != null && sameAspect(k, best)) {
                    parent.put(k, best);
                }
            }
        }
        // two-character keys one character apart: only those sharing a character at a position are compared
        Map<String, List<String>> buckets = new HashMap<>();
        for (String k : keys) {
            if (k.length() == 2) {
                buckets.computeIfAbsent("0" + k.charAt(0), x -> new ArrayList<>()).add(k);
                buckets.computeIfAbsent("1" + k.charAt(1), x -> new ArrayList<>()).add(k);
            }
        }
        for (String small : keys) { // most mentioned first: a key that merges into another is never a target itself
            if (small.length() != 2 || parent.containsKey(small) || keyCount.get(small) < 2) {
                continue;
            }
            String best = null;
            for (String bucket : List.of("0" + small.charAt(0), "1" + small.charAt(1))) {
                for (String big : buckets.getOrDefault(bucket, List.of())) {
                    // a surface variant is a minority spelling of the same thing (外型 beside 外形), not a peer (品控 beside 温控)
                    if (big.equals(small) || parent.containsKey(big) || keyCount.get(small) > VARIANT_SHARE * keyCount.get(big)
                            || !sameAspect(big, small)
                            || cosine(keyOpinions.get(big), keyOpinions.get(small)) < VARIANT_SIMILARITY) {
                        continue;
                    }
                    if (best == null || keyCount.get(big) > keyCount.get(best)) {
                        best = big;
                    }
                }
            }
            if (best != null) {
                parent.put(small, best);
            }
        }
        Map<String, List<String>> clusters = new LinkedHashMap<>();
        for (String k : keys) {
            clusters.computeIfAbsent(root(k, parent), r -> new ArrayList<>()).add(k);
        }
        // 3. themes
        Map<String, Theme> byId = new LinkedHashMap<>();
        Map<String, List<Map.Entry<String, PhraseStats>>> membersById = new HashMap<>();
        for (var c : clusters.entrySet()) {
            List<Map.Entry<String, PhraseStats>> members = new ArrayList<>();
            for (String k : c.getValue()) {
                members.addAll(byKey.get(k));
            }
            String id = edits.resolve(ThemeIds.of(c.getKey()));
            membersById.computeIfAbsent(id, x -> new ArrayList<>()).addAll(members);
            byId.putIfAbsent(id, null);
        }
        Map<String, List<String>> keysById = new HashMap<>();
        Map<String, String> rootById = new HashMap<>();
        for (var c : clusters.entrySet()) {
            String own = ThemeIds.of(c.getKey());
            String id = edits.resolve(own);
            keysById.computeIfAbsent(id, x -> new ArrayList<>()).addAll(c.getValue());
            if (own.equals(id) || !rootById.containsKey(id)) {
                rootById.put(id, c.getKey());
            }
        }
        List<Theme> out = new ArrayList<>();
        for (String id : byId.keySet()) {
            List<Map.Entry<String, PhraseStats>> members = membersById.get(id);
            long mentions = 0;
            long negative = 0;
            Map<String, Integer> ops = new HashMap<>();
            for (var m : members) {
                mentions += m.getValue().count;
                negative += m.getValue().negative;
                m.getValue().opinions.forEach((w, n) -> ops.merge(w, n, Integer::sum));
            }
            if (mentions < minMentions) {
                continue;
            }
            members.sort(Comparator.comparing((Map.Entry<String, PhraseStats> m) -> -m.getValue().count)
                    .thenComparing(m -> m.getKey().length()).thenComparing(Map.Entry::getKey));
            String key = rootById.get(id);
            String name = edits.names().getOrDefault(id, members.get(0).getKey());
            String aspect = edits.promoted().getOrDefault(id, aspectOf(key, members));
            List<String> phraseList = new ArrayList<>();
            List<String> quotes = new ArrayList<>();
            for (var m : members) {
                if (phraseList.size() < 8) {
                    phraseList.add(m.getKey());
                }
            }
            for (var m : members) {
                for (String q : m.getValue().negativeQuotes) {
                    if (quotes.size() < QUOTES_KEPT && !quotes.contains(q)) {
                        quotes.add(q);
                    }
                }
            }
            for (var m : members) {
                for (String q : m.getValue().otherQuotes) {
                    if (quotes.size() < QUOTES_KEPT && !quotes.contains(q)) {
                        quotes.add(q);
                    }
                }
            }
            List<String> topOps = ops.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .limit(5).map(Map.Entry::getKey).toList();
            List<String> themeKeys = new ArrayList<>(keysById.get(id));
            themeKeys.sort(Comparator.comparing((String k) -> -keyCount.get(k)).thenComparing(k -> k));
            // the other specific words of its phrases (指纹 in 指纹解锁) when no theme of their own claims them
            for (var m : members) {
                for (String w : m.getValue().words) {
                    if (!themeKeys.contains(w) && !keyCount.containsKey(w) && !ThemeStopWords.isGeneric(w) && themeKeys.size() < 30) {
                        themeKeys.add(w);
                    }
                }
            }
            out.add(new Theme(id, name, key, aspect, themeKeys, phraseList, mentions, negative, topOps, quotes,
                    edits.hidden().contains(id)));
        }
        out.sort(Comparator.comparingLong((Theme t) -> -t.mentions()).thenComparing(Theme::id));
        return out;
    }

    /** The phrase's most frequent specific word; a generic word only when the phrase has nothing else. */
    static String keyOf(List<String> words, Map<String, Long> wordFreq) {
        String best = null;
        for (String w : words) {
            if (ThemeStopWords.isGeneric(w)) {
                continue;
            }
            if (best == null || wordFreq.getOrDefault(w, 0L) >= wordFreq.getOrDefault(best, 0L)) {
                best = w;
            }
        }
        return best != null ? best : words.get(words.size() - 1);
    }

    private boolean sameAspect(String a, String b) {
        String x = taxonomy.aspectOf(a);
        String y = taxonomy.aspectOf(b);
        return x == null || y == null || x.equals(y);
    }

    private String aspectOf(String key, List<Map.Entry<String, PhraseStats>> members) {
        // the specific words of its main phrase first: 发热问题 is heat, not the 问题 of quality
        for (String w : members.get(0).getValue().words) {
            if (!ThemeStopWords.isGeneric(w) && taxonomy.aspectOfToken(w) != null) {
                return taxonomy.aspectOfToken(w);
            }
        }
        String a = taxonomy.aspectOf(key);
        if (a != null) {
            return a;
        }
        Map<String, Long> votes = new HashMap<>();
        long total = 0;
        for (var m : members) {
            total += m.getValue().count;
            String x = taxonomy.aspectOf(m.getKey());
            if (x != null) {
                votes.merge(x, m.getValue().count, Long::sum);
            }
        }
        for (var v : votes.entrySet()) {
            if (v.getValue() * 2 > total) {
                return v.getKey();
            }
        }
        return null;
    }

    private static String root(String k, Map<String, String> parent) {
        String cur = k;
        for (int i = 0; i < 10 && parent.containsKey(cur); i++) {
            cur = parent.get(cur);
        }
        return cur;
    }

    private static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (var e : a.entrySet()) {
            na += (double) e.getValue() * e.getValue();
            Integer o = b.get(e.getKey());
            if (o != null) {
                dot += (double) e.getValue() * o;
            }
        }
        for (int v : b.values()) {
            nb += (double) v * v;
        }
        return dot / Math.sqrt(na * nb);
    }
}
