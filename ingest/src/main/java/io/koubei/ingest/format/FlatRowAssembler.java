package io.koubei.ingest.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes one flat row (CSV record, XLSX row) into the JSON object the {@link RecordDecoder} validates, applying a
 * {@link ColumnMapping}: mapped columns, v1-named columns (dotted paths nest: {@code author.id}), value maps,
 * constants and the content-hash id. Empty cells count as absent.
 */
final class FlatRowAssembler {

    private final ColumnMapping mapping;
    private final List<String> headers;
    /** Per column: its label (the question text of a second header row), or null. */
    private final List<String> labels;
    /** Target → the column names it was read from, for the notes on warnings and rejections. */
    private final Map<String, List<String>> sourcesOf = new LinkedHashMap<>();
    /** Per column: its v1 path when the header is a v1 name and not consumed by the mapping, else null. */
    private final String[] directPath;
    private final boolean[] consumed;
    private final Map<String, int[]> mappedColumns = new LinkedHashMap<>();
    private final int[] idColumns;

    FlatRowAssembler(List<String> headers, ColumnMapping mapping, String sourceName) {
        this(new HeaderRules.Header(headers, null), mapping, sourceName);
    }

    /** From the header rows as read (as many as {@code mapping.header().rows()}). */
    static FlatRowAssembler fromRows(List<List<String>> headerRows, ColumnMapping mapping, String sourceName) {
        return new FlatRowAssembler(mapping.header().resolve(headerRows), mapping, sourceName);
    }

    FlatRowAssembler(HeaderRules.Header header, ColumnMapping mapping, String sourceName) {
        List<String> headers = header.names();
        this.mapping = mapping;
        this.headers = java.util.Collections.unmodifiableList(new ArrayList<>(headers));
        this.labels = header.labels() == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(header.labels()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i).trim();
            if (!h.isEmpty() && index.putIfAbsent(h, i) != null) {
                throw new MappingException(sourceName + ": the header has the column '" + h + "' twice");
            }
        }
        consumed = new boolean[headers.size()];
        mapping.columns().forEach((target, sources) -> {
            int[] cols = new int[sources.size()];
            for (int k = 0; k < sources.size(); k++) {
                cols[k] = column(index, sources.get(k), "mapped to " + target, sourceName);
                consumed[cols[k]] = true;
            }
            mappedColumns.put(target, cols);
            sourcesOf.put(target, sources);
        });
        HeaderRules rules = mapping.header();
        boolean[] matched = new boolean[headers.size()];
        rules.match().forEach((target, alternatives) -> {
            if (mappedColumns.containsKey(target)) {
                return;
            }
            for (String alternative : alternatives) {
                // "A + B": every part that finds a column, joined like several columns under `columns`
                List<Integer> found = new ArrayList<>();
                for (String part : HeaderRules.parts(alternative)) {
                    int col = find(part, consumed, matched);
                    if (col >= 0 && !found.contains(col)) {
                        found.add(col);
                    }
                }
                if (!found.isEmpty()) {
                    int[] cols = found.stream().mapToInt(Integer::intValue).toArray();
                    for (int c : cols) {
                        consumed[c] = true;
                        matched[c] = true;
                    }
                    mappedColumns.put(target, cols);
                    sourcesOf.put(target, found.stream().map(c -> this.headers.get(c).trim()).toList());
                    return;
                }
            }
        });
        for (String target : rules.require()) {
            if (!mappedColumns.containsKey(target)) {
                throw new MappingException(sourceName + ": no column for " + target + ": expected a header matching "
                        + rules.match().getOrDefault(target, List.of()) + "; the header has "
                        + headers.stream().filter(h -> !h.isBlank()).toList());
            }
        }
        if (!rules.drop().isEmpty()) {
            List<java.util.regex.Pattern> drops = rules.drop().stream().map(HeaderRules::compile).toList();
            for (int i = 0; i < headers.size(); i++) {
                final int col = i;
                if (!consumed[i] && drops.stream().anyMatch(d -> d.matcher(headers.get(col)).find() || d.matcher(matchText(col)).find())) {
                    consumed[i] = true; // read by nobody: dropped
                }
            }
        }
        idColumns = new int[mapping.externalIdFrom().size()];
        for (int k = 0; k < idColumns.length; k++) {
            idColumns[k] = column(index, mapping.externalIdFrom().get(k), "named in externalIdFrom", sourceName);
        }
        directPath = new String[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            if (!consumed[i]) {
                directPath[i] = V1Fields.canonicalPath(headers.get(i)).orElse(null);
            }
        }
    }

    /**
     * The first column a pattern finds: an unused one, or — for an exact name ({@code ^name$}) — also one that an
     * earlier {@code match} took (naming a column exactly is deliberate: Google Play's link is both url and id).
     */
    private int find(String part, boolean[] consumed, boolean[] matched) {
        java.util.regex.Pattern pattern = HeaderRules.compile(part);
        boolean exact = HeaderRules.exactName(part) != null;
        for (int i = 0; i < headers.size(); i++) {
            if ((!consumed[i] || exact && matched[i]) && (pattern.matcher(headers.get(i)).find() || pattern.matcher(matchText(i)).find())) {
                return i;
            }
        }
        return -1;
    }

    private String matchText(int i) {
        String label = labels == null || i >= labels.size() ? null : labels.get(i);
        return label == null ? headers.get(i) : headers.get(i) + "\n" + label;
    }

    private int column(Map<String, Integer> index, String name, String role, String sourceName) {
        Integer i = index.get(name.trim());
        if (i == null) {
            throw new MappingException(sourceName + ": column '" + name + "' (" + role + ") is not in the header; the header has "
                    + headers.stream().filter(h -> !h.isBlank()).toList());
        }
        return i;
    }

    List<String> headers() {
        return headers;
    }

    ObjectNode assemble(List<String> cells) {
        ObjectNode o = V1Json.MAPPER.createObjectNode();
        mappedColumns.forEach((target, cols) -> {
            List<String> parts = new ArrayList<>(cols.length);
            for (int c : cols) {
                String v = cell(cells, c);
                if (v != null && !parts.contains(v)) { // the same text twice (a title repeated as desc) once
                    parts.add(v);
                }
            }
            if (!parts.isEmpty()) {
                set(o, target, mapValue(target, String.join("\n\n", parts)));
            }
        });
        for (int i = 0; i < headers.size(); i++) {
            String v = cell(cells, i);
            if (consumed[i] || v == null) {
                continue;
            }
            if (directPath[i] != null) {
                if (!mappedColumns.containsKey(directPath[i])) {
                    set(o, directPath[i], mapValue(directPath[i], v));
                }
            } else {
                // a value under a blank header is still kept, named by its position
                String key = headers.get(i).isBlank() ? "column" + (i + 1) : headers.get(i).trim();
                String label = labels == null || i >= labels.size() ? null : labels.get(i);
                switch (mapping.unmapped()) {
                    case EXTRA -> o.put(key, v);
                    case FIELDS -> o.withObjectProperty("fields").put(label != null ? label : key, v);
                    case IGNORE -> { }
                }
            }
        }
        mapping.constants().forEach((target, value) -> set(o, target, value));
        if (mapping.epochSeconds() && o.has("createdAt") && o.get("createdAt").isString()) {
            String t = o.get("createdAt").stringValue().trim();
            if (t.matches("\\d{1,11}") && Long.parseLong(t) < 100_000_000_000L) {
                o.put("createdAt", Long.toString(Long.parseLong(t) * 1000)); // epoch seconds, as dates.epoch: auto says
            }
        }
        if (idColumns.length > 0 && !o.has("externalId") && !o.has("id")) {
            o.put("externalId", contentHash(cells));
        }
        return o;
    }

    /** Names the source column in each reason (or warning) of a row whose field came from a mapped column. */
    ParseResult annotate(ParseResult result) {
        if (sourcesOf.isEmpty()) {
            return result;
        }
        if (result instanceof ParseResult.Valid valid) {
            if (valid.warnings().isEmpty()) {
                return result;
            }
            List<Warning> out = new ArrayList<>();
            for (Warning w : valid.warnings()) {
                String column = columnNote(w.field());
                out.add(column == null ? w : new Warning(w.source(), w.line(), w.field(), w.message() + column));
            }
            return new ParseResult.Valid(valid.line(), valid.item(), out);
        }
        ParseResult.Invalid invalid = (ParseResult.Invalid) result;
        List<Rejection> out = new ArrayList<>();
        for (Rejection r : invalid.rejections()) {
            String column = columnNote(r.field());
            out.add(column == null ? r : new Rejection(r.source(), r.line(), r.field(), r.reason() + column));
        }
        return new ParseResult.Invalid(invalid.line(), out);
    }

    private String columnNote(String field) {
        List<String> sources = sourcesOf.get(field);
        return sources == null ? null : " (column " + String.join(" + ", sources) + ")";
    }

    private String mapValue(String target, String raw) {
        Map<String, String> table = mapping.values().get(target);
        if (table == null) {
            return raw;
        }
        String hit = table.get(raw);
        if (hit == null) {
            hit = table.get(raw.trim());
        }
        if (hit == null) {
            String lower = raw.trim().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> e : table.entrySet()) {
                if (e.getKey().trim().toLowerCase(Locale.ROOT).equals(lower)) {
                    return e.getValue();
                }
            }
        }
        return hit == null ? raw : hit;
    }

    private String contentHash(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int c : idColumns) {
            String v = cell(cells, c);
            sb.append(v == null ? "" : v.trim()).append('\u001f');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cell(List<String> cells, int i) {
        if (i >= cells.size()) {
            return null;
        }
        String v = cells.get(i);
        return v == null || v.isBlank() ? null : v;
    }

    static void set(ObjectNode o, String path, String value) {
        int dot = path.indexOf('.');
        if (dot > 0 && V1Fields.OBJECTS.containsKey(path.substring(0, dot))) {
            o.withObjectProperty(path.substring(0, dot)).put(path.substring(dot + 1), value);
        } else {
            o.put(path, value);
        }
    }
}
