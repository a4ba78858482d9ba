package io.koubei.dashboard.themes;

import io.koubei.analysis.themes.ThemeEdits;
import io.koubei.core.state.StateStore;
import io.koubei.dashboard.platform.state.TypedCollection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The team's theme edits in the shared state store, so every node and every discovery run applies the same ones. */
public class ThemeEditStore {
    private final TypedCollection<ThemeEdit> edits;

    public ThemeEditStore(StateStore state) {
        this.edits = new TypedCollection<>(state.collection("themes"), ThemeEdit.class);
    }

    public void change(String id, UnaryOperator<ThemeEdit> change) {
        ThemeEdit current = edits.get(id).orElse(ThemeEdit.none(id));
        edits.put(id, change.apply(current));
    }

    public ThemeEdits edits() {
        Map<String, String> names = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        Map<String, String> merged = new HashMap<>();
        Map<String, String> promoted = new HashMap<>();
        for (ThemeEdit e : edits.all()) {
            if (e.name() != null && !e.name().isBlank()) {
                names.put(e.id(), e.name());
            }
            if (e.hidden()) {
                hidden.add(e.id());
            }
            if (e.mergedInto() != null && !e.mergedInto().equals(e.id())) {
                merged.put(e.id(), e.mergedInto());
            }
            if (e.aspect() != null && !e.aspect().isBlank()) {
                promoted.put(e.id(), e.aspect());
            }
        }
        return new ThemeEdits(names, hidden, merged, promoted);
    }
}
