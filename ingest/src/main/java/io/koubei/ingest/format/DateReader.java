package io.koubei.ingest.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the date-times of format v1: ISO-8601 with an offset, or epoch milliseconds. With a zone configured,
 * ISO local date-times and dates are read in that zone; configured patterns are tried last.
 */
final class DateReader {

    /** Epoch millis below this (March 1973) are almost certainly epoch seconds. */
    private static final long MIN_PLAUSIBLE_MILLIS = 100_000_000_000L;
    /** 9999-12-31T23:59:59.999Z */
    private static final long MAX_MILLIS = 253_402_300_799_999L;
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    private static final Pattern SPACE_SEPARATED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d.*");

    /** ISO-8601 with offset; the offset may be written +08:00, +0800, +08 or Z. */
    private static final DateTimeFormatter ISO_WITH_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT); // 2024-02-30 is an error, not 2024-02-29

    private final ZoneId zone;
    private final List<String> patternTexts;
    private final List<DateTimeFormatter> patterns = new ArrayList<>();

    DateReader(ZoneId zone, List<String> patternTexts) {
        this.zone = zone;
        this.patternTexts = List.copyOf(patternTexts);
        for (String p : patternTexts) {
            patterns.add(strictPattern(p));
        }
    }

    /**
     * A user pattern resolved strictly (no silent Feb 30 → Feb 29). Strict resolving needs proleptic years, so
     * year-of-era {@code y} becomes {@code u} outside quoted literals.
     */
    static DateTimeFormatter strictPattern(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            sb.append(!quoted && c == 'y' ? 'u' : c);
        }
        return DateTimeFormatter.ofPattern(sb.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The instant, or throws {@link IllegalArgumentException} whose message is a complete rejection reason. */
    Instant parseMillis(long millis) {
        if (Math.abs(millis) < MIN_PLAUSIBLE_MILLIS) {
            throw new IllegalArgumentException(Quoted.of(Long.toString(millis)) + " looks like epoch seconds or a small number; expected epoch"
                    + " milliseconds (e.g. 1714529730000) or ISO-8601 with offset (e.g. 2024-05-01T10:15:30+08:00)");
        }
        if (millis > MAX_MILLIS) {
            throw new IllegalArgumentException(Quoted.of(Long.toString(millis)) + " is after the year 9999; expected epoch milliseconds");
        }
        return Instant.ofEpochMilli(millis);
    }

    Instant parse(String raw) {
        String text = raw.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty; " + expected());
        }
        if (DIGITS.matcher(text).matches()) {
            try {
                return parseMillis(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + Quoted.of(text) + "' is too large for epoch milliseconds");
            }
        }
        Instant fast = IsoInstantFastPath.parse(text);
        if (fast != null) {
            return fast;
        }
        String iso = SPACE_SEPARATED.matcher(text).matches() ? text.replaceFirst(" ", "T") : text;
        boolean localOnly = false;
        try {
            TemporalAccessor t = ISO_WITH_OFFSET.parseBest(iso, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            if (t instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (t instanceof OffsetDateTime o) {
                return o.toInstant();
            }
            localOnly = true;
            if (zone != null) {
                return ((LocalDateTime) t).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException ignored) {
            // not ISO; try the other forms
        }
        boolean dateOnly = false;
        try {
            LocalDate d = LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE);
            if (zone != null) {
                return d.atStartOfDay(zone).toInstant();
            }
            dateOnly = true;
        } catch (DateTimeParseException ignored) {
            // next
        }
        for (DateTimeFormatter pattern : patterns) {
            TemporalAccessor t = tryPattern(pattern, text);
            if (t instanceof Instant parsed) {
                return parsed;
            }
            localOnly |= t != null;
        }
        if (dateOnly) {
            throw new IllegalArgumentException("'" + text + "' is a date without time or offset; write e.g. " + text
                    + "T00:00:00+08:00, or set a zone (koubei import --zone, or dates.zone in mapping.yml) to read it as midnight there");
        }
        if (localOnly) {
            throw new IllegalArgumentException("'" + text + "' has no UTC offset; write it with one (e.g. "
                    + text + "+08:00) or set a zone (koubei import --zone, or dates.zone in mapping.yml)");
        }
        throw new IllegalArgumentException("cannot read '" + Quoted.of(text) + "' as a date-time; " + expected());
    }

    /** An Instant, a local value when no zone is set to place it, or null when the pattern does not match. */
    private TemporalAccessor tryPattern(DateTimeFormatter f, String text) {
        try {
            TemporalAccessor t = f.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (t instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (t instanceof OffsetDateTime o) {
                return o.toInstant();
            }
            if (zone == null) {
                return t;
            }
            if (t instanceof LocalDateTime l) {
                return l.atZone(zone).toInstant();
            }
            return ((LocalDate) t).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private String expected() {
        StringBuilder sb = new StringBuilder("expected ISO-8601 with offset (e.g. 2024-05-01T10:15:30+08:00) or epoch milliseconds");
        if (zone != null) {
            sb.append(", or a local date-time read in ").append(zone);
        }
        if (!patternTexts.isEmpty()) {
            sb.append(", or one of the patterns ").append(patternTexts);
        }
        return sb.toString();
    }

}
