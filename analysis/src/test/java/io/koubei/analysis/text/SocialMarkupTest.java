package io.koubei.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisResources;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.model.FeatureExtractor;
import io.koubei.analysis.model.SparseVector;
import io.koubei.core.feedback.Polarity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weibo-style mentions and links: kept for search where useful, never read as opinions. */
class SocialMarkupTest {
    private final DictionarySegmenter segmenter = new DictionarySegmenter(AnalysisResources.builtIn().dictionary());
    private final KoubeiAnalyzer analyzer = new KoubeiAnalyzer(AnalysisResources.builtIn(), null);

    private List<Token> markup(String text) {
        return segmenter.tokenize(text).stream().filter(Token::isMarkup).toList();
    }

    @Test
    void mentionsEndAtSpaceOrColonAndEmailsAreNotMentions() {
        assertThat(markup("//@完美主义者:同感 感谢@小米客服 的解答"))
                .extracting(Token::term, Token::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("@完美主义者", Token.Kind.MENTION),
                        org.assertj.core.groups.Tuple.tuple("@小米客服", Token.Kind.MENTION));
        assertThat(markup("邮箱abc@qq.com联系我")).isEmpty();
        // sixteen Han characters are wider than any Weibo name: running text after an '@', read as usual
        assertThat(markup("我@你们这些人到底怎么回事啊我真的非常生气")).isEmpty();
        assertThat(analyzer.sentiment("我@你们这些人到底怎么回事啊我真的非常生气").polarity()).isEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void linksEndAtSpaceOrChineseAndLoseTrailingPunctuation() {
        String text = "详情见http://t.cn/A6x9Zq.然后www.mi.com/good很好";
        assertThat(markup(text)).extracting(Token::term).containsExactly("http://t.cn/a6x9zq", "www.mi.com/good");
        assertThat(segmenter.segment(text)).doesNotContain("http", "good").contains("详情", "然后");
    }

    @Test
    void aNameIsNotAnOpinion() {
        var withName = analyzer.analyzeText("@开心的小猪 今天的发布会太无聊了");
        assertThat(withName.sentiment().polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(withName.sentiment().explanation()).noneMatch(e -> e.contains("开心"));
        assertThat(analyzer.sentiment("@完美主义者 这个价格").polarity()).isEqualTo(Polarity.NEUTRAL);
        assertThat(analyzer.sentiment("看这里 http://example.com/good-great-best").polarity()).isEqualTo(Polarity.NEUTRAL);
    }

    @Test
    void mentionsAreSearchableWholeAndByTheirWords() {
        List<String> terms = analyzer.analyzeText("感谢@小米客服 的耐心解答 https://t.cn/x").terms();
        assertThat(terms).contains("@小米客服", "客服", "耐心解答").noneMatch(t -> t.contains("t.cn"));
    }

    @Test
    void theModelSeesNeitherNamesNorLinks() {
        FeatureExtractor fx = new FeatureExtractor(18);
        assertThat(asMap(analyzer.features("@开心果 太卡了 http://a.cn/good", fx))).isEqualTo(asMap(analyzer.features("太卡了", fx)));
    }

    private static Map<Integer, Float> asMap(SparseVector v) {
        Map<Integer, Float> m = new HashMap<>();
        for (int i = 0; i < v.size(); i++) {
            m.put(v.index()[i], v.value()[i]);
        }
        return m;
    }
}
