package io.koubei.analysis.cli;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import java.nio.file.Path;

final class Analyzers {
    private Analyzers() {
    }

    /** The deployment's analyzer when a data directory is given, else the built-in one. */
    static KoubeiAnalyzer of(Path dataDir) {
        return dataDir == null ? FeedbackAnalyzers.builtIn() : FeedbackAnalyzers.fromDataDir(dataDir);
    }
}
