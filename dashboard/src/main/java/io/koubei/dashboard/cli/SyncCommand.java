package io.koubei.dashboard.cli;

import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.sources.SourcesService;
import io.koubei.ingest.connect.SourceConfig;
import io.koubei.ingest.connect.SourcesFileException;
import io.koubei.ingest.connect.SyncResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code koubei sync [--data-dir D] [--source NAME]}: runs every source of {@code <data-dir>/sources.yml} (or one)
 * once now, from its stored cursor, and prints per source: fetched, new, updated, rejected, warnings, next cursor.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Run the connectors of <data-dir>/sources.yml once now (all, or one with --source).",
                "`koubei serve` runs them on their schedules; see docs/sources.md."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every source ran", "1:some records were rejected (listed)",
                "2:a source failed, or sources.yml cannot be used"})
public class SyncCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "Data directory (default ./data, or $KOUBEI_DATA_DIR).")
    Path dataDir;

    @Option(names = "--source", description = "Run only this source (its name in sources.yml).")
    String source;

    @Override
    public Integer call() {
        Map<String, Object> props = Map.of("koubei.report.cron", "", "koubei.kafka.consume", false,
                "logging.level.org.apache.kafka", "ERROR");
        try (ConfigurableApplicationContext ctx = SpringLauncher.start(false, dataDir, props)) {
            SourcesService sources = ctx.getBean(SourcesService.class);
            List<SourceConfig> all;
            try {
                all = sources.sources();
            } catch (SourcesFileException e) {
                System.err.println("koubei sync: " + e.getMessage());
                return 2;
            }
            if (all.isEmpty()) {
                System.err.println("koubei sync: no sources in " + sources.file() + " (see docs/sources.md)");
                return 0;
            }
            List<SourceConfig> chosen = source == null ? all : all.stream().filter(s -> s.name().equals(source)).toList();
            if (chosen.isEmpty()) {
                System.err.println("koubei sync: no source named '" + source + "' in " + sources.file() + " (there are: "
                        + String.join(", ", all.stream().map(SourceConfig::name).toList()) + ")");
                return 2;
            }
            String unreachable = ImportCommand.preflight(ctx.getBean(FeedbackBus.class), ctx.getBean(FeedbackStore.class));
            if (unreachable != null) {
                System.err.println("koubei sync: " + unreachable);
                return 2;
            }
            int code = 0;
            for (SourceConfig s : chosen) {
                if (!io.koubei.ingest.connect.Connectors.pulled(s)) {
                    System.out.println(s.name() + " (" + s.type() + "): pushed to POST /api/v1/hooks/" + s.name() + "; nothing to pull");
                    continue;
                }
                SyncResult r = sources.run(s);
                r.problems().forEach(p -> System.err.println(s.name() + ": " + p));
                System.out.println(r.describe());
                code = Math.max(code, !r.ok() ? 2 : r.rejected() > 0 ? 1 : 0);
            }
            return code;
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("lock")) {
                System.err.println("koubei sync: the data directory is in use by a running Koubei, which runs the sources"
                        + " on their schedules itself (GET /api/v1/sources shows their status); stop it to sync by hand.");
                return 2;
            }
            throw e;
        }
    }
}
