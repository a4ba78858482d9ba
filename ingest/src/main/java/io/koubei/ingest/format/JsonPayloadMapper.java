package io.koubei.ingest.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps a foreign JSON document (a vendor's webhook payload) with the {@code mapping.yml} language of CSV/XLSX
 * imports: every leaf of the document is a "column" named by its dotted path ({@code form_response.token},
 * {@code answers.0.number}), so {@code columns: {text: answers.1.text}} works as it does for a header. A JSON array
 * at the top gives one result per element. Results are validated like file rows; mapped paths a payload lacks are
 * absent values, not errors (webhooks leave out unanswered questions). Thread-safe.
 */
public final class JsonPayloadMapper {
    private final ColumnMapping mapping;
    private final RecordDecoder decoder;

    public JsonPayloadMapper(ColumnMapping mapping, FormatOptions options) {
        this.mapping = mapping;
        this.decoder = new RecordDecoder(mapping.applyTo(options), V1Json.MAPPER);
    }

    public List<ParseResult> map(JsonNode payload, String sourceName) {
        return map(payload, sourceName, o -> { });
    }

    /** As {@link #map(JsonNode, String)}, with {@code adjust} applied to each mapped object before it is validated. */
    public List<ParseResult> map(JsonNode payload, String sourceName, java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> adjust) {
        List<ParseResult> out = new ArrayList<>();
        if (payload.isArray()) {
            int line = 0;
            for (JsonNode element : payload) {
                out.add(one(element, sourceName, ++line, adjust));
            }
        } else {
            out.add(one(payload, sourceName, 1, adjust));
        }
        return out;
    }

    /** One object of a file (a JSON array's element, or one line), validated like a file row at {@code line}. */
    public ParseResult mapRecord(JsonNode node, String sourceName, long line) {
        if (!node.isObject()) {
            return new ParseResult.Invalid(line, List.of(new Rejection(sourceName, line, "(json)",
                    "expected a JSON object, found " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
        }
        try {
            return one(node, sourceName, line, o -> { });
        } catch (MappingException e) {
            return new ParseResult.Invalid(line, List.of(new Rejection(sourceName, line, "(mapping)", e.getMessage())));
        }
    }

    private ParseResult one(JsonNode node, String sourceName, long line, java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> adjust) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten(node, "", flat);
        mapping.columns().values().forEach(paths -> paths.forEach(p -> flat.putIfAbsent(p.trim(), null)));
        mapping.externalIdFrom().forEach(p -> flat.putIfAbsent(p.trim(), null));
        FlatRowAssembler assembler = new FlatRowAssembler(new ArrayList<>(flat.keySet()), mapping, sourceName);
        tools.jackson.databind.node.ObjectNode record = assembler.assemble(new ArrayList<>(flat.values()));
        adjust.accept(record);
        return assembler.annotate(decoder.decode(record, sourceName, line));
    }

    private static void flatten(JsonNode n, String path, Map<String, String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(n.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i, out);
            }
        } else if (!n.isNull() && !path.isEmpty()) {
            out.put(path, n.asString());
        }
    }
}
