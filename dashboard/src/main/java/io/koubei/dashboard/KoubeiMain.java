package io.koubei.dashboard;

import io.koubei.analysis.cli.AnalyzeCommand;
import io.koubei.analysis.cli.BenchCommand;
import io.koubei.analysis.cli.EvalCommand;
import io.koubei.analysis.cli.TrainCommand;
import io.koubei.dashboard.cli.DemoCommand;
import io.koubei.dashboard.cli.ImportCommand;
import io.koubei.dashboard.cli.PrivacyCommand;
import io.koubei.dashboard.cli.ReportCommand;
import io.koubei.dashboard.cli.ServeCommand;
import io.koubei.dashboard.cli.SyncCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code koubei}: the single entry point of the jar. Without arguments it serves the dashboard.
 * Sub-commands that finish (import, demo, eval…) exit with their code; {@code serve} keeps running.
 */
@Command(name = "koubei", mixinStandardHelpOptions = true, version = "koubei 0.1.0",
        description = "口碑 Koubei: multi-channel word-of-mouth monitoring for product teams.",
        subcommands = {ServeCommand.class, ImportCommand.class, SyncCommand.class, DemoCommand.class, ReportCommand.class,
                PrivacyCommand.class, io.koubei.dashboard.cli.ThemesCommand.class,
                EvalCommand.class, TrainCommand.class, AnalyzeCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public class KoubeiMain implements Runnable {

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        int code = commandLine().execute(effective);
        if (!ServeCommand.isServing()) {
            System.exit(code);
        }
    }

    /**
     * The command line with one sentence, not a stack trace, for a command that fails as a whole, and exit code 2 ("could
     * not finish"; 1 stays "some rows were rejected"). {@code KOUBEI_STACKTRACE=1} prints the trace as well.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KoubeiMain());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                    : root.getMessage().strip().lines().findFirst().orElse("");
            command.getErr().println("koubei " + command.getCommandName() + ": " + message);
            if ("1".equals(System.getenv("KOUBEI_STACKTRACE"))) {
                e.printStackTrace(command.getErr());
            }
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
