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

    /** Fewer rated texts than this are not worth a supervised teacher; the corpus alone is used then. */
    public static final int MIN_RATED = 50;

    /** What a self-training run learnt from, for the model's description, the API and the log. */
    public record SelfTrained(LinearSentimentModel model, int rated, int corpusTexts, boolean adapted) {
    }

    /**
     * The platform trains itself: its rated feedback (NPS bands, stars, CSAT; see {@link SelfTraining}) teaches a
     * model, which then adapts to the platform's unlabelled feedback ({@link CorpusAdaptation}). With too few rated
     * texts the rules teach the corpus alone; with too small a corpus the rated model is kept as it is.
     *
     * @throws IllegalArgumentException when there is not enough of either to learn from
     */
    public static SelfTrained selfTrain(KoubeiAnalyzer analyzer, List<LabelledText> rated, List<String> corpus, TrainingOptions options,
            CorpusAdaptation.Options adaptation) {
        KoubeiAnalyzer rules = analyzer.withModel(null);
        boolean bothSides = rated.stream().anyMatch(e -> e.label() == io.koubei.core.feedback.Polarity.POSITIVE)
                && rated.stream().anyMatch(e -> e.label() == io.koubei.core.feedback.Polarity.NEGATIVE);
        boolean teach = rated.size() >= MIN_RATED && bothSides;
        CorpusAdaptation ca = new CorpusAdaptation(rules, options, adaptation);
        String what = "self-training on " + rated.size() + " rated texts";
        if (!teach && !ca.isWorthIt(corpus.size())) {
            throw new IllegalArgumentException("not enough feedback to learn from: " + rated.size() + " rated texts (needs " + MIN_RATED
                    + " with both positive and negative ones) and " + corpus.size() + " texts in all (needs " + adaptation.minTexts() + ")");
        }
        List<LabelledText> labelled = teach ? rated : List.of();
        LinearSentimentModel teacher = teach ? train(rules, labelled, options, what) : null;
        if (!ca.isWorthIt(corpus.size())) {
            return new SelfTrained(teacher, rated.size(), corpus.size(), false);
        }
        CorpusAdaptation.Result r = ca.adapt(corpus, labelled, teacher, teach ? what : "self-training on the corpus alone");
        return new SelfTrained(r.model(), labelled.size(), corpus.size(), true);
    }

    /** Self-training entry point: rated feedback and the corpus → model saved (and activated) under {@code <dataDir>/models/sentiment/}. */
    public static Path trainFromItems(KoubeiAnalyzer analyzer, Path dataDir, List<io.koubei.core.feedback.FeedbackItem> items,
            TrainingOptions options, boolean activate) throws IOException {
        List<LabelledText> rated = SelfTraining.fromItems(items, false);
        List<String> corpus = items.stream().map(SelfTraining::textOf).toList();
        SelfTrained t = selfTrain(analyzer, rated, corpus, options, CorpusAdaptation.Options.defaults());
        return new SentimentModelStore(dataDir).save(t.model(), activate);
    }
}
