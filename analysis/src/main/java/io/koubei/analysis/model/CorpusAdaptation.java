package io.koubei.analysis.model;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Deterministic: the same corpus, examples and options give the same model.
 */
public final class CorpusAdaptation {
    /**
     * @param shareFromRules  share of each side kept per round when the rules are the teacher: small, since
     *                        the lexicon is right mostly where it is confident
     * @param shareFromModel  share kept in the first round when a trained model is the teacher (there only
     *                        texts where model and rules agree count); it grows by {@code growthFromModel} per round
     * @param growthFromModel growth of that share per round
     * @param rounds          relabelling rounds
     * @param minTexts        smallest corpus worth adapting to
     * @param pseudoWeight    total weight of the pseudo-labelled examples relative to the labelled ones (each at
     *                        least 1), so a large labelled set from another domain does not drown the corpus
     * @param studentLexiconMargin the students' fixed margin from the rules' score: 0, since their labels already
     *                        come from the rules and counting the lexicon twice makes them timid
     * @param maxDrift        self-training can drift (each round trusting the last one's mistakes): a round whose
     *                        student agrees with the confident rules this much less than the first round's did is
     *                        dropped, and the rounds stop
     */
    public record Options(double shareFromRules, double shareFromModel, double growthFromModel, int rounds, int minTexts,
            double pseudoWeight, double studentLexiconMargin, double maxDrift) {
        public static Options defaults() {
            return new Options(0.3, 0.6, 0.1, 5, 100, 0.5, 0, 0.02);
        }

        public Options withMinTexts(int n) {
            return new Options(shareFromRules, shareFromModel, growthFromModel, rounds, n, pseudoWeight, studentLexiconMargin, maxDrift);
        }

        public Options {
            if (shareFromRules <= 0 || shareFromRules > 1 || shareFromModel <= 0 || shareFromModel > 1) {
                throw new IllegalArgumentException("shares must be in (0, 1]");
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be >= 1");
            }
        }

        double share(boolean modelTeacher, int round) {
            return modelTeacher ? Math.min(1, shareFromModel + growthFromModel * round) : shareFromRules;
        }
    }

    /** What an adaptation did, for the model's description and the evaluation output. */
    public record Report(int corpusTexts, int labelledExamples, int pseudoPositive, int pseudoNegative, int rounds, double agreement,
            boolean stoppedForDrift) {
        public String describe() {
            return "adapted to " + corpusTexts + " unlabelled texts (" + rounds + " rounds" + (stoppedForDrift ? ", stopped before drifting" : "")
                    + ", last " + pseudoPositive + " positive / " + pseudoNegative + " negative pseudo-labels"
                    + (labelledExamples > 0 ? ", plus " + labelledExamples + " labelled" : "") + ")";
        }
    }

    /** Texts the rules are this sure of (|score|) are the yardstick of drift. */
    private static final double CONFIDENT_RULES = 0.5;

    public record Result(LinearSentimentModel model, Report report) {
    }

    private final KoubeiAnalyzer rulesOnly;
    private final TrainingOptions training;
    private final Options options;

    /**
     * @param analyzer whose rules and segmentation give the features (its own trained model is ignored)
     * @param training options for each student (its lexicon margin is replaced by the students')
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
        int rounds = 0;
        double firstAgreement = Double.NaN;
        double agreement = Double.NaN;
        boolean drifted = false;
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
            double share = options.share(teacher != null, round);
            int takePos = (int) Math.ceil(positives.size() * share);
            int takeNeg = (int) Math.ceil(negatives.size() * share);
            List<SparseVector> trainX = new ArrayList<>(labelledX);
            List<Polarity> trainY = new ArrayList<>(labelledY);
            for (int k = 0; k < takePos; k++) {
                trainX.add(xs.get(positives.get(k)));
                trainY.add(Polarity.POSITIVE);
            }
            for (int k = 0; k < takeNeg; k++) {
                trainX.add(xs.get(negatives.get(k)));
                trainY.add(Polarity.NEGATIVE);
            }
            LinearSentimentModel next = new SentimentTrainer(training).train(trainX, trainY, weights(labelledX.size(), takePos + takeNeg), trainedOn);
            double[] nextScore = new double[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                nextScore[i] = next.score(next.probabilities(xs.get(i)));
            }
            double a = agreementWithConfidentRules(rules, nextScore);
            if (round == 0) {
                firstAgreement = a;
            } else if (a < firstAgreement - options.maxDrift()) {
                drifted = true; // keep the previous round's student
                break;
            }
            student = next;
            score = nextScore;
            pos = takePos;
            neg = takeNeg;
            agreement = a;
            rounds = round + 1;
        }
        if (student == null) {
            throw new IllegalArgumentException("cannot adapt: the corpus has no texts the teacher finds positive and negative");
        }
        Report report = new Report(corpus.size(), labelled.size(), pos, neg, rounds, agreement, drifted);
        return new Result(student.describedAs(trainedOn + "; " + report.describe()), report);
    }

    /** Share of the texts the rules are confident about on which the scores agree in sign (1 when there are none). */
    static double agreementWithConfidentRules(double[] rules, double[] score) {
        int confident = 0;
        int agree = 0;
        for (int i = 0; i < rules.length; i++) {
            if (Math.abs(rules[i]) >= CONFIDENT_RULES) {
                confident++;
                if (Math.signum(rules[i]) == Math.signum(score[i])) {
                    agree++;
                }
            }
        }
        return confident == 0 ? 1 : (double) agree / confident;
    }

    /** Labelled examples weigh 1; the pseudo-labelled ones together {@link Options#pseudoWeight()} × the labelled total. */
    double[] weights(int labelled, int pseudo) {
        double w = labelled == 0 ? 1 : Math.max(1, options.pseudoWeight() * labelled / pseudo);
        double[] out = new double[labelled + pseudo];
        Arrays.fill(out, 0, labelled, 1);
        Arrays.fill(out, labelled, out.length, w);
        return out;
    }
}
