package io.koubei.dashboard.query;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
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
    public static final List<String> NAMES = List.of("q", "from", "to", "week", "day", "channel", "source", "product",
            "version", "polarity", "aspect", "aspectPolarity", "segment", "nps", "scale", "ratingMin", "ratingMax",
            "author", "flag", "excludeFlag", "id", "replyTo", "official", "theme");

    private static final Map<Dimension, String> DIMENSION_PARAM = new EnumMap<>(Dimension.class);

    static {
        DIMENSION_PARAM.put(Dimension.WEEK, "week");
        DIMENSION_PARAM.put(Dimension.DAY, "day");
        DIMENSION_PARAM.put(Dimension.CHANNEL, "channel");
        DIMENSION_PARAM.put(Dimension.SOURCE, "source");
        DIMENSION_PARAM.put(Dimension.PRODUCT, "product");
        DIMENSION_PARAM.put(Dimension.PRODUCT_VERSION, "version");
        DIMENSION_PARAM.put(Dimension.POLARITY, "polarity");
        DIMENSION_PARAM.put(Dimension.NPS_CLASS, "nps");
        DIMENSION_PARAM.put(Dimension.SEGMENT, "segment");
        DIMENSION_PARAM.put(Dimension.ASPECT, "aspect");
        DIMENSION_PARAM.put(Dimension.ASPECT_POLARITY, "aspectPolarity");
        DIMENSION_PARAM.put(Dimension.AUTHOR, "author");
        DIMENSION_PARAM.put(Dimension.FLAG, "flag");
    }

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
        String param = DIMENSION_PARAM.get(dimension);
        if (param == null || Dimension.NONE.equals(key)) {
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
        FeedbackFilter.Builder b = FeedbackFilter.builder();
        String q = first("q");
        if (q != null) {
            b.terms(analyzer.segment(q));
        }
        if (first("from") != null) {
            b.from(instant("from", first("from"), zone, false));
        }
        if (first("to") != null) {
            b.to(instant("to", first("to"), zone, true));
        }
        b.weeks(set("week", s -> CalendarKeys.checkWeek("week", s)));
        b.days(set("day", s -> {
            LocalDate.parse(s);
            return s;
        }));
        b.channels(set("channel", s -> Channel.fromWire(s).orElseThrow(() -> new IllegalArgumentException(
                "channel: unknown '" + s + "' (expected one of community, social, review, survey, ticket, sales, qc)"))));
        b.sources(set("source", Function.identity()));
        b.products(set("product", Function.identity()));
        b.productVersions(set("version", Function.identity()));
        b.polarities(set("polarity", s -> parseEnum("polarity", s, Polarity.class)));
        b.aspects(set("aspect", Function.identity()));
        b.aspectPolarities(set("aspectPolarity", Function.identity()));
        b.segments(set("segment", s -> parseEnum("segment", s, Segment.class)));
        b.npsClasses(set("nps", s -> parseEnum("nps", s, NpsClass.class)));
        if (first("scale") != null) {
            b.ratingScale(RatingScale.fromWire(first("scale")).orElseThrow(() -> new IllegalArgumentException(
                    "scale: unknown '" + first("scale") + "' (expected nps, stars or csat)")));
        }
        if (first("ratingMin") != null) {
            b.ratingMin(number("ratingMin", first("ratingMin")));
        }
        if (first("ratingMax") != null) {
            b.ratingMax(number("ratingMax", first("ratingMax")));
        }
        b.authorIds(set("author", Function.identity()));
        b.flags(set("flag", Function.identity()));
        b.excludeFlags(set("excludeFlag", Function.identity()));
        b.ids(set("id", Function.identity()));
        b.replyTo(first("replyTo"));
        if (first("official") != null) {
            b.official(Boolean.parseBoolean(first("official")));
        }
        return b.build();
    }

    private <T> Set<T> set(String name, Function<String, T> parse) {
        List<String> l = values.get(name);
        if (l == null) {
            return Set.of();
        }
        Set<T> out = new LinkedHashSet<>();
        for (String s : l) {
            try {
                out.add(parse.apply(s));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + ": expected a date like 2026-11-24, got '" + s + "'");
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E parseEnum(String name, String s, Class<E> type) {
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": unknown '" + s + "' (expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")) + ")");
        }
    }

    private static double number(String name, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + s + "'");
        }
    }

    /** A date means the start of that day in the team's zone ({@code to}: the end of it, exclusive). */
    static Instant instant(String name, String s, ZoneId zone, boolean endOfDay) {
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(s);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            if (s.matches("\\d+")) {
                return Instant.ofEpochMilli(Long.parseLong(s));
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": epoch millis out of range, got '" + s + "'");
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": expected a date (2026-11-24), an ISO-8601 time with offset or"
                    + " epoch millis, got '" + s + "'");
        }
    }
}
