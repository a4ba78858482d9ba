package io.koubei.core.store;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.time.CalendarKeys;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filter vocabulary, named once: every filter of the API, the pages and drill-down links, with its wire name
 * (the query parameter), the aggregate {@link Dimension} it narrows (if any: a drill-down from a bucket to its items
 * sets this filter to the bucket's key) and how its values are parsed into a {@link FeedbackFilter}. Parsing is
 * strict: an unknown channel or a bad date is an {@link IllegalArgumentException} naming the parameter.
 *
 * <p>Stores map dimensions to their own index fields ({@code IndexFields} in the embedded store,
 * {@code FeedbackIndexLayout} in Elasticsearch), and {@link Dimension#values} says what an item's value is for
 * every store alike.
 */
public enum FilterField {
    /** Words, segmented by the analyzer the caller passes (the index holds its tokens). */
    Q("q", null, (b, v, c) -> b.terms(c.segmenter().apply(v.get(0)))),
    FROM("from", null, (b, v, c) -> b.from(instant("from", v.get(0), c.zone(), false))),
    TO("to", null, (b, v, c) -> b.to(instant("to", v.get(0), c.zone(), true))),
    WEEK("week", Dimension.WEEK, (b, v, c) -> b.weeks(set("week", v, s -> CalendarKeys.checkWeek("week", s)))),
    DAY("day", Dimension.DAY, (b, v, c) -> b.days(set("day", v, s -> {
        LocalDate.parse(s);
        return s;
    }))),
    CHANNEL("channel", Dimension.CHANNEL, (b, v, c) -> b.channels(set("channel", v, s -> Channel.fromWire(s)
            .orElseThrow(() -> new IllegalArgumentException("channel: unknown '" + s + "' (expected one of "
                    + Arrays.stream(Channel.values()).map(Channel::wireName).collect(Collectors.joining(", ")) + ")"))))),
    SOURCE("source", Dimension.SOURCE, (b, v, c) -> b.sources(set("source", v, Function.identity()))),
    PRODUCT("product", Dimension.PRODUCT, (b, v, c) -> b.products(set("product", v, Function.identity()))),
    VERSION("version", Dimension.PRODUCT_VERSION,
            (b, v, c) -> b.productVersions(set("version", v, Function.identity()))),
    POLARITY("polarity", Dimension.POLARITY,
            (b, v, c) -> b.polarities(set("polarity", v, s -> parseEnum("polarity", s, Polarity.class)))),
    ASPECT("aspect", Dimension.ASPECT, (b, v, c) -> b.aspects(set("aspect", v, Function.identity()))),
    ASPECT_POLARITY("aspectPolarity", Dimension.ASPECT_POLARITY,
            (b, v, c) -> b.aspectPolarities(set("aspectPolarity", v, Function.identity()))),
    SEGMENT("segment", Dimension.SEGMENT,
            (b, v, c) -> b.segments(set("segment", v, s -> parseEnum("segment", s, Segment.class)))),
    NPS("nps", Dimension.NPS_CLASS, (b, v, c) -> b.npsClasses(set("nps", v, s -> parseEnum("nps", s, NpsClass.class)))),
    SCALE("scale", null, (b, v, c) -> b.ratingScale(RatingScale.fromWire(v.get(0)).orElseThrow(
            () -> new IllegalArgumentException("scale: unknown '" + v.get(0) + "' (expected nps, stars or csat)")))),
    RATING_MIN("ratingMin", null, (b, v, c) -> b.ratingMin(number("ratingMin", v.get(0)))),
    RATING_MAX("ratingMax", null, (b, v, c) -> b.ratingMax(number("ratingMax", v.get(0)))),
    AUTHOR("author", Dimension.AUTHOR, (b, v, c) -> b.authorIds(set("author", v, Function.identity()))),
    FLAG("flag", Dimension.FLAG, (b, v, c) -> b.flags(set("flag", v, Function.identity()))),
    EXCLUDE_FLAG("excludeFlag", null, (b, v, c) -> b.excludeFlags(set("excludeFlag", v, Function.identity()))),
    ID("id", null, (b, v, c) -> b.ids(set("id", v, Function.identity()))),
    REPLY_TO("replyTo", null, (b, v, c) -> b.replyTo(v.get(0))),
    OFFICIAL("official", null, (b, v, c) -> b.official(Boolean.parseBoolean(v.get(0)))),
    /** A discovered theme: the dashboard turns it into the theme's words (it is not a stored field). */
    THEME("theme", null, (b, v, c) -> {
    });

    /** What parsing needs besides the values: the team's zone (dates) and the analyzer's segmenter ({@code q}). */
    public record Context(ZoneId zone, Function<String, List<String>> segmenter) {
    }

    @FunctionalInterface
    private interface Apply {
        void to(FeedbackFilter.Builder builder, List<String> values, Context context);
    }

    private static final Map<Dimension, FilterField> BY_DIMENSION = new EnumMap<>(Dimension.class);

    static {
        for (FilterField f : values()) {
            if (f.dimension != null) {
                BY_DIMENSION.put(f.dimension, f);
            }
        }
        for (Dimension d : Dimension.values()) {
            if (!BY_DIMENSION.containsKey(d)) {
                throw new ExceptionInInitializerError("dimension " + d + " has no filter");
            }
        }
    }

    private final String param;
    private final Dimension dimension;
    private final Apply apply;

    FilterField(String param, Dimension dimension, Apply apply) {
        this.param = param;
        this.dimension = dimension;
        this.apply = apply;
    }

    /** The query parameter. */
    public String param() {
        return param;
    }

    /** The aggregate dimension this filter narrows, if any. */
    public Optional<Dimension> dimension() {
        return Optional.ofNullable(dimension);
    }

    /** The filter of a dimension: every dimension has one. */
    public static FilterField of(Dimension d) {
        return BY_DIMENSION.get(d);
    }

    public static Optional<FilterField> ofParam(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst();
    }

    /**
     * The query parameter for a drill-down key of a signal's evidence: a dimension's wire name ({@code aspect_polarity})
     * becomes its filter's parameter ({@code aspectPolarity}); a filter parameter stays as it is.
     */
    public static String paramOfDrillDown(String key) {
        for (Dimension d : Dimension.values()) {
            if (d.wireName().equals(key)) {
                return of(d).param;
            }
        }
        return key;
    }

    /** Every parameter name, in the order of this registry. */
    public static List<String> params() {
        return Arrays.stream(values()).map(FilterField::param).toList();
    }

    /** Applies this filter's values (non-empty, already split and trimmed) to a builder. */
    public void applyTo(FeedbackFilter.Builder builder, List<String> values, Context context) {
        if (!values.isEmpty()) {
            apply.to(builder, values, context);
        }
    }

    /** The filter for parameter values by name (unknown names are ignored; values already split and trimmed). */
    public static FeedbackFilter toFilter(Map<String, List<String>> byParam, Context context) {
        FeedbackFilter.Builder b = FeedbackFilter.builder();
        for (FilterField f : values()) {
            List<String> v = byParam.get(f.param);
            if (v != null) {
                f.applyTo(b, v, context);
            }
        }
        return b.build();
    }

    private static <T> Set<T> set(String name, List<String> values, Function<String, T> parse) {
        Set<T> out = new LinkedHashSet<>();
        for (String s : values) {
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
    public static Instant instant(String name, String s, ZoneId zone, boolean endOfDay) {
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
