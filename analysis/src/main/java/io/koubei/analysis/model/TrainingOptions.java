package io.koubei.analysis.model;

/**
 * @param epochs       passes over the data
 * @param learningRate AdaGrad base rate
 * @param l2           L2 penalty per update
 * @param hashBits     log2 of the feature space
 * @param seed         shuffling seed: same data + same seed = same model
 * @param naiveBayes   scale features by their naive-Bayes log-count ratio (binary models; NB-LR)
 * @param lexiconMargin fixed logit margin toward positive per unit of the rules' score: how much the model
 *                     starts from the lexicon (0 = the rules' score is only a learned feature)
 * @param averaged     keep the average of the weights over all SGD steps rather than the last ones (averaged SGD,
 *                     Polyak–Ruppert): steadier than the last iterate, which depends on the last examples seen
 */
public record TrainingOptions(int epochs, double learningRate, double l2, int hashBits, long seed, boolean naiveBayes,
        double lexiconMargin, boolean averaged) {
    public static TrainingOptions defaults() {
        return new TrainingOptions(10, 0.2, 1e-5, 21, 42L, true, LinearSentimentModel.LEXICON_MARGIN, true);
    }

    public TrainingOptions(int epochs, double learningRate, double l2, int hashBits, long seed) {
        this(epochs, learningRate, l2, hashBits, seed, defaults().naiveBayes(), defaults().lexiconMargin(), defaults().averaged());
    }

    public TrainingOptions withLexiconMargin(double margin) {
        return new TrainingOptions(epochs, learningRate, l2, hashBits, seed, naiveBayes, margin, averaged);
    }

    public TrainingOptions withAveraging(boolean on) {
        return new TrainingOptions(epochs, learningRate, l2, hashBits, seed, naiveBayes, lexiconMargin, on);
    }

    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1");
        }
        if (learningRate <= 0) {
            throw new IllegalArgumentException("learning rate must be > 0");
        }
    }
}
