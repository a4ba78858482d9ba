package io.koubei.dashboard.web;

import io.koubei.core.feedback.Channel;
import io.koubei.dashboard.query.FilterParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The global filter bar of one page: the current filters, the values each selector offers (looked up only when the
 * page renders the bar), and the filters the bar has no selector for, kept as hidden fields and shown as removable
 * chips so that applying the bar never drops part of a shared view.
 */
public final class FilterBar {
    /** Filters with a selector of their own (single value). */
    static final Set<String> SELECTORS = Set.of("product", "channel", "source", "segment", "aspect", "polarity", "week",
            "from", "to");

    public record Chip(String name, String value, String removeHref) {
    }

    private final FilterParams params;
    private final FilterOptions options;
    private final String path;
    private FilterOptions.Values values;

    public FilterBar(FilterParams params, FilterOptions options, String path) {
        this.params = params;
        this.options = options;
        this.path = path;
    }

    /** The same bar over the filters a page actually applied (a page may add a default, e.g. the speed page's dates). */
    public FilterBar forParams(FilterParams applied) {
        return applied == null || applied == params ? this : new FilterBar(applied, options, path);
    }

    private FilterOptions.Values values() {
        if (values == null) {
            values = options.values();
        }
        return values;
    }

    public List<String> getProducts() {
        return withSelected("product", values().products());
    }

    public List<String> getSources() {
        return withSelected("source", values().sources());
    }

    public List<String> getAspects() {
        return withSelected("aspect", values().aspects());
    }

    public List<String> getWeeks() {
        List<String> w = new ArrayList<>(withSelected("week", values().weeks()));
        w.sort(java.util.Comparator.reverseOrder());
        return w;
    }

    public List<String> getChannels() {
        return Arrays.stream(Channel.values()).map(Channel::wireName).toList();
    }

    /** The selector's value, or null when unset or set to several values (then it is a chip). */
    public String selected(String name) {
        List<String> v = params.values().get(name);
        return v == null || v.size() != 1 ? null : v.get(0);
    }

    /** Filters to carry as hidden fields: everything without a single-value selector ({@code q} unless shown). */
    public Map<String, String> hidden(boolean queryShown) {
        Map<String, String> out = new LinkedHashMap<>();
        params.values().forEach((k, v) -> {
            boolean selector = SELECTORS.contains(k) && v.size() == 1;
            if (!selector && !(queryShown && k.equals("q"))) {
                out.put(k, String.join(",", v));
            }
        });
        return out;
    }

    public List<Chip> getChips() {
        List<Chip> out = new ArrayList<>();
        hidden(true).forEach((k, v) -> out.add(new Chip(k, v, params.without(k).href(path))));
        return out;
    }

    public String getResetHref() {
        return path;
    }

    /** A value given in the URL but absent from the data (e.g. a product with no items yet) stays selectable. */
    private List<String> withSelected(String name, List<String> known) {
        String s = selected(name);
        if (s == null || known.contains(s)) {
            return known;
        }
        List<String> l = new ArrayList<>(known);
        l.add(0, s);
        return l;
    }
}
