package io.koubei.dashboard.cli;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.core.store.FeedbackFilter;
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
import io.koubei.ingest.preset.ImportPreset;
import io.koubei.ingest.preset.ImportPresets;
import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.signals.SignalsRescan;
import io.koubei.dashboard.signals.SignalsService;
import io.koubei.core.time.CalendarKeys;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
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
 * {@code koubei import FILE}: format v1 (JSONL, CSV, XLSX, XLS) or any CSV/XLSX/XLS export with {@code --mapping}. Prints
 * a progress bar on long files, then the summary, every rejected row as {@code file:line: field: reason} and the first
 * warnings (optional fields normalised or dropped; those rows landed) as {@code warning: file:line: field: what was done}.
 *
 * <p>On the in-process bus the import analyses and stores the items itself: "accepted" means stored. With
 * {@code KOUBEI_BUS=kafka} it only publishes: "accepted" means the Kafka brokers acknowledged the records (acks=all);
 * the analysis workers of {@code koubei serve} store them, and the import waits for that (unless {@code --no-wait}),
 * reporting progress from the consumer group's commits.
 *
 * <p>Signals: the import decides no re-scan itself. The store path announces every stored batch's weeks to the signals
 * re-scan of the process that stored it: on the in-process bus that is this process, which scans them before it exits
 * and prints what was found; on Kafka it is the workers of {@code koubei serve}, which scan once the stream pauses.
 *
 * <p>Exit code 0 when every row landed, 1 when some were rejected, 2 when the import could not finish, 3 when the
 * items are safe in Kafka but were not stored within {@code --wait-timeout} (or no worker is running).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a feedback file (JSONL, CSV, XLSX or XLS; format v1, with a column mapping, or a vendor's"
                + " export with --preset).",
                "With KOUBEI_BUS=kafka the items are published to Kafka and stored by the workers of `koubei serve`;"
                        + " the import waits until they are stored (see --no-wait)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every row landed", "1:some rows were rejected (listed)", "2:the import could not finish",
                "3:accepted by Kafka but not yet stored by the workers"})
public class ImportCommand implements Callable<Integer> {
    static final int NOT_YET_STORED = 3;
    @Parameters(index = "0", arity = "0..1", description = "The file to import.")
    Path file;

    @Option(names = "--preset", paramLabel = "NAME", description = "Read a vendor's export as it is: wjx, tencent-survey,"
            + " surveymonkey, typeform, qualtrics, google-play, weibo-crawler, mediacrawler. `--preset list` shows each"
            + " with the columns it reads. Not together with --mapping.")
    String preset;

    @Option(names = "--source", description = "Source for rows that have none (e.g. appstore).")
    String source;

    @Option(names = "--channel", description = "Channel for rows that have none (community, social, review, survey, ticket, sales, qc).")
    String channel;

    @Option(names = "--mapping", description = "Column mapping (mapping.yml) for a foreign CSV/XLSX/XLS export.")
    Path mapping;

    @Option(names = "--format", description = "jsonl, csv, xlsx or xls (default: from the file extension).")
    String format;

    @Option(names = "--zone", description = "Time zone for date-times without an offset, plain dates and Excel date cells"
            + " (e.g. Asia/Shanghai, +08:00). Without it such a createdAt is rejected; optional dates (author.registeredAt,"
            + " ticket.*) are then read in the team's zone (koubei.zone) with a warning. A mapping's dates.zone wins.")
    String zone;

    @Option(names = "--encoding", description = "Text encoding of a JSONL/CSV file (e.g. GBK, UTF-16). Default: detected"
            + " (UTF-8 with or without byte-order mark, UTF-16 with one, GB18030/GBK). A mapping's csv.encoding wins.")
    String encoding;

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
            + " (they run after the import by default; the hourly scan only covers the current and the last week)."
            + " With the Kafka bus the workers of `koubei serve` re-scan what they stored, whatever this says.")
    boolean noSignals;

    @Override
    public Integer call() {
        if ("list".equalsIgnoreCase(preset == null ? null : preset.trim())) {
            PresetList.print(System.out);
            return 0;
        }
        if (preset != null) {
            try {
                ImportPresets.get(preset); // an unknown name first: it says which names there are
            } catch (MappingException e) {
                System.err.println("koubei import: " + e.getMessage());
                return 2;
            }
        }
        if (file == null) {
            System.err.println("koubei import: name the file to import (koubei import [--preset NAME] FILE),"
                    + " or list the presets (koubei import --preset list)");
            return 2;
        }
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
        Map<String, Object> props = new HashMap<>(Map.of("koubei.report.cron", "", "koubei.kafka.consume", false,
                "logging.level.org.apache.kafka", "ERROR", "logging.level.org.apache.poi", "OFF"));
        if (noSignals) {
            props.put("koubei.signals.rescan-after-store", false); // stored batches are not announced to the re-scan
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.start(false, dataDir, props)) {
            FeedbackBus bus = ctx.getBean(FeedbackBus.class);
            String unreachable = preflight(bus, ctx.getBean(FeedbackStore.class));
            if (unreachable != null) {
                System.err.println("koubei import: " + unreachable);
                return 2;
            }
            options = options.withFormatOptions(options.formatOptions().withTeamZone(ctx.getBean(CalendarKeys.class).zone()));
            if (preset != null) {
                options = ImportPresets.get(preset).applyTo(options, file); // after the team's zone is known
            }
            FeedbackImporter importer = ctx.getBean(FeedbackImporter.class);
            ConsoleProgressBar bar = new ConsoleProgressBar(System.err, quiet ? Long.MAX_VALUE : 5_000);
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
            if (!noSignals && bus instanceof KafkaFeedbackBus) {
                if (summary.accepted() > 0) {
                    System.out.println("signals: the workers of `koubei serve` re-scan the weeks they store once the stream"
                            + " pauses (koubei.signals.rescan-quiet); see /alerts, GET /api/v1/alerts");
                }
            } else if (!noSignals) {
                // the in-process bus stored here: the re-scan heard of every stored batch; judge them before exiting
                scanSignals(ctx.getBean(SignalsRescan.class), ctx.getBean(AlertService.class),
                        ctx.getBean(FeedbackStore.class));
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
                    "--format: expected jsonl, csv, xlsx or xls, got '" + format + "'")));
        }
        if (zone != null) {
            try {
                o = o.withFormatOptions(o.formatOptions().withZone(ZoneId.of(zone.trim())));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--zone: '" + zone + "' is not a time zone (e.g. Asia/Shanghai, +08:00)");
            }
        }
        if (encoding != null) {
            try {
                o = o.withFormatOptions(o.formatOptions().withCharset(Charset.forName(encoding.trim())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--encoding: '" + encoding + "' is not a known encoding (e.g. UTF-8, GBK, UTF-16)");
            }
        }
        if (mapping != null && preset != null) {
            throw new IllegalArgumentException("--preset and --mapping: use one of them (a preset is a bundled mapping;"
                    + " to adapt one, copy it from koubei import --preset list into a mapping.yml)");
        }
        if (mapping != null) {
            o = o.withMapping(ColumnMapping.load(mapping));
        }
        if (preset != null) {
            ImportPreset p = ImportPresets.get(preset); // an unknown name is refused here, listing the valid ones
            if (file != null) {
                p.checkFile(file);
            }
            o = o.withMapping(p.mapping()); // its local times: in run(), once the team's zone is known
        }
        if (source != null) {
            o = o.withDefault("source", source);
        }
        if (channel != null) {
            o = o.withDefault("channel", channel);
        }
        return o;
    }

    /**
     * Judges now the weeks the import stored (and those whose baselines include them), which the re-scan heard of
     * from the store path, and says what was found.
     */
    static void scanSignals(SignalsRescan rescan, AlertService alerts, FeedbackStore store) {
        if (!rescan.busy()) {
            return;
        }
        System.err.println("signals: scanning the weeks the import stored …");
        List<SignalsService.ScanSummary> scans = rescan.flush();
        if (scans.isEmpty()) {
            return;
        }
        Map<String, Long> byType = new TreeMap<>();
        Set<String> weeks = new HashSet<>();
        scans.forEach(sc -> weeks.add(sc.week()));
        for (Alert a : alerts.list(null)) {
            if (weeks.contains(a.week()) && a.status() != Alert.Status.RESOLVED) {
                byType.merge(a.type().name(), 1L, Long::sum);
            }
        }
        // every flagged item of those weeks, not only those this scan flagged (a re-import keeps the earlier ones)
        long flagged = store.count(FeedbackFilter.builder().weeks(weeks).flags(Set.of(AstroturfParams.FLAG)).build());
        long newly = scans.stream().mapToLong(SignalsService.ScanSummary::flagged).sum();
        System.out.printf(Locale.ROOT, "signals: %d weeks scanned, %d alerts open in them %s, %d items flagged as astroturf"
                + " (%d newly) (koubei serve: /alerts, GET /api/v1/alerts)%n", scans.size(),
                byType.values().stream().mapToLong(Long::longValue).sum(), byType, flagged, newly);
    }

    /** Warnings shown one by one before the rest are only counted per field. */
    static final int WARNINGS_SHOWN = 20;

    /** The first warnings, then how many there were per field: a file can warn on every row. */
    static void reportWarnings(ImportSummary s, PrintStream err) {
        if (s.warningCount() == 0) {
            return;
        }
        s.warnings().stream().limit(WARNINGS_SHOWN).forEach(w -> err.println("warning: " + w));
        if (s.warningCount() > WARNINGS_SHOWN) {
            Map<String, Long> byField = new TreeMap<>();
            s.warnings().forEach(w -> byField.merge(w.field(), 1L, Long::sum));
            err.printf(Locale.ROOT, "warning: … %,d warnings in all, by field: %s%s%n", s.warningCount(), byField,
                    s.warningsOmitted() > 0 ? String.format(Locale.ROOT, " (of the first %,d)", s.warnings().size()) : "");
        }
    }

    static int report(ImportSummary s) {
        s.rejections().forEach(r -> System.err.println(r));
        if (s.rejectionsOmitted() > 0) {
            System.err.println("… and " + s.rejectionsOmitted() + " more rejected rows");
        }
        reportWarnings(s, System.err);
        System.out.println(s.describe());
        if (s.abortedReason() != null) {
            System.err.println("koubei import: stopped: " + s.abortedReason());
            return 2;
        }
        return s.rejected() > 0 ? 1 : 0;
    }
}
