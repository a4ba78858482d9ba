package io.koubei.analysis.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Sentiment;
import org.junit.jupiter.api.Test;

class RuleSentimentTest {
    private final KoubeiAnalyzer analyzer = FeedbackAnalyzers.builtIn();

    private Sentiment s(String text) {
        return analyzer.sentiment(text);
    }

    @Test
    void negationFlips() {
        assertThat(s("这个耳机很好用").polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(s("这个耳机不好用").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("我不推荐这款手机").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("屏幕没有问题").score()).isGreaterThan(0);
    }

    @Test
    void negatedDegreeIsSofterThanPlainNegation() {
        assertThat(s("屏幕不太清晰").score()).isLessThan(0).isGreaterThan(s("屏幕不清晰").score());
    }

    @Test
    void tooMuchOfAnUnknownThingIsAComplaint() {
        assertThat(s("手机壳太厚了").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("手机壳太厚了").explanation()).anyMatch(e -> e.contains("too much"));
        assertThat(s("手机壳太漂亮了").polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(s("手机壳不太厚").explanation()).noneMatch(e -> e.contains("too much"));
    }

    @Test
    void praiseInsideAWishIsWhatIsMissing() {
        assertThat(s("续航再长一点就更好了").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("拍照很好").polarity()).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void quotedPraiseReadsAsIrony() {
        assertThat(s("这就是所谓的“流畅”").score()).isLessThan(0);
        assertThat(s("这手机很流畅").score()).isGreaterThan(0);
    }

    @Test
    void degreeScales() {
        double very = s("非常满意").score();
        double plain = s("满意").score();
        double slightly = s("有点满意").score();
        assertThat(very).isGreaterThan(plain);
        assertThat(plain).isGreaterThan(slightly);
        assertThat(slightly).isGreaterThan(0);
    }

    @Test
    void contrastWeightsTheLaterClause() {
        assertThat(s("外观很漂亮，但是续航太差").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("续航太差，但是外观很漂亮").polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(s("虽然价格有点贵，不过拍照真的很清晰").polarity()).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void emoticonsAndEmojiCount() {
        assertThat(s("今天收到货了[哈哈]").polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(s("今天收到货了[怒]").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("新系统😡").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("新系统👍").polarity()).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void domainCues() {
        assertThat(s("买了就后悔，已经退货").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("这次发布会又翻车了").polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(s("一开始嫌贵，用了一周真香").polarity()).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void questionsAreDamped() {
        assertThat(Math.abs(s("这款手机的续航好吗？").score())).isLessThan(Math.abs(s("这款手机的续航好。").score()));
    }

    @Test
    void informationalPostIsNeutral() {
        Sentiment info = s("新版本将于下周二推送，更新内容包括通知栏和相册");
        assertThat(info.polarity()).isEqualTo(Polarity.NEUTRAL);
        assertThat(info.score()).isEqualTo(0.0);
    }

    @Test
    void explanationNamesTheWordsAndRules() {
        Sentiment sentiment = s("拍照不错，但是电池不耐用");
        assertThat(sentiment.explanation()).anyMatch(e -> e.startsWith("不错"));
        assertThat(sentiment.explanation()).anyMatch(e -> e.contains("不耐用"));
        assertThat(sentiment.explanation()).anyMatch(e -> e.startsWith("但是"));
    }
}
