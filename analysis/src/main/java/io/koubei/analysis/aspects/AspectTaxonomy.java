package io.koubei.analysis.aspects;

import io.koubei.analysis.text.ResourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aspects a product team tracks (battery, screen, customer service…) and the free-form words that name them
 * (电池, 待机, 续航 → battery). File format: {@code id<TAB>display name<TAB>term,term,…}.
 */
public final class AspectTaxonomy {
    public record Aspect(String id, String name, List<String> terms) {
    }

    private final Map<String, Aspect> aspects;
    private final Map<String, String> termToAspect;

    private AspectTaxonomy(List<Aspect> list) {
        Map<String, Aspect> byId = new LinkedHashMap<>();
        Map<String, String> terms = new HashMap<>();
        for (Aspect a : list) {
            byId.put(a.id(), a);
            for (String t : a.terms()) {
                terms.putIfAbsent(t.toLowerCase(), a.id());
            }
        }
        this.aspects = Map.copyOf(byId);
        this.termToAspect = Map.copyOf(terms);
        this.order = List.copyOf(byId.keySet());
    }

    private final List<String> order;

    public static AspectTaxonomy builtIn() {
        return parse(ResourceFiles.classpathRows("aspects.tsv"), "aspects.tsv");
    }

    public static AspectTaxonomy load(Path file) {
        return parse(ResourceFiles.fileRows(file), file.toString());
    }

    static AspectTaxonomy parse(List<String[]> rows, String what) {
        List<Aspect> list = new ArrayList<>();
        for (String[] r : rows) {
            if (r.length < 3) {
                throw new IllegalArgumentException(what + ": expected id<TAB>name<TAB>terms in line '" + String.join("\t", r) + "'");
            }
            List<String> terms = new ArrayList<>();
            for (String t : r[2].split("[,，]")) {
                if (!t.isBlank()) {
                    terms.add(t.strip().toLowerCase());
                }
            }
            list.add(new Aspect(r[0], r[1], terms));
        }
        return new AspectTaxonomy(list);
    }

    /** The aspect id a free-form target maps to, or null. Tries the whole target, then its words' tails (手机电池 → battery). */
    public String aspectOf(String target) {
        if (target == null) {
            return null;
        }
        String t = target.toLowerCase().strip();
        String a = termToAspect.get(t);
        for (int i = 1; a == null && i < t.length() - 1; i++) {
            a = termToAspect.get(t.substring(i));
        }
        return a;
    }

    /** {@link #aspectOf} for a token that is already normalised (the hot path: no case folding). */
    public String aspectOfToken(String term) {
        String a = termToAspect.get(term);
        if (a != null || term.length() < 3) {
            return a;
        }
        for (int i = 1; a == null && i < term.length() - 1; i++) {
            a = termToAspect.get(term.substring(i));
        }
        // a compound that starts with an aspect term and ends in an opinion (拍照清晰, 续航给力)
        for (int i = term.length() - 1; a == null && i >= 2; i--) {
            a = termToAspect.get(term.substring(0, i));
        }
        return a;
    }

    public Aspect aspect(String id) {
        return aspects.get(id);
    }

    /** Aspect ids in file order. */
    public List<String> ids() {
        return order;
    }

    public Set<String> terms() {
        return termToAspect.keySet();
    }
}
