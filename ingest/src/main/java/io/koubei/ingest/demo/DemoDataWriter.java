package io.koubei.ingest.demo;

import io.koubei.core.feedback.FeedbackItem;
import io.koubei.ingest.format.FeedbackJsonCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the demo dataset as JSON Lines in format v1 (through {@link FeedbackJsonCodec}, which writes known fields in a
 * fixed order, maps sorted and times as UTC ISO-8601, so the same items always give the same bytes) and the event list
 * as a JSON array (times with the +08:00 offset). Files are written to a temporary sibling and moved into place, so a
 * failed run never leaves half a dataset.
 */
public final class DemoDataWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final FeedbackJsonCodec CODEC = new FeedbackJsonCodec();

    private DemoDataWriter() {
    }

    /** Generates the dataset for the options and writes it; returns the number of items written. */
    public static long writeJsonl(Path out, DemoOptions opts) throws IOException {
        return writeAtomically(out, w -> writeJsonl(w, new DemoDataGenerator(opts).generate().iterator()));
    }

    /** Writes items as JSON Lines; returns how many were written. */
    public static long writeJsonl(Writer out, Iterator<FeedbackItem> items) throws IOException {
        long n = 0;
        while (items.hasNext()) {
            out.write(toJsonLine(items.next()));
            out.write('\n');
            n++;
        }
        out.flush();
        return n;
    }

    /** The event list of the options' window as a JSON array of {type, name, product, version, at}. */
    public static void writeEvents(Path out, DemoOptions opts) throws IOException {
        writeAtomically(out, w -> {
            w.write(eventsJson(DemoScenarios.events(opts)));
            w.write('\n');
            return 0;
        });
    }

    public static String eventsJson(List<DemoEvent> events) {
        ArrayNode array = JSON.createArrayNode();
        for (DemoEvent e : events) {
            ObjectNode o = array.addObject();
            o.put("type", e.type());
            o.put("name", e.name());
            o.put("product", e.product());
            if (e.version() != null) {
                o.put("version", e.version());
            }
            o.put("at", time(e.at()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array);
    }

    /** One item as a single-line format-v1 JSON object, written by the project's official codec. */
    public static String toJsonLine(FeedbackItem item) {
        return CODEC.toJson(item);
    }

    static String time(Instant t) {
        return TIME.format(t.atZone(DemoCalendar.ZONE).toOffsetDateTime());
    }

    @FunctionalInterface
    private interface Body {
        long write(Writer w) throws IOException;
    }

    private static long writeAtomically(Path out, Body body) throws IOException {
        Path target = out.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        long n;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            n = body.write(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return n;
    }

    /** Command line of {@link DemoDataGenerator#main}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = Path.of("demo.jsonl");
        Path events = null;
        DemoOptions opts = DemoOptions.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--out" -> file = Path.of(value(args, ++i, a));
                    case "--events" -> events = Path.of(value(args, ++i, a));
                    case "--seed" -> opts = opts.withSeed(number(value(args, ++i, a), a, Long::parseLong));
                    case "--scale" -> opts = opts.withScale(number(value(args, ++i, a), a, Double::parseDouble));
                    case "--calm" -> opts = opts.withCalm(true);
                    case "--help", "-h" -> {
                        out.println("usage: koubei demo [--out demo.jsonl] [--events demo-events.json] [--seed 42]"
                                + " [--scale 1.0] [--calm]");
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("koubei demo: " + e.getMessage());
            return 2;
        }
        if (events == null) {
            String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
            events = file.resolveSibling(name + "-events.json");
        }
        try {
            long start = System.nanoTime();
            long n = writeJsonl(file, opts);
            writeEvents(events, opts);
            out.printf("wrote %d items to %s and %d events to %s in %d ms (seed %d, scale %s%s)%n", n, file,
                    DemoScenarios.events(opts).size(), events, (System.nanoTime() - start) / 1_000_000, opts.seed(),
                    opts.scale(), opts.calm() ? ", calm control" : "");
            return 0;
        } catch (IOException e) {
            err.println("koubei demo: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private static <T> T number(String text, String option, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + text + "'");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
