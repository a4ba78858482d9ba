package io.koubei.analysis.eval;

import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy, macro-F1, per-class precision/recall and the confusion matrix of polarity predictions.
 * With binary labels an undecided prediction (neutral, score 0) is its own column and always wrong.
 */
public final class ClassificationReport {
    private final List<Polarity> classes;
    private final List<String> predictedColumns;
    private final long[][] confusion;
    private long n;
    private long correct;

    /** @param classes the true classes evaluated (2 for binary, 3 with neutral) */
    public ClassificationReport(List<Polarity> classes) {
        this.classes = List.copyOf(classes);
        this.predictedColumns = new ArrayList<>();
        classes.forEach(c -> predictedColumns.add(c.wireName()));
        if (!classes.contains(Polarity.NEUTRAL)) {
            predictedColumns.add("undecided");
        }
        this.confusion = new long[classes.size()][predictedColumns.size()];
    }

    public void add(Polarity truth, Polarity predicted) {
        int row = classes.indexOf(truth);
        if (row < 0) {
            throw new IllegalArgumentException("unexpected true class " + truth);
        }
        int col = classes.indexOf(predicted);
        if (col < 0) {
            col = predictedColumns.size() - 1; // undecided
        }
        confusion[row][col]++;
        n++;
        if (predicted == truth) {
            correct++;
        }
    }

    public void addAll(ClassificationReport other) {
        for (int r = 0; r < confusion.length; r++) {
            for (int c = 0; c < confusion[r].length; c++) {
                confusion[r][c] += other.confusion[r][c];
            }
        }
        n += other.n;
        correct += other.correct;
    }

    public long n() {
        return n;
    }

    public double accuracy() {
        return n == 0 ? 0 : (double) correct / n;
    }

    public double precision(Polarity c) {
        int i = classes.indexOf(c);
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[i];
        }
        return predicted == 0 ? 0 : (double) confusion[i][i] / predicted;
    }

    public double recall(Polarity c) {
        int i = classes.indexOf(c);
        long actual = 0;
        for (long v : confusion[i]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[i][i] / actual;
    }

    public double f1(Polarity c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double s = 0;
        for (Polarity c : classes) {
            s += f1(c);
        }
        return s / classes.size();
    }

    public long support(Polarity c) {
        long s = 0;
        for (long v : confusion[classes.indexOf(c)]) {
            s += v;
        }
        return s;
    }

    public long cell(Polarity truth, String predictedColumn) {
        return confusion[classes.indexOf(truth)][predictedColumns.indexOf(predictedColumn)];
    }

    /** Ordered map ready for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("accuracy", round(accuracy()));
        m.put("macroF1", round(macroF1()));
        Map<String, Object> per = new LinkedHashMap<>();
        for (Polarity c : classes) {
            Map<String, Object> pc = new LinkedHashMap<>();
            pc.put("precision", round(precision(c)));
            pc.put("recall", round(recall(c)));
            pc.put("f1", round(f1(c)));
            pc.put("support", support(c));
            per.put(c.wireName(), pc);
        }
        m.put("classes", per);
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("rows", classes.stream().map(Polarity::wireName).toList());
        cm.put("columns", List.copyOf(predictedColumns));
        List<List<Long>> rows = new ArrayList<>();
        for (long[] row : confusion) {
            List<Long> r = new ArrayList<>();
            for (long v : row) {
                r.add(v);
            }
            rows.add(r);
        }
        cm.put("matrix", rows);
        m.put("confusion", cm);
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
