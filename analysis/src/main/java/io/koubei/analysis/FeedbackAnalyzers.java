package io.koubei.analysis;

import io.koubei.analysis.model.LinearSentimentModel;
import io.koubei.analysis.model.SentimentModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Ways to build the analyzer. */
public final class FeedbackAnalyzers {
    private FeedbackAnalyzers() {
    }

    private static final class Default {
        static final KoubeiAnalyzer INSTANCE = new KoubeiAnalyzer(AnalysisResources.builtIn(), null);
    }

    /** Built-in dictionary, lexicon, rules and taxonomy; no trained model. Shared instance (it is immutable). */
    public static KoubeiAnalyzer builtIn() {
        return Default.INSTANCE;
    }

    /**
     * Built-in resources plus the deployment's files under {@code <dataDir>/analysis/}, and the active trained
     * model of {@code <dataDir>/models/sentiment/} if there is one.
     */
    public static KoubeiAnalyzer fromDataDir(Path dataDir) {
        try {
            LinearSentimentModel model = new SentimentModelStore(dataDir).loadActive().orElse(null);
            return new KoubeiAnalyzer(AnalysisResources.load(dataDir), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
