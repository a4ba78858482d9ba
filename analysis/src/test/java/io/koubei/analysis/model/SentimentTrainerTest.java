package io.koubei.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.Polarity;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SentimentTrainerTest {
    private static final TrainingOptions SMALL = new TrainingOptions(10, 0.3, 1e-6, 16, 42L);

    @Test
    void stepAverageIsTheMeanOfTheWeightsAfterEachStep() {
        int d = 5;
        Random random = new Random(3);
        float[][] w = new float[2][d];
        double[][] sum = new double[2][d];
        SentimentTrainer.StepAverage avg = new SentimentTrainer.StepAverage(2, d);
        int steps = 40;
        for (int s = 0; s < steps; s++) {
            // each step moves a few weights, as an SGD step touches only the features of one example
            for (int m = 0; m < 3; m++) {
                int row = random.nextInt(2);
                int j = random.nextInt(d);
                double delta = random.nextGaussian();
                w[row][j] += (float) delta;
                avg.moved(row, j, delta);
            }
            avg.step();
            for (int row = 0; row < 2; row++) {
                for (int j = 0; j < d; j++) {
                    sum[row][j] += w[row][j];
                }
            }
        }
        avg.averageInto(w);
        for (int row = 0; row < 2; row++) {
            for (int j = 0; j < d; j++) {
                assertThat((double) w[row][j]).isCloseTo(sum[row][j] / steps, within(1e-4));
            }
        }
    }

    @Test
    void averagedTrainingStillLearnsAndIsDeterministic() {
        KoubeiAnalyzer analyzer = FeedbackAnalyzers.builtIn();
        assertThat(SMALL.averaged()).isTrue();
        LinearSentimentModel averaged = SentimentTraining.train(analyzer, LinearModelTest.examples(), SMALL, "test examples");
        LinearSentimentModel again = SentimentTraining.train(analyzer, LinearModelTest.examples(), SMALL, "test examples");
        LinearSentimentModel last = SentimentTraining.train(analyzer, LinearModelTest.examples(), SMALL.withAveraging(false), "test examples");
        SparseVector x = analyzer.features("相机中午就丝血", averaged.features());
        assertThat(again.probabilities(x)).containsExactly(averaged.probabilities(x));
        assertThat(analyzer.withModel(averaged).sentiment("相机中午就丝血").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(analyzer.withModel(averaged).sentiment("相机到晚上还满血").polarity()).isEqualTo(Polarity.POSITIVE);
        // the mean of the iterates is not the last iterate: early, unsure steps pull it toward zero
        double pAveraged = averaged.probabilities(x)[0];
        double pLast = last.probabilities(x)[0];
        assertThat(pAveraged).isNotEqualTo(pLast);
        assertThat(pAveraged).isGreaterThan(0.5);
        assertThat(pLast).isGreaterThan(pAveraged);
    }
}
