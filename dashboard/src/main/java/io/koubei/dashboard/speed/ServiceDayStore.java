package io.koubei.dashboard.speed;

import io.koubei.analysis.speed.ServiceDay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Daily hotline / online-chat aggregates in {@code <data-dir>/speed/service-days.jsonl}. A day is identified by
 * (day, line, product); sending it again replaces it (reported as {@code replaced}), so corrections are possible.
 */
public class ServiceDayStore {
    private final Path file;
    private final Map<String, ServiceDay> days = new LinkedHashMap<>();

    public record Receipt(int received, int accepted, int replaced, int rejected, List<String> errors) {
    }

    public ServiceDayStore(Path dataDir) {
        this.file = dataDir.resolve("speed").resolve("service-days.jsonl");
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        ServiceDay d = parse(line);
                        days.put(key(d), d);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    public synchronized List<ServiceDay> all() {
        return new ArrayList<>(days.values());
    }

    public synchronized Receipt receive(String source, String body) {
        List<String> errors = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int received = 0, accepted = 0, replaced = 0;
        String[] raw = body.split("\\R");
        for (int n = 0; n < raw.length; n++) {
            String line = raw[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            received++;
            try {
                ServiceDay d = parse(line);
                if (days.put(key(d), d) != null) {
                    replaced++;
                }
                accepted++;
                lines.add(line);
            } catch (RuntimeException e) {
                errors.add(source + ":" + (n + 1) + ": " + e.getMessage());
            }
        }
        if (!lines.isEmpty()) {
            try {
                io.koubei.dashboard.platform.OwnerOnlyDataDir.createPrivately(file);
                Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        }
        return new Receipt(received, accepted, replaced, errors.size(), errors);
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
