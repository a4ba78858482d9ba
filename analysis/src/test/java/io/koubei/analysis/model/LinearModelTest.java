package io.koubei.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearModelTest {
    private static final TrainingOptions SMALL = new TrainingOptions(10, 0.3, 1e-6, 16, 42L);
    private final KoubeiAnalyzer analyzer = FeedbackAnalyzers.builtIn();

    /** A team's own vocabulary the built-in lexicon does not know: 丝血 (battery almost empty) is bad, 满血 good. */
    static List<LabelledText> examples() {
        List<LabelledText> out = new ArrayList<>();
        String[] products = {"手机", "平板", "手表", "耳机", "电脑"};
        for (String p : products) {
            out.add(new LabelledText(p + "下午就丝血了", Polarity.NEGATIVE));
            out.add(new LabelledText("这个" + p + "一天丝血两次", Polarity.NEGATIVE));
            out.add(new LabelledText(p + "用到晚上还是满血", Polarity.POSITIVE));
            out.add(new LabelledText("这个" + p + "一整天满血", Polarity.POSITIVE));
        }
        return out;
    }

    @Test
    void learnsATeamsOwnVocabulary() {
        LinearSentimentModel model = SentimentTraining.train(analyzer, examples(), SMALL, "test examples");
        KoubeiAnalyzer trained = analyzer.withModel(model);
        assertThat(analyzer.sentiment("相机中午就丝血").score()).isEqualTo(0.0);
        assertThat(trained.sentiment("相机中午就丝血").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(trained.sentiment("相机到晚上还满血").polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(trained.version()).startsWith(KoubeiAnalyzer.BUILT_IN_VERSION + "+sentiment-");
        assertThat(trained.sentiment("相机中午就丝血").explanation()).anyMatch(e -> e.startsWith("model "));
    }

    @Test
    void aTwoClassModelLeavesCuelessInformationalTextsNeutral() {
        KoubeiAnalyzer trained = analyzer.withModel(SentimentTraining.train(analyzer, examples(), SMALL, "test examples"));
        assertThat(trained.sentiment("请问这款什么时候发货").polarity()).isEqualTo(Polarity.NEUTRAL);
        assertThat(trained.sentiment("请问这款什么时候发货").score()).isNotEqualTo(0.0); // the model still leans
        assertThat(trained.sentiment("这款太差了").polarity()).isEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void trainingIsDeterministicAndSaveLoadRoundTrips(@TempDir Path dataDir) throws Exception {
        LinearSentimentModel a = SentimentTraining.train(analyzer, examples(), SMALL, "test examples");
        LinearSentimentModel b = SentimentTraining.train(analyzer, examples(), SMALL, "test examples");
        SparseVector x = analyzer.features("平板下午就丝血了", a.features());
        assertThat(b.probabilities(x)).containsExactly(a.probabilities(x));

        SentimentModelStore store = new SentimentModelStore(dataDir);
        Path file = store.save(a, true);
        assertThat(file).exists();
        assertThat(store.activeVersion()).contains(a.version());
        LinearSentimentModel loaded = store.loadActive().orElseThrow();
        assertThat(loaded.version()).isEqualTo(a.version());
        assertThat(loaded.labels()).containsExactly(Polarity.NEGATIVE, Polarity.POSITIVE);
        assertThat(loaded.info().trainedOn()).isEqualTo("test examples");
        assertThat(loaded.probabilities(x)).containsExactly(a.probabilities(x));
        assertThat(FeedbackAnalyzers.fromDataDir(dataDir).version()).isEqualTo(KoubeiAnalyzer.BUILT_IN_VERSION + "+" + a.version());
    }

    @Test
    void selfTrainingLabelsFromRatings() {
        List<SelfTraining.RatedText> rated = List.of(
                new SelfTraining.RatedText("充电太慢，很失望", new Rating(RatingScale.NPS, 3)),
                new SelfTraining.RatedText("还行吧，没什么特别的", new Rating(RatingScale.NPS, 7)),
                new SelfTraining.RatedText("拍照太好了，推荐给朋友", new Rating(RatingScale.NPS, 10)),
                new SelfTraining.RatedText("物流慢，包装破损", new Rating(RatingScale.STARS, 2)),
                new SelfTraining.RatedText("一般，凑合能用", new Rating(RatingScale.STARS, 3)),
                new SelfTraining.RatedText("客服很耐心地解决了问题", new Rating(RatingScale.CSAT, 5)),
                new SelfTraining.RatedText("好", new Rating(RatingScale.STARS, 5)));
        assertThat(SelfTraining.fromRatings(rated, false)).extracting(LabelledText::label).containsExactly(
                Polarity.NEGATIVE, Polarity.POSITIVE, Polarity.NEGATIVE, Polarity.POSITIVE);
        assertThat(SelfTraining.fromRatings(rated, true)).extracting(LabelledText::label).containsExactly(
                Polarity.NEGATIVE, Polarity.NEUTRAL, Polarity.POSITIVE, Polarity.NEGATIVE, Polarity.NEUTRAL, Polarity.POSITIVE);
    }
}
