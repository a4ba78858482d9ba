package io.koubei.analysis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Check Koubei's analysis on your own labelled data.",
        subcommands = {EvalSentimentCommand.class, EvalAspectsCommand.class, EvalThemesCommand.class})
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
