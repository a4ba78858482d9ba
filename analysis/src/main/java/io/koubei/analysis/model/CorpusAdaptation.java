package io.koubei.analysis.model;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adapts sentiment to a team's own unlabelled feedback by self-training: a teacher (the built-in rules, or a
 * model trained on labelled data) labels the corpus; the texts it is most confident about, the same share of
 * each side, become training examples for a student over the corpus's own words and character n-grams; the
 * student relabels the corpus, and so on for a few rounds. The student learns the corpus's vocabulary (what
 * 隔音, 坨了 or 掉帧 mean here) from the contexts the lexicon already understands.
 *
 * <p>Binary: pseudo-labels are positive or negative (neutral is not learnt from confidence). Needs a corpus
 * of a reasonable size; below {@link Options#minTexts()} it is not worth it and {@link #isWorthIt} says no.
 */
public final class CorpusAdaptation {
    /**
     * @param share    share of each predicted side taken as pseudo-labelled examples per round (most confident first)
     * @param rounds   relabelling rounds
     * @param minTexts smallest corpus worth adapting to
     * @param pseudoWeight total weight of the pseudo-labelled examples relative to the labelled ones
     * @param studentLexiconMargin the students' fixed margin from the rules' score: 0, since their labels
     *                 already come from the rules and counting the lexicon twice makes them timid
     */
    public record Options(double share, int rounds, int minTexts, double studentLexiconMargin, double pseudoWeight) {
        public static Options defaults() {
            return new Options(Double.parseDouble(System.getProperty("koubei.adapt.share", "0.3")), Integer.getInteger("koubei.adapt.rounds", 4), 1000,
                    Double.parseDouble(System.getProperty("koubei.adapt.margin", "0")), Double.parseDouble(System.getProperty("koubei.adapt.pw", "0.5")));
        }

        public Options withMinTexts(int n) {
            return new Options(share, rounds, n, studentLexiconMargin, pseudoWeight);
        }

        public Options {
            if (share <= 0 || share > 1) {
                throw new IllegalArgumentException("share must be in (0, 1]: " + share);
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be >= 1");
            }
        }
    }

    /** What an adaptation did, for the model's description and the evaluation output. */
    public record Report(int corpusTexts, int labelledExamples, int pseudoPositive, int pseudoNegative, int rounds) {
        public String describe() {
            return "adapted to " + corpusTexts + " unlabelled texts (" + rounds + " rounds, last " + pseudoPositive + " positive / "
                    + pseudoNegative + " negative pseudo-labels" + (labelledExamples > 0 ? ", plus " + labelledExamples + " labelled" : "") + ")";
        }
    }

    public record Result(LinearSentimentModel model, Report report) {
    }

    private final KoubeiAnalyzer rulesOnly;
    private final TrainingOptions training;
    private final Options options;

    /**
     * @param analyzer whose rules and segmentation give the features (its own trained model is ignored)
     * @param training options for each student (its lexicon margin is the student's)
     */
    public CorpusAdaptation(KoubeiAnalyzer analyzer, TrainingOptions training, Options options) {
        this.rulesOnly = analyzer.withModel(null);
        this.training = training.withLexiconMargin(options.studentLexiconMargin());
        this.options = options;
    }

    public boolean isWorthIt(int corpusTexts) {
        return corpusTexts >= options.minTexts();
    }

    /**
     * @param corpus   unlabelled texts to adapt to
     * @param labelled labelled examples kept in every round (may be empty: zero-shot adaptation)
     * @param teacher  first labeller; null = the built-in rules (texts they score exactly 0 are left out)
     */
    /**
     * Labelled examples weigh 1; pseudo-labelled ones together weigh {@link Options#pseudoWeight()} × the
     * labelled total (at least 1 each), so a large labelled set from another domain does not drown the corpus.
     */
    double[] weights(int labelled, int pseudo) {
        double w = labelled == 0 ? 1 : Math.max(1, options.pseudoWeight() * labelled / pseudo);
        double[] out = new double[labelled + pseudo];
        java.util.Arrays.fill(out, 0, labelled, 1);
        java.util.Arrays.fill(out, labelled, out.length, w);
        return out;
    }

    public Result adapt(List<String> corpus, List<LabelledText> labelled, LinearSentimentModel teacher, String trainedOn) {
        FeatureExtractor fx = new FeatureExtractor(training.hashBits());
        List<SparseVector> xs = corpus.parallelStream().map(t -> rulesOnly.features(t, fx)).toList();
        List<SparseVector> labelledX = labelled.parallelStream().map(e -> rulesOnly.features(e.text(), fx)).toList();
        List<Polarity> labelledY = labelled.stream().map(LabelledText::label).toList();
        double[] rules = new double[xs.size()];
        double[] score = new double[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            rules[i] = xs.get(i).index()[0] == 0 ? xs.get(i).value()[0] : 0;
            score[i] = teacher == null ? rules[i] : teacher.score(teacher.probabilities(xs.get(i)));
        }
        LinearSentimentModel student = null;
        int pos = 0;
        int neg = 0;
        for (int round = 0; round < options.rounds(); round++) {
            // first round with a trained teacher: keep only texts where it agrees with the rules (two views agree)
            boolean agree = round == 0 && teacher != null;
            List<Integer> positives = new ArrayList<>();
            List<Integer> negatives = new ArrayList<>();
            for (int i = 0; i < score.length; i++) {
                if (score[i] > 0 && (!agree || rules[i] > 0)) {
                    positives.add(i);
                } else if (score[i] < 0 && (!agree || rules[i] < 0)) {
                    negatives.add(i);
                }
            }
            if (positives.isEmpty() || negatives.isEmpty()) {
                break; // one-sided corpus: nothing to contrast
            }
            double[] s = score;
            positives.sort(Comparator.comparingDouble(i -> -s[i]));
            negatives.sort(Comparator.comparingDouble(i -> s[i]));
            pos = (int) Math.ceil(positives.size() * options.share());
            neg = (int) Math.ceil(negatives.size() * options.share());
            List<SparseVector> trainX = new ArrayList<>(labelledX);
            List<Polarity> trainY = new ArrayList<>(labelledY);
            for (int k = 0; k < pos; k++) {
                trainX.add(xs.get(positives.get(k)));
                trainY.add(Polarity.POSITIVE);
            }
            for (int k = 0; k < neg; k++) {
                trainX.add(xs.get(negatives.get(k)));
                trainY.add(Polarity.NEGATIVE);
            }
            student = new SentimentTrainer(training).train(trainX, trainY, weights(labelledX.size(), pos + neg), trainedOn);
            double[] next = new double[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                next[i] = student.score(student.probabilities(xs.get(i)));
            }
            score = next;
        }
        if (student == null) {
            throw new IllegalArgumentException("cannot adapt: the corpus has no texts the teacher finds positive and negative");
        }
        Report report = new Report(corpus.size(), labelled.size(), pos, neg, options.rounds());
        return new Result(student.describedAs(trainedOn + "; " + report.describe()), report);
    }
}
