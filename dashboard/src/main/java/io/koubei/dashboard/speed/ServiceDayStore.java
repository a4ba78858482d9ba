package io.koubei.dashboard.speed;

import io.koubei.analysis.speed.ServiceDay;
import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateCollections;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Daily hotline / online-chat aggregates in the state store's collection {@value #COLLECTION}, one document per
 * (day, line, product), its JSON in the documented format (docs/speed.md). Sending a day again replaces it (reported
 * as {@code replaced}), so corrections are possible; two nodes replacing the same day concurrently do not lose a
 * write (optimistic concurrency, the later one counts as {@code replaced}). Reads go to the store every time (a few
 * documents per day), so every node sees what any node stored. {@code <data-dir>/speed/service-days.jsonl} of an
 * earlier version is imported once and kept.
 */
public class ServiceDayStore {
    static final String COLLECTION = "service-days";

    private final StateCollection days;

    public record Receipt(int received, int accepted, int replaced, int rejected, List<String> errors) {
    }

    public ServiceDayStore(StateStore state, Path dataDir) {
        this.days = state.collection(COLLECTION);
        Path legacy = dataDir.resolve("speed").resolve("service-days.jsonl");
        LegacySpeedFiles.importOnce(days, LegacySpeedFiles.IMPORTED, legacy, lines -> {
            Map<String, String> latest = new LinkedHashMap<>(); // the latest line for a day wins, as on reload before
            for (String line : lines) {
                ServiceDay d = parse(line);
                latest.put(StateIds.of(key(d)), write(d));
            }
            days.createAll(latest); // a day already shared (another node imported or received it) stays as it is
        });
    }

    /** Every day any node stored, ordered by day, line and product. */
    public List<ServiceDay> all() {
        List<ServiceDay> out = new ArrayList<>();
        for (StateDocument d : days.all()) {
            if (StateIds.isRecord(d.id())) {
                out.add(parse(d.json()));
            }
        }
        out.sort(Comparator.comparing(ServiceDay::day).thenComparing(ServiceDay::line)
                .thenComparing(x -> x.product() == null ? "" : x.product()));
        return out;
    }

    public Receipt receive(String source, String body) {
        List<String> errors = new ArrayList<>();
        int received = 0, accepted = 0, replaced = 0;
        String[] raw = body.split("\\R");
        for (int n = 0; n < raw.length; n++) {
            String line = raw[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            received++;
            ServiceDay d;
            try {
                d = parse(line);
            } catch (RuntimeException e) {
                errors.add(source + ":" + (n + 1) + ": " + e.getMessage());
                continue;
            }
            if (store(d)) {
                replaced++;
            }
            accepted++;
        }
        return new Receipt(received, accepted, replaced, errors.size(), errors);
    }

    /** Stores the day; true when it replaced one stored before (by any node). */
    private boolean store(ServiceDay d) {
        boolean[] existed = new boolean[1];
        StateCollections.update(days, StateIds.of(key(d)), current -> {
            existed[0] = current != null;
            return write(d);
        });
        return existed[0];
    }

    static String write(ServiceDay d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", d.day().toString());
        m.put("line", d.line());
        m.put("product", d.product());
        m.put("offered", d.offered());
        m.put("answered", d.answered());
        m.put("handledWithin3Min", d.handledWithin3Min());
        m.put("rated", d.rated());
        m.put("satisfied", d.satisfied());
        m.values().removeIf(java.util.Objects::isNull);
        return LifecycleEventStore.JSON.writeValueAsString(m);
    }

    private static String key(ServiceDay d) {
        return d.day() + "|" + d.line() + "|" + d.product();
    }

    static ServiceDay parse(String line) {
        JsonNode n;
        try {
            n = LifecycleEventStore.JSON.readTree(line);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        String day = LifecycleEventStore.text(n, "day");
        String lineName = LifecycleEventStore.text(n, "line");
        if (day == null || lineName == null) {
            throw new IllegalArgumentException("day and line are required");
        }
        try {
            return new ServiceDay(LocalDate.parse(day), lineName, LifecycleEventStore.text(n, "product"),
                    count(n, "offered"), count(n, "answered"), count(n, "handledWithin3Min"), count(n, "rated"),
                    count(n, "satisfied"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("day: expected 2026-11-02, got '" + day + "'");
        }
    }

    private static long count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + ": expected a whole number");
        }
        return v.asLong();
    }
}
