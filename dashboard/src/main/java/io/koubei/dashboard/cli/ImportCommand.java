package io.koubei.dashboard.cli;

import io.koubei.ingest.format.ColumnMapping;
import io.koubei.ingest.format.InputFormat;
import io.koubei.ingest.importing.ConsoleProgressBar;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code koubei import FILE}: format v1 (JSONL, CSV, XLSX) or any CSV/XLSX export with {@code --mapping}. Prints a
 * progress bar on long files, then the summary and every rejected row as {@code file:line: field: reason}.
 * Exit code 0 when every row landed, 1 when some were rejected, 2 when the import could not finish.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a feedback file (JSONL, CSV or XLSX; format v1 or with a column mapping).")
public class ImportCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            System.err.println("koubei import: cannot read " + file);
            return 2;
        }
        ImportOptions options = options();
        try (ConfigurableApplicationContext ctx = SpringLauncher.start(false, dataDir, Map.of("koubei.report.cron", ""))) {
            FeedbackImporter importer = ctx.getBean(FeedbackImporter.class);
            ConsoleProgressBar bar = new ConsoleProgressBar(System.err, quiet ? Long.MAX_VALUE : 5_000);
            ImportSummary summary = importer.importFile(file, options, bar);
            bar.done();
            return report(summary);
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("lock")) {
                System.err.println("koubei import: the data directory is in use by a running Koubei. Send the file to it"
                        + " instead: POST it to /api/v1/feedback, or stop the server first.");
                return 2;
            }
            throw e;
        }
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
