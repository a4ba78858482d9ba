package io.koubei.dashboard.cli;

import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code koubei demo}: writes the deterministic demo dataset (format v1) and its events; optionally imports it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write the demo dataset (12 weeks, ≥ 50,000 items, embedded scenarios; see docs/demo-data.md).")
public class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "demo.jsonl", description = "Output file (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--events", description = "Events file (default: next to --out, <name>-events.json).")
    Path events;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1.0", description = "Volume factor (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--calm", description = "The control dataset: same structure, no scenarios.")
    boolean calm;

    @Option(names = "--import", description = "Also import the file into the data directory.")
    boolean importAfter;

    @Option(names = "--data-dir", description = "Data directory for --import.")
    Path dataDir;

    /** --events, or beside --out: demo.jsonl → demo-events.json, /tmp/x.jsonl → /tmp/x-events.json (never the working directory unasked). */
    Path eventsFile() {
        if (events != null) {
            return events;
        }
        String name = out.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return out.resolveSibling(stem + "-events.json");
    }

    @Override
    public Integer call() throws Exception {
        DemoOptions options = DemoOptions.defaults().withSeed(seed).withScale(scale).withCalm(calm);
        DemoDataGenerator.writeJsonl(out, options);
        Path events = eventsFile();
        DemoDataGenerator.writeEvents(events, options);
        System.out.println("wrote " + out.toAbsolutePath() + " and " + events.toAbsolutePath());
        if (!importAfter) {
            return 0;
        }
        ImportCommand importer = new ImportCommand();
        importer.file = out;
        importer.dataDir = dataDir;
        return importer.call();
    }
}
