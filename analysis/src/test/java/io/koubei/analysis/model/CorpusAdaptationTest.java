package io.koubei.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusAdaptationTest {
    private static final TrainingOptions SMALL = new TrainingOptions(10, 0.3, 1e-6, 16, 42L);
    private static final CorpusAdaptation.Options ANY_SIZE = CorpusAdaptation.Options.defaults().withMinTexts(1);
    private final KoubeiAnalyzer analyzer = FeedbackAnalyzers.builtIn();

    /**
     * A team's corpus where a word the lexicon does not know (丝血: battery almost empty; 满血: full) appears
     * beside words it does know, plus texts where it appears alone.
     */
    static List<String> corpus() {
        String[] products = {"手机", "平板", "手表", "耳机", "电脑", "相机", "音箱", "路由器"};
        String[] bad = {"太失望了", "非常糟糕", "很后悔买了", "真的很差"};
        String[] good = {"非常满意", "太棒了", "很喜欢", "值得推荐"};
        List<String> out = new ArrayList<>();
        for (String p : products) {
            for (int k = 0; k < bad.length; k++) {
                out.add("这个" + p + "下午就丝血了，" + bad[k]);
                out.add("这个" + p + "到晚上还是满血，" + good[k]);
            }
            out.add(p + "一到中午就丝血");
            out.add(p + "用一整天还满血");
        }
        return out;
    }

    @Test
    void learnsTheCorpusVocabularyFromContextsTheLexiconKnows() {
        assertThat(analyzer.sentiment("新买的键盘丝血").score()).isEqualTo(0.0);
        CorpusAdaptation.Result r = new CorpusAdaptation(analyzer, SMALL, ANY_SIZE).adapt(corpus(), List.of(), null, "test corpus");
        KoubeiAnalyzer adapted = analyzer.withModel(r.model());
        // binary decisions (the sign); calling a cue-less text positive or negative needs more certainty (see KoubeiAnalyzer)
        assertThat(adapted.sentiment("新买的键盘丝血").score()).isNegative();
        assertThat(adapted.sentiment("新买的键盘满血").score()).isPositive();
        assertThat(adapted.sentiment("新买的键盘丝血了，太失望了").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(r.report().corpusTexts()).isEqualTo(corpus().size());
        assertThat(r.report().pseudoPositive()).isPositive();
        assertThat(r.report().pseudoNegative()).isPositive();
        assertThat(r.model().info().trainedOn()).contains("adapted to " + corpus().size() + " unlabelled texts");
    }

    @Test
    void isDeterministic() {
        CorpusAdaptation ca = new CorpusAdaptation(analyzer, SMALL, ANY_SIZE);
        LinearSentimentModel a = ca.adapt(corpus(), List.of(), null, "x").model();
        LinearSentimentModel b = ca.adapt(corpus(), List.of(), null, "x").model();
        SparseVector x = analyzer.features("平板丝血了", a.features());
        assertThat(b.probabilities(x)).containsExactly(a.probabilities(x));
    }

    @Test
    void keepsLabelledExamplesAndStartsFromATrainedTeacher() {
        List<LabelledText> labelled = List.of(new LabelledText("续航拉胯", Polarity.NEGATIVE), new LabelledText("续航很顶", Polarity.POSITIVE),
                new LabelledText("这个续航真拉胯", Polarity.NEGATIVE), new LabelledText("这个续航确实很顶", Polarity.POSITIVE));
        LinearSentimentModel teacher = SentimentTraining.train(analyzer, labelled, SMALL, "labelled");
        CorpusAdaptation.Result r = new CorpusAdaptation(analyzer, SMALL, ANY_SIZE).adapt(corpus(), labelled, teacher, "labelled");
        assertThat(r.report().labelledExamples()).isEqualTo(4);
        KoubeiAnalyzer adapted = analyzer.withModel(r.model());
        assertThat(adapted.sentiment("新买的键盘丝血").score()).isNegative();
    }

    @Test
    void driftIsMeasuredAgainstTheTextsTheRulesAreSureOf() {
        double[] rules = {0.9, -0.8, 0.6, 0.1, -0.2, 0};
        assertThat(CorpusAdaptation.agreementWithConfidentRules(rules, new double[] {0.5, -0.1, 0.2, -0.9, 0.9, 1})).isEqualTo(1.0);
        assertThat(CorpusAdaptation.agreementWithConfidentRules(rules, new double[] {0.5, 0.1, 0.2, 0, 0, 0})).isEqualTo(2.0 / 3);
        assertThat(CorpusAdaptation.agreementWithConfidentRules(new double[] {0.1}, new double[] {-1})).isEqualTo(1.0);
        CorpusAdaptation.Report r = new CorpusAdaptation(analyzer, SMALL, ANY_SIZE).adapt(corpus(), List.of(), null, "x").report();
        assertThat(r.agreement()).isGreaterThanOrEqualTo(0.98); // a clean corpus: the students keep to what the rules are sure of
        assertThat(r.rounds()).isBetween(1, CorpusAdaptation.Options.defaults().rounds());
    }

    @Test
    void smallOrOneSidedCorporaAreNotAdaptedTo() {
        assertThat(new CorpusAdaptation(analyzer, SMALL, CorpusAdaptation.Options.defaults()).isWorthIt(99)).isFalse();
        assertThat(new CorpusAdaptation(analyzer, SMALL, CorpusAdaptation.Options.defaults()).isWorthIt(100)).isTrue();
        assertThatThrownBy(() -> new CorpusAdaptation(analyzer, SMALL, ANY_SIZE).adapt(List.of("非常满意", "太棒了"), List.of(), null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive and negative");
    }
}
