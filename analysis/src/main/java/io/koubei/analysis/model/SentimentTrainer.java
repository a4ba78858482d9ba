package io.koubei.analysis.model;

import io.koubei.core.feedback.Polarity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Trains {@link LinearSentimentModel}: softmax regression with AdaGrad SGD over shuffled examples.
 * Deterministic for the same examples, features and options.
 */
public final class SentimentTrainer {
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final TrainingOptions options;

    public SentimentTrainer(TrainingOptions options) {
        this.options = options;
    }

    /**
     * @param featurize text → features with the same extractor geometry as {@code options.hashBits()}
     * @param trainedOn what the examples came from, stored in the model
     */
    public LinearSentimentModel train(List<LabelledText> examples, Function<String, SparseVector> featurize, String trainedOn) {
        List<SparseVector> xs = new ArrayList<>(examples.size());
        for (LabelledText e : examples) {
            xs.add(featurize.apply(e.text()));
        }
        List<Polarity> ys = examples.stream().map(LabelledText::label).toList();
        return train(xs, ys, trainedOn);
    }

    public LinearSentimentModel train(List<SparseVector> xs, List<Polarity> ys, String trainedOn) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        List<Polarity> labels = labelsOf(ys);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs at least two classes, got only " + labels);
        }
        FeatureExtractor fx = new FeatureExtractor(options.hashBits());
        int k = labels.size();
        int d = fx.dimensions();
        float[][] w = new float[k][d];
        float[][] g2 = new float[k][d];
        float[] b = new float[k];
        float[] gb = new float[k];
        int[] y = ys.stream().mapToInt(labels::indexOf).toArray();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            order.add(i);
        }
        Random random = new Random(options.seed());
        double lr = options.learningRate();
        double l2 = options.l2();
        double[] z = new double[k];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                SparseVector x = xs.get(i);
                for (int c = 0; c < k; c++) {
                    double s = b[c];
                    for (int j = 0; j < x.size(); j++) {
                        s += w[c][x.index()[j]] * x.value()[j];
                    }
                    z[c] = s + LinearSentimentModel.margin(labels.get(c), x);
                }
                double[] p = LinearSentimentModel.softmax(z);
                for (int c = 0; c < k; c++) {
                    double g = p[c] - (y[i] == c ? 1 : 0);
                    gb[c] += g * g;
                    b[c] -= lr * g / (Math.sqrt(gb[c]) + 1e-8);
                    float[] wc = w[c];
                    float[] gc = g2[c];
                    for (int j = 0; j < x.size(); j++) {
                        int idx = x.index()[j];
                        double grad = g * x.value()[j] + l2 * wc[idx];
                        gc[idx] += grad * grad;
                        wc[idx] -= lr * grad / (Math.sqrt(gc[idx]) + 1e-8);
                    }
                }
            }
        }
        Instant now = Instant.now();
        String version = "sentiment-" + VERSION.format(now);
        return new LinearSentimentModel(new LinearSentimentModel.Info(version, now, trainedOn, xs.size()), labels, fx, w, b);
    }

    /** Classes present, in polarity order (negative, neutral, positive). */
    static List<Polarity> labelsOf(List<Polarity> ys) {
        List<Polarity> out = new ArrayList<>();
        for (Polarity p : Polarity.values()) {
            if (ys.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
