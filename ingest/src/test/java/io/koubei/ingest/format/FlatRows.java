package io.koubei.ingest.format;

import io.koubei.core.feedback.FeedbackItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Flattens items the way a CSV/XLSX export of format v1 looks: dotted columns, tags joined with |. */
final class FlatRows {

    final List<String> headers;
    final List<List<String>> rows;

    private FlatRows(List<String> headers, List<List<String>> rows) {
        this.headers = headers;
        this.rows = rows;
    }

    static FlatRows of(List<FeedbackItem> items) {
        FeedbackJsonCodec codec = new FeedbackJsonCodec();
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> headers = new LinkedHashSet<>();
        for (FeedbackItem item : items) {
            Map<String, String> m = new LinkedHashMap<>();
            codec.toTree(item).properties().forEach(e -> flatten(e.getKey(), e.getValue(), m));
            headers.addAll(m.keySet());
            flat.add(m);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> m : flat) {
            rows.add(headers.stream().map(h -> m.getOrDefault(h, "")).toList());
        }
        return new FlatRows(List.copyOf(headers), rows);
    }

    private static void flatten(String key, JsonNode v, Map<String, String> out) {
        if (v.isObject()) {
            v.properties().forEach(e -> flatten(key + "." + e.getKey(), e.getValue(), out));
        } else if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asString()));
            out.put(key, String.join("|", parts));
        } else {
            out.put(key, v.asString());
        }
    }
}
