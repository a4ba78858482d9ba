package io.koubei.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How the columns of a foreign CSV/XLSX export become format v1 fields (a {@code mapping.yml}; see
 * docs/import-format.md). Immutable; {@link #NONE} is the identity mapping (headers already are v1 field names).
 *
 * @param columns        target v1 field → source column(s); several columns are joined with a blank line
 * @param constants      target v1 field → value set on every row (wins over the row's own value)
 * @param defaults       target v1 field → value used when the row has none
 * @param values         target v1 field → (source text → v1 value), e.g. 五星 → 5; unlisted values pass through
 * @param zone           zone for date-times without an offset, or null
 * @param datePatterns   {@link DateTimeFormatter} patterns for dates that are not ISO-8601 or epoch millis
 * @param externalIdFrom columns hashed into {@code externalId} when a row has neither externalId nor id
 * @param unmapped       what happens to columns that are neither mapped nor v1 names
 * @param delimiter      CSV delimiter, or null to use the default (',' or tab for .tsv)
 * @param sheet          XLSX sheet name, or null for the first sheet
 * @param encoding       text encoding of CSV input, or null for UTF-8
 * @param header         header rows, columns found by pattern, columns dropped ({@link HeaderRules#SINGLE}: one row)
 * @param epochSeconds   {@code createdAt} given as a whole number below 10^11 is epoch seconds (crawlers write
 *                       seconds for some platforms and milliseconds for others); default false (such a value is rejected)
 */
public record ColumnMapping(
        Map<String, List<String>> columns,
        Map<String, String> constants,
        Map<String, String> defaults,
        Map<String, Map<String, String>> values,
        ZoneId zone,
        List<String> datePatterns,
        List<String> externalIdFrom,
        Unmapped unmapped,
        Character delimiter,
        String sheet,
        Charset encoding,
        HeaderRules header,
        boolean epochSeconds) {

    /** Where columns that are neither mapped nor format v1 names go. */
    public enum Unmapped {
        /** Kept verbatim in {@code FeedbackItem.extra} under the header name (default). */
        EXTRA,
        /** Put into {@code fields} (e.g. survey answers) under the header name. */
        FIELDS,
        /** Dropped. */
        IGNORE
    }

    public static final ColumnMapping NONE = new ColumnMapping(Map.of(), Map.of(), Map.of(), Map.of(), null, List.of(),
            List.of(), Unmapped.EXTRA, null, null, null);

    private static final Set<String> KEYS = Set.of("columns", "constants", "defaults", "values", "dates",
            "externalIdFrom", "unmapped", "csv", "xlsx", "header", "match", "require", "drop");

    /** A mapping with one header row and no patterns (the form before {@code header}/{@code match} existed). */
    public ColumnMapping(Map<String, List<String>> columns, Map<String, String> constants, Map<String, String> defaults,
                         Map<String, Map<String, String>> values, ZoneId zone, List<String> datePatterns,
                         List<String> externalIdFrom, Unmapped unmapped, Character delimiter, String sheet, Charset encoding) {
        this(columns, constants, defaults, values, zone, datePatterns, externalIdFrom, unmapped, delimiter, sheet, encoding,
                HeaderRules.SINGLE, false);
    }

    public ColumnMapping {
        columns = copyOrdered(columns);
        constants = copyOrdered(constants);
        defaults = copyOrdered(defaults);
        values = values == null ? Map.of() : Map.copyOf(values);
        datePatterns = datePatterns == null ? List.of() : List.copyOf(datePatterns);
        externalIdFrom = externalIdFrom == null ? List.of() : List.copyOf(externalIdFrom);
        unmapped = unmapped == null ? Unmapped.EXTRA : unmapped;
        header = header == null ? HeaderRules.SINGLE : header;
        for (String target : columns.keySet()) {
            if (constants.containsKey(target)) {
                throw new MappingException("'" + target + "' is both mapped from a column and set as a constant; keep one");
            }
        }
    }

    private static <V> Map<String, V> copyOrdered(Map<String, V> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public static ColumnMapping load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        }
    }

    /** Parses a mapping.yml; throws {@link MappingException} naming the offending key. */
    public static ColumnMapping parse(InputStream yaml, String name) throws IOException {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JacksonException e) {
            throw new MappingException(name + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        return parse(root, name);
    }

    /** Parses the already read YAML tree of a mapping (e.g. the {@code mapping:} section of a bundled preset). */
    public static ColumnMapping parse(JsonNode root, String name) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
        }
        if (!root.isObject()) {
            throw new MappingException(name + ": expected a mapping of keys (columns, constants, ...)");
        }
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new MappingException(name + ": unknown key '" + key + "'; expected one of " + KEYS);
            }
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        JsonNode c = root.path("columns");
        if (!c.isMissingNode()) {
            requireObject(c, name, "columns");
            for (Map.Entry<String, JsonNode> e : c.properties()) {
                String target = target(e.getKey(), name, "columns");
                List<String> src = stringList(e.getValue(), name, "columns." + e.getKey());
                if (src.isEmpty()) {
                    throw new MappingException(name + ": columns." + e.getKey() + " names no column");
                }
                columns.put(target, src);
            }
        }
        Map<String, String> constants = targetMap(root.path("constants"), name, "constants");
        Map<String, String> defaults = targetMap(root.path("defaults"), name, "defaults");
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        JsonNode v = root.path("values");
        if (!v.isMissingNode()) {
            requireObject(v, name, "values");
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                String target = target(e.getKey(), name, "values");
                requireObject(e.getValue(), name, "values." + e.getKey());
                Map<String, String> m = new LinkedHashMap<>();
                e.getValue().properties().forEach(x -> m.put(x.getKey(), scalar(x.getValue(), name, "values." + e.getKey() + "." + x.getKey())));
                values.put(target, m);
            }
        }
        ZoneId zone = null;
        boolean epochSeconds = false;
        List<String> patterns = List.of();
        JsonNode d = root.path("dates");
        if (!d.isMissingNode()) {
            requireObject(d, name, "dates");
            for (String key : d.propertyNames()) {
                if (!key.equals("zone") && !key.equals("patterns") && !key.equals("epoch")) {
                    throw new MappingException(name + ": unknown key dates." + key + "; expected zone, patterns or epoch");
                }
            }
            if (d.has("zone")) {
                String z = scalar(d.get("zone"), name, "dates.zone");
                try {
                    zone = ZoneId.of(z);
                } catch (DateTimeException e) {
                    throw new MappingException(name + ": dates.zone '" + z + "' is not a time zone (e.g. Asia/Shanghai, +08:00)");
                }
            }
            patterns = d.has("patterns") ? stringList(d.get("patterns"), name, "dates.patterns") : List.of();
            if (d.has("epoch")) {
                String e = scalar(d.get("epoch"), name, "dates.epoch").trim().toLowerCase(Locale.ROOT);
                if (!e.equals("millis") && !e.equals("auto")) {
                    throw new MappingException(name + ": dates.epoch '" + e + "'; expected millis (the default) or auto"
                            + " (whole numbers below 10^11 are epoch seconds)");
                }
                epochSeconds = e.equals("auto");
            }
            for (String p : patterns) {
                try {
                    DateReader.strictPattern(p);
                } catch (IllegalArgumentException e) {
                    throw new MappingException(name + ": dates.patterns: '" + p + "' is not a valid pattern: " + e.getMessage());
                }
            }
        }
        List<String> idFrom = root.has("externalIdFrom") ? stringList(root.get("externalIdFrom"), name, "externalIdFrom") : List.of();
        Unmapped unmapped = Unmapped.EXTRA;
        if (root.has("unmapped")) {
            String u = scalar(root.get("unmapped"), name, "unmapped");
            try {
                unmapped = Unmapped.valueOf(u.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MappingException(name + ": unmapped '" + u + "'; expected extra, fields or ignore");
            }
        }
        Character delimiter = null;
        Charset encoding = null;
        JsonNode csv = root.path("csv");
        if (!csv.isMissingNode()) {
            requireObject(csv, name, "csv");
            if (csv.has("delimiter")) {
                String del = scalar(csv.get("delimiter"), name, "csv.delimiter");
                if (del.equals("\\t") || del.equalsIgnoreCase("tab")) {
                    del = "\t";
                }
                if (del.length() != 1) {
                    throw new MappingException(name + ": csv.delimiter must be one character (or \\t), got '" + del + "'");
                }
                delimiter = del.charAt(0);
            }
            if (csv.has("encoding")) {
                String enc = scalar(csv.get("encoding"), name, "csv.encoding");
                try {
                    encoding = Charset.forName(enc);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new MappingException(name + ": csv.encoding '" + enc + "' is not a known encoding (e.g. UTF-8, GBK)");
                }
            }
        }
        String sheet = null;
        JsonNode xlsx = root.path("xlsx");
        if (!xlsx.isMissingNode()) {
            requireObject(xlsx, name, "xlsx");
            if (xlsx.has("sheet")) {
                sheet = scalar(xlsx.get("sheet"), name, "xlsx.sheet");
            }
        }
        HeaderRules header = HeaderRules.parse(root, name);
        for (String target : header.match().keySet()) {
            target(target, name, "match");
        }
        for (String target : header.require()) {
            if (!columns.containsKey(target) && !header.match().containsKey(target)) {
                throw new MappingException(name + ": require." + target + ": '" + target + "' is neither under columns nor under match");
            }
        }
        try {
            return new ColumnMapping(columns, constants, defaults, values, zone, patterns, idFrom, unmapped, delimiter, sheet,
                    encoding, header, epochSeconds);
        } catch (MappingException e) {
            throw new MappingException(name + ": " + e.getMessage());
        }
    }

    /** True when the mapping reads named columns ({@code columns} or {@code match}), not only v1 field names. */
    public boolean mapsColumns() {
        return !columns.isEmpty() || !header.match().isEmpty();
    }

    /** Reader settings with this mapping's zone, patterns, defaults and encoding; the base's defaults (CLI flags) win. */
    public FormatOptions applyTo(FormatOptions base) {
        Map<String, String> mergedDefaults = new LinkedHashMap<>(defaults);
        mergedDefaults.putAll(base.defaults());
        List<String> patterns = new ArrayList<>(datePatterns);
        patterns.addAll(base.datePatterns());
        return base.withZone(zone != null ? zone : base.zone()).withDatePatterns(patterns).withDefaults(mergedDefaults)
                .withCharset(encoding != null ? encoding : base.charset());
    }

    static void requireObject(JsonNode n, String name, String key) {
        if (!n.isObject()) {
            throw new MappingException(name + ": " + key + " must be a mapping (key: value lines)");
        }
    }

    private static String target(String key, String name, String section) {
        return V1Fields.canonicalPath(key).orElseThrow(() -> new MappingException(
                name + ": " + section + "." + key + ": '" + key + "' is not a format v1 field (see docs/import-format.md)"));
    }

    private static Map<String, String> targetMap(JsonNode n, String name, String section) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n.isMissingNode() || n.isNull()) {
            return m;
        }
        requireObject(n, name, section);
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            m.put(target(e.getKey(), name, section), scalar(e.getValue(), name, section + "." + e.getKey()));
        }
        return m;
    }

    static String scalar(JsonNode n, String name, String key) {
        if (n == null || n.isNull() || n.isContainer()) {
            throw new MappingException(name + ": " + key + " must be a single value");
        }
        return n.asString();
    }

    static List<String> stringList(JsonNode n, String name, String key) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode x : n) {
                out.add(scalar(x, name, key));
            }
        } else {
            out.add(scalar(n, name, key));
        }
        return out;
    }
}
