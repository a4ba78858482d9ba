package io.koubei.dashboard.query;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FilterField;
import io.koubei.core.time.CalendarKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filter language shared by the API, the pages and drill-down links: plain query parameters, each
 * repeatable or comma-separated. Parsing is strict: an unknown channel or a bad date is a 400, never ignored.
 */
public final class FilterParams {
    /** Every filter parameter, from the one registry ({@link FilterField}). */
    public static final List<String> NAMES = FilterField.params();

    private final Map<String, List<String>> values;

    private FilterParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Keeps only known filter parameters, splitting comma-separated values and dropping blanks. */
    public static FilterParams of(Map<String, ? extends List<String>> raw) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (String name : NAMES) {
            List<String> given = raw.get(name);
            if (given == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String g : given) {
                if (g == null) {
                    continue;
                }
                if (name.equals("q")) {
                    if (!g.isBlank()) {
                        parts.add(g.trim());
                    }
                } else {
                    Arrays.stream(g.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(parts::add);
                }
            }
            if (!parts.isEmpty()) {
                v.put(name, List.copyOf(parts));
            }
        }
        return new FilterParams(v);
    }

    public static FilterParams empty() {
        return new FilterParams(Map.of());
    }

    public String first(String name) {
        List<String> l = values.get(name);
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    public Map<String, List<String>> values() {
        return values;
    }

    /** A copy narrowed to one bucket: the drill-down from a number to the items behind it. */
    public FilterParams with(Dimension dimension, String key) {
        String param = dimension.filter().param();
        if (Dimension.NONE.equals(key)) {
            return this;
        }
        Map<String, List<String>> v = new LinkedHashMap<>(values);
        v.put(param, List.of(key));
        return new FilterParams(v);
    }

    public FilterParams with(String param, String value) {
        Map<String, List<String>> v = new LinkedHashMap<>(values);
        if (value == null || value.isBlank()) {
            v.remove(param);
        } else {
            v.put(param, List.of(value));
        }
        return new FilterParams(v);
    }

    /**
     * A link to {@code path} with these filters, narrowed by name/value pairs (a null or blank value removes the
     * filter): the drill-down from any number on a page to the items behind it.
     */
    public String href(String path, String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("href: name/value pairs expected");
        }
        FilterParams p = this;
        for (int i = 0; i < nameValues.length; i += 2) {
            p = p.with(nameValues[i], nameValues[i + 1]);
        }
        String q = p.toQueryString();
        return q.isEmpty() ? path : path + "?" + q;
    }

    /** A copy without the named filters. */
    public FilterParams without(String... names) {
        Map<String, List<String>> v = new LinkedHashMap<>(values);
        for (String n : names) {
            v.remove(n);
        }
        return new FilterParams(v);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String toQueryString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.join(",", e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public FeedbackFilter toFilter(ZoneId zone, FeedbackAnalyzer analyzer) {
        return FilterField.toFilter(values, new FilterField.Context(zone, analyzer::segment));
    }

    /** A date means the start of that day in the team's zone ({@code to}: the end of it, exclusive). */
    static Instant instant(String name, String s, ZoneId zone, boolean endOfDay) {
        return FilterField.instant(name, s, zone, endOfDay);
    }
}
