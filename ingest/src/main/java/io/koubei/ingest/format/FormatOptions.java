package io.koubei.ingest.format;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Settings shared by every reader.
 *
 * @param maxTextChars  longest accepted {@code text}, in characters (Unicode code points); default 20,000
 * @param maxLineBytes  longest physical line read; longer lines are rejected without being held in memory
 * @param zone          zone for date-times without an offset (and XLSX/XLS date cells); null = such values of
 *                      {@code createdAt} are rejected (the CLI's {@code --zone}, or mapping.yml {@code dates.zone})
 * @param datePatterns  extra {@link java.time.format.DateTimeFormatter} patterns tried after ISO-8601 and epoch millis
 * @param defaults      values for fields a row lacks (dotted paths, e.g. {@code source}, {@code channel}); the
 *                      CLI's {@code --source}/{@code --channel} end up here
 * @param charset       text encoding of JSONL/CSV input, decoded strictly; null (the default) = detected from the
 *                      input (UTF-8 with or without byte-order mark, UTF-16 with one, else GB18030 when the bytes say so)
 * @param teamZone      the team's zone ({@code koubei.zone}, default Asia/Shanghai): where an <em>optional</em> date
 *                      without an offset ({@code author.registeredAt: 2024-02-01}) is placed, with a warning, when
 *                      {@code zone} is not set
 */
public record FormatOptions(int maxTextChars, int maxLineBytes, ZoneId zone, List<String> datePatterns,
                            Map<String, String> defaults, Charset charset, ZoneId teamZone) {

    public static final int DEFAULT_MAX_TEXT_CHARS = 20_000;
    public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;
    public static final ZoneId DEFAULT_TEAM_ZONE = ZoneId.of("Asia/Shanghai");

    public FormatOptions {
        if (maxTextChars <= 0 || maxLineBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        datePatterns = datePatterns == null ? List.of() : List.copyOf(datePatterns);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        teamZone = teamZone == null ? DEFAULT_TEAM_ZONE : teamZone;
    }

    /** Encoding detected, 20,000 characters, no zone, no patterns, no defaults, team zone Asia/Shanghai. */
    public static FormatOptions standard() {
        return new FormatOptions(DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_LINE_BYTES, null, List.of(), Map.of(), null, DEFAULT_TEAM_ZONE);
    }

    public FormatOptions withMaxTextChars(int v) {
        return new FormatOptions(v, maxLineBytes, zone, datePatterns, defaults, charset, teamZone);
    }

    public FormatOptions withMaxLineBytes(int v) {
        return new FormatOptions(maxTextChars, v, zone, datePatterns, defaults, charset, teamZone);
    }

    public FormatOptions withZone(ZoneId v) {
        return new FormatOptions(maxTextChars, maxLineBytes, v, datePatterns, defaults, charset, teamZone);
    }

    public FormatOptions withDatePatterns(List<String> v) {
        return new FormatOptions(maxTextChars, maxLineBytes, zone, v, defaults, charset, teamZone);
    }

    public FormatOptions withDefaults(Map<String, String> v) {
        return new FormatOptions(maxTextChars, maxLineBytes, zone, datePatterns, v, charset, teamZone);
    }

    /** A fixed encoding (no detection); null to detect it. */
    public FormatOptions withCharset(Charset v) {
        return new FormatOptions(maxTextChars, maxLineBytes, zone, datePatterns, defaults, v, teamZone);
    }

    public FormatOptions withTeamZone(ZoneId v) {
        return new FormatOptions(maxTextChars, maxLineBytes, zone, datePatterns, defaults, charset, v);
    }
}
