package io.koubei.analysis.model;

import io.koubei.core.feedback.Polarity;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained multinomial logistic regression over {@link FeatureExtractor} features (2 classes, or 3 with
 * neutral). Immutable; saved as a versioned, gzip-compressed binary file with only the non-zero weights.
 */
public final class LinearSentimentModel {
    private static final int MAGIC = 0x4B42534D; // "KBSM"
    private static final int FORMAT = 3;
    /** Default logit margin toward positive per unit of the rules' score (feature 0): the lexicon is the starting point. */
    public static final double LEXICON_MARGIN = 2.0;

    /** @param trainedOn free text: what it was trained on (file names, channel, example count) */
    public record Info(String version, Instant createdAt, String trainedOn, int examples) {
    }

    private final Info info;
    private final List<Polarity> labels;
    private final FeatureExtractor features;
    private final float[][] weights;
    private final float[] bias;
    /** Naive-Bayes log-count ratio per feature (NB-LR, binary models), or null: features are scaled by it. */
    private final float[] nb;
    private final double lexiconMargin;

    LinearSentimentModel(Info info, List<Polarity> labels, FeatureExtractor features, float[][] weights, float[] bias, float[] nb,
            double lexiconMargin) {
        this.nb = nb;
        this.lexiconMargin = lexiconMargin;
        this.info = info;
        this.labels = List.copyOf(labels);
        this.features = features;
        this.weights = weights;
        this.bias = bias;
    }

    public Info info() {
        return info;
    }

    /** The same model with another description of what it was trained on. */
    public LinearSentimentModel describedAs(String trainedOn) {
        return new LinearSentimentModel(new Info(info.version(), info.createdAt(), trainedOn, info.examples()), labels, features, weights, bias, nb,
                lexiconMargin);
    }

    public String version() {
        return info.version();
    }

    public List<Polarity> labels() {
        return labels;
    }

    public FeatureExtractor features() {
        return features;
    }

    /** Class probabilities in {@link #labels()} order. */
    public double[] probabilities(SparseVector x) {
        int k = labels.size();
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            double s = bias[c];
            float[] w = weights[c];
            for (int j = 0; j < x.size(); j++) {
                int idx = x.index()[j];
                s += w[idx] * x.value()[j] * (nb == null ? 1f : nb[idx]);
            }
            z[c] = s + margin(c, x);
        }
        return softmax(z);
    }

    double margin(int c, SparseVector x) {
        return margin(labels.get(c), x, lexiconMargin);
    }

    static double margin(Polarity label, SparseVector x, double lexiconMargin) {
        double lex = x.size() > 0 && x.index()[0] == 0 ? x.value()[0] : 0;
        return label == Polarity.POSITIVE ? lexiconMargin * lex / 2 : label == Polarity.NEGATIVE ? -lexiconMargin * lex / 2 : 0;
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** P(positive) − P(negative), in [-1, 1]. */
    public double score(double[] p) {
        double s = 0;
        for (int c = 0; c < labels.size(); c++) {
            if (labels.get(c) == Polarity.POSITIVE) {
                s += p[c];
            } else if (labels.get(c) == Polarity.NEGATIVE) {
                s -= p[c];
            }
        }
        return Math.max(-1, Math.min(1, s));
    }

    /** Weight of a feature name toward positive (w_pos − w_neg, signed by its hash): explains a prediction. */
    public double towardPositive(String featureName) {
        int b = features.bucket(featureName);
        return features.sign(featureName) * towardPositive(b) * (nb == null ? 1 : nb[b]);
    }

    double towardPositive(int bucket) {
        double s = 0;
        for (int c = 0; c < labels.size(); c++) {
            if (labels.get(c) == Polarity.POSITIVE) {
                s += weights[c][bucket];
            } else if (labels.get(c) == Polarity.NEGATIVE) {
                s -= weights[c][bucket];
            }
        }
        return s;
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            write(os);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public void write(OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os)));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(info.version());
        out.writeLong(info.createdAt().toEpochMilli());
        out.writeUTF(info.trainedOn());
        out.writeInt(info.examples());
        out.writeInt(features.bits());
        out.writeInt(labels.size());
        for (Polarity p : labels) {
            out.writeUTF(p.wireName());
        }
        out.writeDouble(lexiconMargin);
        out.writeBoolean(nb != null);
        if (nb != null) {
            for (float v : nb) {
                out.writeFloat(v);
            }
        }
        for (int c = 0; c < labels.size(); c++) {
            out.writeFloat(bias[c]);
            float[] w = weights[c];
            int nz = 0;
            for (float v : w) {
                if (v != 0f) {
                    nz++;
                }
            }
            out.writeInt(nz);
            for (int j = 0; j < w.length; j++) {
                if (w[j] != 0f) {
                    out.writeInt(j);
                    out.writeFloat(w[j]);
                }
            }
        }
        out.flush();
        out.close();
    }

    public static LinearSentimentModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read sentiment model " + file + ": " + e.getMessage(), e);
        }
    }

    /** What a model file says about itself, without reading its weights. */
    public static Info readInfo(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file)) {
            return header(new DataInputStream(new BufferedInputStream(new GZIPInputStream(is))));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read sentiment model " + file + ": " + e.getMessage(), e);
        }
    }

    private static Info header(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Koubei sentiment model");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported model format " + format + " (this build reads " + FORMAT
                    + "; models of older builds use other features: train a new one with `koubei train sentiment`)");
        }
        return new Info(in.readUTF(), Instant.ofEpochMilli(in.readLong()), in.readUTF(), in.readInt());
    }

    public static LinearSentimentModel read(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is)));
        Info info = header(in);
        FeatureExtractor fx = new FeatureExtractor(in.readInt());
        int k = in.readInt();
        List<Polarity> labels = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            labels.add(Polarity.fromWire(in.readUTF()));
        }
        double lexiconMargin = in.readDouble();
        float[] nb = null;
        if (in.readBoolean()) {
            nb = new float[fx.dimensions()];
            for (int j = 0; j < nb.length; j++) {
                nb[j] = in.readFloat();
            }
        }
        float[][] w = new float[k][fx.dimensions()];
        float[] b = new float[k];
        for (int c = 0; c < k; c++) {
            b[c] = in.readFloat();
            int nz = in.readInt();
            for (int i = 0; i < nz; i++) {
                int j = in.readInt();
                w[c][j] = in.readFloat();
            }
        }
        return new LinearSentimentModel(info, labels, fx, w, b, nb, lexiconMargin);
    }
}
