package io.koubei.ingest.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The header part of a {@code mapping.yml}: how many rows the header has and how they name the columns, which v1 fields
 * are taken from columns found by a pattern rather than by an exact name, which of those must be found, and which
 * columns are dropped. Survey tools write more than one header row (SurveyMonkey two, Qualtrics three) and name a
 * question column after the question, so presets find e.g. the NPS column by {@code 推荐|recommend}.
 *
 * @param rows     header rows at the top of the sheet (default 1); data starts after them
 * @param names    which of them (1-based) names the columns for {@code columns} and {@code externalIdFrom}
 * @param labels   which row (1-based) gives the question texts, or 0: a label is what {@code match} also looks at and
 *                 what {@code unmapped: fields} names a column by (Qualtrics: ids in row 1, questions in row 2)
 * @param merge    when not null, rows 1..{@code rows} are joined into one name per column with this separator: a blank
 *                 cell in the first row takes the value on its left (a question spanning its answer columns), and a
 *                 second-row cell that is blank or listed in {@code same} adds nothing (SurveyMonkey:
 *                 {@code Which features? - Camera})
 * @param same     second-row texts that mean "the question itself" when merging ({@code Response}, {@code Open-Ended Response})
 * @param match    v1 field → alternatives tried in order, each a pattern (a Java regular expression, found anywhere in
 *                 "name" or "name\nlabel", case-insensitive) or several joined by {@code " + "} (every part that finds
 *                 a column contributes, joined with a blank line, e.g. {@code ^title$ + ^desc$}); a pattern takes the
 *                 first column not already used, an exact name {@code ^name$} also one an earlier field matched.
 *                 Ignored for a field that {@code columns} maps. Nothing found is no error, unless the field is in
 *                 {@code require}
 * @param require  fields of {@code match} that the header must provide (the file is refused otherwise, before any row)
 * @param drop     patterns of columns that are not read at all (e.g. IP address, e-mail columns of a survey export)
 */
public record HeaderRules(int rows, int names, int labels, String merge, List<String> same,
                          Map<String, List<String>> match, List<String> require, List<String> drop) {

    public static final HeaderRules SINGLE = new HeaderRules(1, 1, 0, null, List.of(), Map.of(), List.of(), List.of());

    public HeaderRules {
        same = same == null ? List.of() : List.copyOf(same);
        match = match == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(match));
        require = require == null ? List.of() : List.copyOf(require);
        drop = drop == null ? List.of() : List.copyOf(drop);
        if (rows < 1 || names < 1 || names > rows || labels < 0 || labels > rows) {
            throw new MappingException("header: rows must be ≥ 1 and names/labels must be rows within them");
        }
    }

    /** One name per column (and its label, or null) from the header rows. */
    public record Header(List<String> names, List<String> labels) {
    }

    Header resolve(List<List<String>> headerRows) {
        int width = headerRows.stream().mapToInt(List::size).max().orElse(0);
        List<String> outNames = new ArrayList<>(width);
        List<String> outLabels = new ArrayList<>(width);
        String carried = "";
        for (int c = 0; c < width; c++) {
            if (merge != null) {
                String top = cell(headerRows, 0, c);
                if (!top.isBlank()) {
                    carried = top.trim();
                }
                String name = carried;
                for (int r = 1; r < headerRows.size(); r++) {
                    String sub = cell(headerRows, r, c).trim();
                    if (!sub.isEmpty() && same.stream().noneMatch(s -> s.equalsIgnoreCase(sub))) {
                        name = name.isEmpty() ? sub : name + merge + sub;
                    }
                }
                outNames.add(name);
            } else {
                outNames.add(cell(headerRows, names - 1, c));
            }
            String label = labels > 0 ? cell(headerRows, labels - 1, c).trim() : "";
            outLabels.add(label.isEmpty() ? null : label);
        }
        return new Header(outNames, outLabels);
    }

    private static String cell(List<List<String>> rows, int r, int c) {
        if (r >= rows.size() || c >= rows.get(r).size()) {
            return "";
        }
        String v = rows.get(r).get(c);
        return v == null ? "" : v;
    }

    /** The parts of a {@code match} alternative: {@code "^title$ + ^desc$"} → both, joined when both are found. */
    static List<String> parts(String alternative) {
        List<String> out = new ArrayList<>();
        for (String p : alternative.split(" \\+ ")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    /** The literal column name of an exact pattern {@code ^name$} (no other regular-expression syntax), or null. */
    public static String exactName(String pattern) {
        if (pattern.length() < 2 || !pattern.startsWith("^") || !pattern.endsWith("$")) {
            return null;
        }
        String inner = pattern.substring(1, pattern.length() - 1).replace("\\(", "(").replace("\\)", ")").replace("\\.", ".");
        String bare = pattern.substring(1, pattern.length() - 1).replace("\\(", "").replace("\\)", "").replace("\\.", "");
        return bare.matches(".*[\\\\\\[\\]|*+?{}^$()].*") ? null : inner;
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static HeaderRules parse(JsonNode root, String name) {
        int rows = 1;
        int names = 1;
        int labels = 0;
        String merge = null;
        List<String> same = List.of();
        JsonNode h = root.path("header");
        if (!h.isMissingNode()) {
            ColumnMapping.requireObject(h, name, "header");
            for (String key : h.propertyNames()) {
                if (!List.of("rows", "names", "labels", "merge", "same").contains(key)) {
                    throw new MappingException(name + ": unknown key header." + key + "; expected rows, names, labels, merge or same");
                }
            }
            rows = number(h, "rows", 1, name);
            names = number(h, "names", 1, name);
            labels = number(h, "labels", 0, name);
            if (h.has("merge")) {
                merge = ColumnMapping.scalar(h.get("merge"), name, "header.merge");
            }
            if (h.has("same")) {
                same = ColumnMapping.stringList(h.get("same"), name, "header.same");
            }
            if (rows > 20 || names > rows || labels > rows) {
                throw new MappingException(name + ": header.rows must be 1–20, and header.names / header.labels one of those rows");
            }
        }
        Map<String, List<String>> match = new LinkedHashMap<>();
        JsonNode m = root.path("match");
        if (!m.isMissingNode()) {
            ColumnMapping.requireObject(m, name, "match");
            for (Map.Entry<String, JsonNode> e : m.properties()) {
                String target = V1Fields.canonicalPath(e.getKey()).orElseThrow(() -> new MappingException(name + ": match."
                        + e.getKey() + ": '" + e.getKey() + "' is not a format v1 field (see docs/import-format.md)"));
                List<String> patterns = ColumnMapping.stringList(e.getValue(), name, "match." + e.getKey());
                patterns.forEach(p -> parts(p).forEach(x -> checkPattern(x, name, "match." + e.getKey())));
                match.put(target, patterns);
            }
        }
        List<String> require = new ArrayList<>();
        if (root.has("require")) {
            for (String r : ColumnMapping.stringList(root.get("require"), name, "require")) {
                require.add(V1Fields.canonicalPath(r).orElseThrow(() -> new MappingException(name + ": require: '" + r
                        + "' is not a format v1 field")));
            }
        }
        List<String> drop = root.has("drop") ? ColumnMapping.stringList(root.get("drop"), name, "drop") : List.of();
        drop.forEach(p -> checkPattern(p, name, "drop"));
        return new HeaderRules(rows, names, labels, merge, same, match, require, drop);
    }

    private static int number(JsonNode h, String key, int fallback, String name) {
        if (!h.has(key)) {
            return fallback;
        }
        String v = ColumnMapping.scalar(h.get(key), name, "header." + key).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new MappingException(name + ": header." + key + " must be a whole number, got '" + v + "'");
        }
    }

    private static void checkPattern(String p, String name, String key) {
        try {
            compile(p);
        } catch (PatternSyntaxException e) {
            throw new MappingException(name + ": " + key + ": '" + p + "' is not a valid regular expression: " + e.getDescription());
        }
    }
}
