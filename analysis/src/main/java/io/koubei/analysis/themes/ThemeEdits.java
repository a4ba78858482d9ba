package io.koubei.analysis.themes;

import java.util.Map;
import java.util.Set;

/**
 * What a team decided about discovered themes; discovery applies it to every run.
 *
 * @param names    theme id → the name the team gave it
 * @param hidden   ids of themes hidden as noise
 * @param merged   theme id → id of the theme it was merged into
 * @param promoted theme id → taxonomy aspect id it belongs to
 */
public record ThemeEdits(Map<String, String> names, Set<String> hidden, Map<String, String> merged, Map<String, String> promoted) {
    public static final ThemeEdits NONE = new ThemeEdits(Map.of(), Set.of(), Map.of(), Map.of());

    public ThemeEdits {
        names = Map.copyOf(names);
        hidden = Set.copyOf(hidden);
        merged = Map.copyOf(merged);
        promoted = Map.copyOf(promoted);
    }

    /** The theme an id ends up in after merges (following chains, ignoring cycles). */
    public String resolve(String id) {
        String cur = id;
        for (int i = 0; i < 10 && merged.containsKey(cur); i++) {
            cur = merged.get(cur);
        }
        return cur;
    }
}
