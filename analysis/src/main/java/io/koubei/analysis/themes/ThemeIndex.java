package io.koubei.analysis.themes;

import io.koubei.analysis.aspects.AspectTaxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts an opinion target into a theme: the theme that has the exact phrase, else the theme of one of its specific
 * words (对焦点 → 对焦), else of a generic word (拍摄效果 → 效果), else of a theme word inside a longer word
 * (紫边现象 → 紫边). The same rule for items and for the evaluation's labelled targets.
 */
public final class ThemeIndex {
    private final Map<String, Theme> byId = new HashMap<>();
    private final Map<String, String> byPhrase = new HashMap<>();
    private final Map<String, String> byWord = new HashMap<>();

    public ThemeIndex(List<Theme> themes) {
        for (Theme t : themes) {
            byId.put(t.id(), t);
            for (String p : t.phrases()) {
                byPhrase.putIfAbsent(p, t.id());
            }
            for (String k : t.keys()) {
                byWord.putIfAbsent(k, t.id());
            }
        }
    }

    public Theme theme(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    /** The theme id of a target given as its words, or null. */
    public String themeOf(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String id = byPhrase.get(String.join("", words));
        if (id != null) {
            return id;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = words.size() - 1; i >= 0; i--) {
                String w = words.get(i);
                if (ThemeStopWords.isGeneric(w) == (pass == 1)) {
                    id = byWord.get(w);
                    if (id != null) {
                        return id;
                    }
                }
            }
        }
        for (String w : words) {
            for (int len = w.length() - 1; len >= 2; len--) {
                for (int i = 0; i + len <= w.length(); i++) {
                    id = byWord.get(w.substring(i, i + len));
                    if (id != null) {
                        return id;
                    }
                }
            }
        }
        return null;
    }

    /** The themes an item's opinion targets fall into, in order of first mention. */
    public Set<String> themesOf(List<ThemeCandidate> candidates) {
        Set<String> out = new LinkedHashSet<>();
        for (ThemeCandidate c : candidates) {
            String id = themeOf(c.words());
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    /** Whether a target is named: a taxonomy aspect or a theme. */
    public static boolean named(AspectTaxonomy taxonomy, ThemeIndex index, String target, List<String> words) {
        return taxonomy.aspectOf(target) != null || index != null && index.themeOf(new ArrayList<>(words)) != null;
    }
}
