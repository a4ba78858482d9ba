package io.koubei.analysis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Stand-alone entry point for the analysis commands (the same classes are mounted under the koubei CLI). */
@Command(name = "koubei-analysis", mixinStandardHelpOptions = true,
        description = "Koubei text analysis: evaluate, train, benchmark, analyse a text.",
        subcommands = {EvalCommand.class, TrainCommand.class, BenchCommand.class, AnalyzeCommand.class})
public final class AnalysisCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalysisCli()).execute(args));
    }
}
