package io.koubei.dashboard.cli;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.StoreHealth;
import io.koubei.ingest.format.ColumnMapping;
import io.koubei.ingest.format.InputFormat;
import io.koubei.ingest.format.MappingException;
import io.koubei.ingest.importing.ConsoleProgressBar;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import io.koubei.ingest.kafka.KafkaFeedbackBus;
import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.signals.SignalsRescan;
import io.koubei.dashboard.signals.SignalsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code koubei import FILE}: format v1 (JSONL, CSV, XLSX) or any CSV/XLSX export with {@code --mapping}. Prints a
 * progress bar on long files, then the summary and every rejected row as {@code file:line: field: reason}.
 *
 * <p>On the in-process bus the import analyses and stores the items itself: "accepted" means stored. With
 * {@code KOUBEI_BUS=kafka} it only publishes: "accepted" means the Kafka brokers acknowledged the records (acks=all);
 * the analysis workers of {@code koubei serve} store them, and the import waits for that (unless {@code --no-wait}),
 * reporting progress from the consumer group's commits.
 *
 * <p>Exit code 0 when every row landed, 1 when some were rejected, 2 when the import could not finish, 3 when the
 * items are safe in Kafka but were not stored within {@code --wait-timeout} (or no worker is running).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a feedback file (JSONL, CSV or XLSX; format v1 or with a column mapping).",
                "With KOUBEI_BUS=kafka the items are published to Kafka and stored by the workers of `koubei serve`;"
                        + " the import waits until they are stored (see --no-wait)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every row landed", "1:some rows were rejected (listed)", "2:the import could not finish",
                "3:accepted by Kafka but not yet stored by the workers"})
public class ImportCommand implements Callable<Integer> {
    static final int NOT_YET_STORED = 3;
    @Parameters(index = "0", description = "The file to import.")
    Path file;

    @Option(names = "--source", description = "Source for rows that have none (e.g. appstore).")
    String source;

    @Option(names = "--channel", description = "Channel for rows that have none (community, social, review, survey, ticket, sales, qc).")
    String channel;

    @Option(names = "--mapping", description = "Column mapping (mapping.yml) for a foreign CSV/XLSX export.")
    Path mapping;

    @Option(names = "--format", description = "jsonl, csv or xlsx (default: from the file extension).")
    String format;

    @Option(names = "--data-dir", description = "Data directory (default ./data, or $KOUBEI_DATA_DIR).")
    Path dataDir;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--no-wait", description = "With the Kafka bus: return once the brokers acknowledged the items,"
            + " without waiting for the workers to store them.")
    boolean noWait;

    @Option(names = "--wait-timeout", defaultValue = "PT30M",
            description = "With the Kafka bus: how long to wait for the workers to store the items (ISO-8601, default PT30M).")
    Duration waitTimeout;

    @Option(names = "--no-signals", description = "Do not re-run the signal detectors for the weeks the file touched"
            + " (they run after the import by default; the hourly scan only covers the current and the last week).")
    boolean noSignals;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (Exception e) {
            // the whole file failed (not a workbook, truncated, a zip bomb, a locked data directory…): one sentence, code 2
            System.err.println("koubei import: " + whyNot(file, e));
            return 2;
        }
    }

    /** What stopped the import, in one sentence: the innermost message that says something. */
    static String whyNot(Path file, Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t.getClass().getSimpleName().equals("LockObtainFailedException") || m.contains("write.lock")
                    || m.contains("Lock held")) {
                return "the data directory is in use by a running Koubei. Send the file to it instead: POST it to"
                        + " /api/v1/feedback, or stop the server first.";
            }
            if (t instanceof MappingException) {
                return t.getMessage();
            }
            root = t;
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().strip().lines().findFirst().orElse("");
        return "cannot import " + file.getFileName() + ": " + message;
    }

    private int run() throws Exception {
        if (!Files.isReadable(file)) {
            System.err.println("koubei import: cannot read " + file);
            return 2;
        }
        ImportOptions options = options();
        // a producer only: on Kafka the workers of `koubei serve` analyse and store; this process must not join them
        // the Kafka clients' own reconnect warnings would bury the one line the preflight prints
        // a workbook that cannot be read is said in one sentence below, not as POI's stack trace
        Map<String, Object> props = Map.of("koubei.report.cron", "", "koubei.kafka.consume", false,
                "logging.level.org.apache.kafka", "ERROR", "logging.level.org.apache.poi", "OFF");
        try (ConfigurableApplicationContext ctx = SpringLauncher.start(false, dataDir, props)) {
            FeedbackBus bus = ctx.getBean(FeedbackBus.class);
            String unreachable = preflight(bus, ctx.getBean(FeedbackStore.class));
            if (unreachable != null) {
                System.err.println("koubei import: " + unreachable);
                return 2;
            }
            FeedbackImporter importer = ctx.getBean(FeedbackImporter.class);
            ConsoleProgressBar bar = new ConsoleProgressBar(System.err, quiet ? Long.MAX_VALUE : 5_000);
            SignalsRescan rescan = noSignals ? null : ctx.getBean(SignalsRescan.class);
            Map<String, Long> weeksBefore = rescan == null ? Map.of() : rescan.weekCounts();
            ImportSummary summary;
            try (BusWatch watch = new BusWatch(bus, System.err)) {
                summary = importer.importFile(file, options, bar);
            }
            bar.done();
            int code = report(summary);
            if (bus instanceof KafkaFeedbackBus kafka && summary.accepted() > 0 && code < 2) {
                System.out.printf(Locale.ROOT, "accepted = acknowledged by the Kafka brokers (topic %s at %s, acks=all):"
                        + " the items are safe there; the Koubei workers (consumer group %s) analyse and store them.%n",
                        kafka.config().topic(), kafka.config().bootstrapServers(), kafka.config().groupId());
                if (!noWait) {
                    int waited = new StorageWait(kafka, ctx.getBean(FeedbackStore.class), System.out, waitTimeout).await();
                    code = waited != 0 ? waited : code;
                }
            }
            if (rescan != null && code < 2 && summary.accepted() > 0) {
                scanSignals(rescan, weeksBefore, ctx.getBean(AlertService.class));
            }
            return code;
        }
    }

    /**
     * Checks, before reading a row, that the import can land anywhere: the Kafka brokers (bus kafka), else the store
     * (the in-process bus writes to it from here). Returns what is wrong, or null.
     */
    static String preflight(FeedbackBus bus, FeedbackStore store) {
        BusHealth b = bus.health();
        if (!b.up()) {
            return "the bus is not available: " + b.detail()
                    + (bus instanceof KafkaFeedbackBus ? " (check KAFKA_BOOTSTRAP_SERVERS)" : "");
        }
        if (!(bus instanceof KafkaFeedbackBus)) {
            StoreHealth s = store.check();
            if (!s.up()) {
                return "the store is not available: " + s.detail()
                        + ("elasticsearch".equals(s.backend()) ? " (check ES_URL, ES_USERNAME, ES_PASSWORD)" : "");
            }
        }
        return null;
    }

    ImportOptions options() throws java.io.IOException {
        ImportOptions o = ImportOptions.defaults();
        if (format != null) {
            o = o.withFormat(InputFormat.fromName(format).orElseThrow(() -> new IllegalArgumentException(
                    "--format: expected jsonl, csv or xlsx, got '" + format + "'")));
        }
        if (mapping != null) {
            o = o.withMapping(ColumnMapping.load(mapping));
        }
        if (source != null) {
            o = o.withDefault("source", source);
        }
        if (channel != null) {
            o = o.withDefault("channel", channel);
        }
        return o;
    }

    /** Judges the weeks the import changed (and those whose baselines include them) and says what was found. */
    static void scanSignals(SignalsRescan rescan, Map<String, Long> weeksBefore, AlertService alerts) {
        List<String> changed = rescan.changedSince(weeksBefore);
        if (changed.isEmpty()) {
            return;
        }
        System.err.println("signals: scanning the weeks from " + changed.get(0) + " …");
        List<SignalsService.ScanSummary> scans = rescan.rescanNow(changed);
        Map<String, Long> byType = new TreeMap<>();
        Set<String> weeks = new HashSet<>();
        scans.forEach(sc -> weeks.add(sc.week()));
        for (Alert a : alerts.list(null)) {
            if (weeks.contains(a.week()) && a.status() != Alert.Status.RESOLVED) {
                byType.merge(a.type().name(), 1L, Long::sum);
            }
        }
        long flagged = scans.stream().mapToLong(SignalsService.ScanSummary::flagged).sum();
        System.out.printf(Locale.ROOT, "signals: %d weeks scanned, %d alerts open in them %s, %d items flagged as astroturf"
                + " (koubei serve: /alerts, GET /api/v1/alerts)%n", scans.size(),
                byType.values().stream().mapToLong(Long::longValue).sum(), byType, flagged);
    }

    static int report(ImportSummary s) {
        s.rejections().forEach(r -> System.err.println(r));
        if (s.rejectionsOmitted() > 0) {
            System.err.println("… and " + s.rejectionsOmitted() + " more rejected rows");
        }
        System.out.println(s.describe());
        if (s.abortedReason() != null) {
            System.err.println("koubei import: stopped: " + s.abortedReason());
            return 2;
        }
        return s.rejected() > 0 ? 1 : 0;
    }
}
