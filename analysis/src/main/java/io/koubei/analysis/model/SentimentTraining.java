package io.koubei.analysis.model;

import io.koubei.analysis.KoubeiAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Train a sentiment model with an analyzer's features and keep it as the data directory's new active version. */
public final class SentimentTraining {
    private SentimentTraining() {
    }

    public static LinearSentimentModel train(KoubeiAnalyzer analyzer, List<LabelledText> examples, TrainingOptions options, String trainedOn) {
        FeatureExtractor fx = new FeatureExtractor(options.hashBits());
        List<SparseVector> xs = examples.parallelStream().map(e -> analyzer.features(e.text(), fx)).toList();
        return new SentimentTrainer(options).train(xs, examples.stream().map(LabelledText::label).toList(), trainedOn);
    }

    /** Self-training entry point: rated feedback → model saved (and activated) under {@code <dataDir>/models/sentiment/}. */
    public static Path trainFromRatedItems(KoubeiAnalyzer analyzer, Path dataDir, List<io.koubei.core.feedback.FeedbackItem> rated,
            TrainingOptions options, boolean activate) throws IOException {
        List<LabelledText> examples = SelfTraining.fromItems(rated, false);
        LinearSentimentModel model = train(analyzer.withModel(null), examples, options, "self-training on " + examples.size() + " rated items");
        return new SentimentModelStore(dataDir).save(model, activate);
    }
}
