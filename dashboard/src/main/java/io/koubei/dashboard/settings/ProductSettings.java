package io.koubei.dashboard.settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which products are ours and which are competitors' ({@code settings/products.json}); replaces
 * {@code koubei.signals.our-products} / {@code competitors} once saved. The lists hold the items' {@code product}
 * values; {@code names} gives them display names (the demo ships them).
 */
public record ProductSettings(Set<String> ours, Set<String> competitors, Map<String, String> names) {
    public ProductSettings {
        ours = ours == null ? Set.of() : new LinkedHashSet<>(ours);
        competitors = competitors == null ? Set.of() : new LinkedHashSet<>(competitors);
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    public ProductSettings(Set<String> ours, Set<String> competitors) {
        this(ours, competitors, Map.of());
    }

    /** Display names by product id ("nova-x1" → "星河 X1"); kept when the product lists are edited. */
    public ProductSettings withNames(Map<String, String> productNames) {
        return new ProductSettings(ours, competitors, productNames);
    }

    /** The product's display name, or the id itself when none is set. */
    public String displayName(String id) {
        String n = names.get(id);
        return n == null || n.isBlank() ? id : n;
    }

    public boolean isCompetitor(String product) {
        return product != null && competitors.contains(product);
    }

    /** One product per line (or comma-separated); a product on both sides or competitors without ours is an error. */
    public static ProductSettings parse(String oursText, String competitorsText) {
        Set<String> o = lines(oursText);
        Set<String> c = lines(competitorsText);
        List<Problem> problems = new ArrayList<>();
        for (String p : o) {
            if (c.contains(p)) {
                problems.add(Problem.of("settings.error.productBothSides", p));
            }
        }
        for (String p : union(o, c)) {
            if (p.length() > 80 || AnalysisSettings.hasControl(p)) {
                problems.add(Problem.of("settings.error.productName", p.length() > 30 ? p.substring(0, 30) + "…" : p));
            }
        }
        if (o.isEmpty() && !c.isEmpty()) {
            problems.add(Problem.of("settings.error.noOurs"));
        }
        Problem.throwIfAny(problems);
        return new ProductSettings(o, c);
    }

    public boolean comparable() {
        return !ours.isEmpty() && !competitors.isEmpty();
    }

    static Set<String> lines(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        for (String s : text.split("[\\n,，]")) {
            if (!s.strip().isEmpty()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }
}
