package io.koubei.analysis.eval;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.model.CorpusAdaptation;
import io.koubei.analysis.model.FeatureExtractor;
import io.koubei.analysis.model.LabelledText;
import io.koubei.analysis.model.LinearSentimentModel;
import io.koubei.analysis.model.SentimentTrainer;
import io.koubei.analysis.model.SparseVector;
import io.koubei.analysis.model.TrainingOptions;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Sentiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Measures sentiment on labelled texts: zero-shot, after training on other data, or by k-fold cross-validation. */
public final class SentimentEvaluation {
    private final KoubeiAnalyzer analyzer;
    private final LabelType labelType;
    private final boolean excludeNeutral;
    private int showErrors;
    private CorpusAdaptation.Options adaptation;
    private final java.util.Random errorSample = new java.util.Random(1);

    /** Print up to n misclassified rows (text, label, explanation) to stderr: for checking the rules on your own data. */
    /** One test row's prediction, in the order of the test rows. */
    public record Prediction(Polarity predicted, double score) {
    }

    private List<Prediction> predictions;

    /** Keeps each test row's prediction (zero-shot and trained runs; not cross-validation) for {@link #predictions()}. */
    public SentimentEvaluation keepPredictions() {
        this.predictions = new ArrayList<>();
        return this;
    }

    public List<Prediction> predictions() {
        return predictions == null ? List.of() : List.copyOf(predictions);
    }

    public SentimentEvaluation showErrors(int n) {
        this.showErrors = n;
        return this;
    }

    /**
     * Adapt to the input's own (unlabelled) texts before predicting them, as the platform adapts to its store:
     * null = never. Labels of the input are never used for it.
     */
    public SentimentEvaluation adaptTo(CorpusAdaptation.Options options) {
        this.adaptation = options;
        return this;
    }

    public SentimentEvaluation(KoubeiAnalyzer analyzer, LabelType labelType, boolean excludeNeutral) {
        this.analyzer = analyzer;
        this.labelType = labelType;
        this.excludeNeutral = excludeNeutral;
    }

    /** The analyzer as it is (built-in rules, or its active model). */
    public Map<String, Object> evaluate(List<LabelledText> test) {
        return evaluate(test, TrainingOptions.defaults());
    }

    public Map<String, Object> evaluate(List<LabelledText> test, TrainingOptions options) {
        Adapted a = adapted(test, List.of(), analyzer.model().orElse(null), options, "zero-shot");
        KoubeiAnalyzer used = a == null ? analyzer : analyzer.withModel(a.model);
        Result r = run(used, test);
        Map<String, Object> out = output(r, "zero-shot", used.version(), test.size());
        out.put("adaptation", a == null ? adaptationSkipped(test.size()) : a.report);
        return out;
    }

    public Map<String, Object> trainThenEvaluate(List<LabelledText> train, List<LabelledText> test, TrainingOptions options, String trainedOn) {
        LinearSentimentModel model = train(train, options, trainedOn);
        Adapted a = adapted(test, train, model, options, trainedOn);
        KoubeiAnalyzer used = analyzer.withModel(a == null ? model : a.model);
        Result r = run(used, test);
        Map<String, Object> out = output(r, "trained", used.version(), test.size());
        out.put("trainN", train.size());
        out.put("adaptation", a == null ? adaptationSkipped(test.size()) : a.report);
        return out;
    }

    private record Adapted(LinearSentimentModel model, Map<String, Object> report) {
    }

    /** Adapts to the test texts (never their labels) when asked and worth it; null otherwise. */
    private Adapted adapted(List<LabelledText> test, List<LabelledText> labelled, LinearSentimentModel teacher, TrainingOptions options, String trainedOn) {
        if (adaptation == null) {
            return null;
        }
        CorpusAdaptation ca = new CorpusAdaptation(analyzer, options, adaptation);
        if (!ca.isWorthIt(test.size())) {
            return null;
        }
        CorpusAdaptation.Result r = ca.adapt(test.stream().map(LabelledText::text).toList(), labelled, teacher, trainedOn);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("unlabelledTexts", r.report().corpusTexts());
        report.put("rounds", r.report().rounds());
        report.put("pseudoPositive", r.report().pseudoPositive());
        report.put("pseudoNegative", r.report().pseudoNegative());
        report.put("agreementWithConfidentRules", ClassificationReport.round(r.report().agreement()));
        report.put("stoppedBeforeDrifting", r.report().stoppedForDrift());
        return new Adapted(r.model(), report);
    }

    private Object adaptationSkipped(int n) {
        if (adaptation == null) {
            return "off";
        }
        return "skipped: " + n + " texts, fewer than " + adaptation.minTexts();
    }

    public Map<String, Object> crossValidate(List<LabelledText> data, int k, TrainingOptions options) {
        recording = false; // folds run in fold order, not row order
        int[] fold = KFold.assign(data.size(), k, options.seed());
        FeatureExtractor fx = new FeatureExtractor(options.hashBits());
        List<SparseVector> xs = data.parallelStream().map(e -> analyzer.features(e.text(), fx)).toList();
        Result total = new Result(newReport(), 0);
        List<Double> foldAccuracy = new ArrayList<>();
        int adaptedFolds = 0;
        for (int f = 0; f < k; f++) {
            List<SparseVector> trainX = new ArrayList<>();
            List<Polarity> trainY = new ArrayList<>();
            List<LabelledText> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == f) {
                    test.add(data.get(i));
                } else {
                    trainX.add(xs.get(i));
                    trainY.add(data.get(i).label());
                }
            }
            LinearSentimentModel model = new SentimentTrainer(options).train(trainX, trainY, "fold " + (f + 1) + "/" + k);
            List<LabelledText> trainExamples = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    trainExamples.add(data.get(i));
                }
            }
            Adapted a = adapted(test, trainExamples, model, options, "fold " + (f + 1) + "/" + k);
            if (a != null) {
                model = a.model;
                adaptedFolds++;
            }
            Result r = run(analyzer.withModel(model), test);
            foldAccuracy.add(ClassificationReport.round(r.report.accuracy()));
            total.report.addAll(r.report);
            total.nanos += r.nanos;
        }
        Map<String, Object> out = output(total, k + "-fold", analyzer.version() + "+trained", data.size());
        out.put("foldAccuracy", foldAccuracy);
        out.put("adaptation", adaptation == null ? "off" : adaptedFolds == k ? "each fold adapted to its unlabelled test texts" : adaptedFolds + " of " + k + " folds adapted (test folds smaller than " + adaptation.minTexts() + " are not)");
        return out;
    }

    public LinearSentimentModel train(List<LabelledText> train, TrainingOptions options, String trainedOn) {
        FeatureExtractor fx = new FeatureExtractor(options.hashBits());
        List<SparseVector> xs = train.parallelStream().map(e -> analyzer.features(e.text(), fx)).toList();
        return new SentimentTrainer(options).train(xs, train.stream().map(LabelledText::label).toList(), trainedOn);
    }

    private static final class Result {
        final ClassificationReport report;
        long nanos;

        Result(ClassificationReport report, long nanos) {
            this.report = report;
            this.nanos = nanos;
        }
    }

    private boolean recording = true;

    private Result run(KoubeiAnalyzer a, List<LabelledText> test) {
        ClassificationReport report = newReport();
        long start = System.nanoTime();
        for (LabelledText e : test) {
            Sentiment s = a.sentiment(e.text());
            Polarity p = predicted(s);
            report.add(e.label(), p);
            if (predictions != null && recording) {
                predictions.add(new Prediction(p, s.score()));
            }
            if (p != e.label() && showErrors > 0 && errorSample.nextInt(10) == 0) {
                showErrors--;
                System.err.println(e.label().wireName() + "\t" + String.format("%.2f", s.score()) + "\t" + e.text() + "\t" + s.explanation());
            }
        }
        return new Result(report, System.nanoTime() - start);
    }

    /** Binary labels: the sign of the score decides, exactly 0 is undecided. Otherwise the polarity. */
    Polarity predicted(Sentiment s) {
        if (labelType == LabelType.BINARY) {
            return s.score() > 0 ? Polarity.POSITIVE : s.score() < 0 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        }
        return s.polarity();
    }

    private ClassificationReport newReport() {
        boolean neutral = labelType != LabelType.BINARY && !excludeNeutral;
        return new ClassificationReport(neutral
                ? List.of(Polarity.NEGATIVE, Polarity.NEUTRAL, Polarity.POSITIVE)
                : List.of(Polarity.NEGATIVE, Polarity.POSITIVE));
    }

    private Map<String, Object> output(Result r, String mode, String model, int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode);
        out.put("model", model);
        out.put("labelType", labelType.name().toLowerCase());
        out.putAll(r.report.toMap());
        double secs = r.nanos / 1e9;
        out.put("itemsPerSecond", secs > 0 ? Math.round(r.report.n() / secs) : null);
        return out;
    }
}
