package io.koubei.dashboard.cli;

import io.koubei.dashboard.report.ReportArchive;
import io.koubei.dashboard.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports.",
        subcommands = ReportCommand.Weekly.class)
public class ReportCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "weekly", mixinStandardHelpOptions = true,
            description = "Build the weekly NPS report and archive it (or write it to --out).")
    public static class Weekly implements Callable<Integer> {
        @Option(names = "--week", description = "ISO week, e.g. 2026-W47 (default: the latest complete week with data).")
        String week;

        @Option(names = "--product", description = "Only this product.")
        String product;

        @Option(names = "--format", defaultValue = "html", description = "html, md or pdf (default ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--out", description = "Write here instead of the archive.")
        Path out;

        @Option(names = "--data-dir", description = "Data directory (default ./data, or $KOUBEI_DATA_DIR).")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            try (var ctx = SpringLauncher.start(false, dataDir, Map.of("koubei.report.cron", ""))) {
                ReportArchive archive = ctx.getBean(ReportArchive.class);
                String w = week == null ? archive.builder().defaultWeek() : week;
                ReportFormat f = ReportFormat.of(format);
                if (out != null) {
                    var rendered = archive.render(archive.builder().build(w, product), f);
                    Files.write(out, rendered.content());
                    System.out.println(out.toAbsolutePath());
                } else {
                    System.out.println(archive.generate(w, product, f).toAbsolutePath());
                }
                return 0;
            }
        }
    }
}
