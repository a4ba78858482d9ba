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
 * Trains {@link LinearSentimentModel}: softmax regression with AdaGrad SGD over shuffled examples, keeping by
 * default the average of the weights over all steps (averaged SGD). Deterministic for the same examples, features
 * and options.
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
        return train(xs, ys, null, trainedOn);
    }

    /** @param weights per-example weight (null = all 1): scales the example's gradient and naive-Bayes counts */
    public LinearSentimentModel train(List<SparseVector> xs, List<Polarity> ys, double[] weights, String trainedOn) {
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
        float[] nb = k == 2 && options.naiveBayes() ? logCountRatio(xs, y, weights, d) : null;
        if (nb != null) {
            List<SparseVector> scaled = new ArrayList<>(xs.size());
            for (SparseVector x : xs) {
                float[] v = x.value().clone();
                for (int j = 0; j < v.length; j++) {
                    v[j] *= nb[x.index()[j]];
                }
                scaled.add(new SparseVector(x.index(), v));
            }
            xs = scaled;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            order.add(i);
        }
        Random random = new Random(options.seed());
        double lr = options.learningRate();
        double l2 = options.l2();
        double[] z = new double[k];
        StepAverage avgW = options.averaged() ? new StepAverage(k, d) : null;
        StepAverage avgB = options.averaged() ? new StepAverage(1, k) : null;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                SparseVector x = xs.get(i);
                for (int c = 0; c < k; c++) {
                    double s = b[c];
                    for (int j = 0; j < x.size(); j++) {
                        s += w[c][x.index()[j]] * x.value()[j];
                    }
                    z[c] = s + LinearSentimentModel.margin(labels.get(c), x, options.lexiconMargin());
                }
                double[] p = LinearSentimentModel.softmax(z);
                // two classes: plain logistic regression (the first class's row stays 0, its logit is the reference)
                for (int c = k == 2 ? 1 : 0; c < k; c++) {
                    double g = (p[c] - (y[i] == c ? 1 : 0)) * (weights == null ? 1 : weights[i]);
                    gb[c] += g * g;
                    double db = lr * g / (Math.sqrt(gb[c]) + 1e-8);
                    b[c] -= db;
                    if (avgB != null) {
                        avgB.moved(0, c, -db);
                    }
                    float[] wc = w[c];
                    float[] gc = g2[c];
                    for (int j = 0; j < x.size(); j++) {
                        int idx = x.index()[j];
                        double grad = g * x.value()[j] + l2 * wc[idx];
                        gc[idx] += grad * grad;
                        double dw = lr * grad / (Math.sqrt(gc[idx]) + 1e-8);
                        wc[idx] -= dw;
                        if (avgW != null) {
                            avgW.moved(c, idx, -dw);
                        }
                    }
                }
                if (avgW != null) {
                    avgW.step();
                    avgB.step();
                }
            }
        }
        if (avgW != null) {
            avgW.averageInto(w);
            avgB.averageRowInto(0, b);
        }
        Instant now = Instant.now();
        String version = "sentiment-" + VERSION.format(now);
        return new LinearSentimentModel(new LinearSentimentModel.Info(version, now, trainedOn, xs.size()), labels, fx, w, b, nb, options.lexiconMargin());
    }

    /**
     * The running mean of weight vectors over SGD steps without touching every weight at every step: after T
     * steps, mean = w_T − (1/T) Σ_s (s − 1) δ_s, where δ_s is what step s added to a weight (the lazy form of
     * averaged SGD, so a step costs only the features it touches).
     */
    static final class StepAverage {
        private final double[][] acc;
        private long steps;

        StepAverage(int rows, int d) {
            acc = new double[rows][d];
        }

        /** During the current step, weight (row, j) changed by delta. */
        void moved(int row, int j, double delta) {
            acc[row][j] += steps * delta;
        }

        /** The current step is over. */
        void step() {
            steps++;
        }

        /** Replaces the last weights by the mean of the weights after each step. */
        void averageInto(float[][] w) {
            for (int c = 0; c < w.length; c++) {
                averageRowInto(c, w[c]);
            }
        }

        void averageRowInto(int row, float[] w) {
            if (steps == 0) {
                return;
            }
            double[] a = acc[row];
            for (int j = 0; j < w.length; j++) {
                if (a[j] != 0) {
                    w[j] = (float) (w[j] - a[j] / steps);
                }
            }
        }
    }

    /**
     * NB-LR (Wang &amp; Manning 2012): r_j = log of (positive share of feature j) / (negative share), smoothed;
     * the dense rule features keep scale 1.
     */
    static float[] logCountRatio(List<SparseVector> xs, int[] y, double[] weights, int d) {
        double alpha = 1.0;
        double[] p = new double[d];
        double[] q = new double[d];
        for (int i = 0; i < xs.size(); i++) {
            double[] t = y[i] == 1 ? p : q;
            SparseVector x = xs.get(i);
            for (int j = 0; j < x.size(); j++) {
                t[x.index()[j]] += Math.abs(x.value()[j]) > 0 ? (weights == null ? 1 : weights[i]) : 0;
            }
        }
        double sp = 0;
        double sq = 0;
        for (int j = 0; j < d; j++) {
            sp += p[j] + alpha;
            sq += q[j] + alpha;
        }
        float[] r = new float[d];
        for (int j = 0; j < d; j++) {
            r[j] = j < FeatureExtractor.DENSE ? 1f : (float) Math.abs(Math.log(((p[j] + alpha) / sp) / ((q[j] + alpha) / sq)));
        }
        return r;
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
