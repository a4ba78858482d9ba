package io.koubei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import java.time.Instant;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHashTest {

    @Test
    void identicalAfterNormalisationAndStable() {
        long a = SimHash.of("新机续航真的太强了，拍照也清晰，强烈推荐大家入手！");
        assertThat(SimHash.of("新机续航真的太强了 拍照也清晰 强烈推荐大家入手!!")).isEqualTo(a);
        // The signature is part of stored data: it must not change between runs or versions silently.
        assertThat(SimHash.of("新机续航真的太强了，拍照也清晰，强烈推荐大家入手！")).isEqualTo(a);
        assertThat(SimHash.of("")).isZero();
        assertThat(SimHash.of(null)).isZero();
        assertThat(SimHash.of("好")).isNotZero();
    }

    @Test
    void nearDuplicatesAreCloserThanUnrelatedTexts() {
        String base = "这次升级之后系统流畅了很多，动画也顺滑，电池续航比上一版至少多了两个小时，强烈推荐大家更新，"
                + "另外相机夜景模式的噪点明显少了，客服回复也很及时，总体体验非常满意";
        long b = SimHash.of(base);
        long edited = SimHash.of(base.replace("两个小时", "三个小时"));
        int near = SimHash.hamming(b, edited);
        assertThat(near).isLessThanOrEqualTo(12);

        Random r = new Random(7);
        String alphabet = "的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可也你手机电池屏幕续航拍照";
        int closest = 64;
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < base.length(); j++) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            closest = Math.min(closest, SimHash.hamming(b, SimHash.of(s.toString())));
        }
        assertThat(closest).isGreaterThan(near + 4);
    }

    @Test
    void theAnalysisStoresTheSameSignatureTheAstroturfClustererComputes() {
        FeedbackAnalyzer analyzer = FeedbackAnalyzers.builtIn();
        FeedbackItem post = FeedbackItem.builder().id("a").source("weibo").channel(Channel.SOCIAL).externalId("a")
                .createdAt(Instant.parse("2026-11-01T00:00:00Z")).title("新机体验")
                .text("新机续航真的太强了，拍照也清晰，强烈推荐大家入手！").build();
        long stored = analyzer.analyze(post).simhash();
        assertThat(stored).isEqualTo(SimHash.ofItem("新机体验", "新机续航真的太强了，拍照也清晰，强烈推荐大家入手！"))
                .isEqualTo(SimHash.of("新机体验 新机续航真的太强了 拍照也清晰 强烈推荐大家入手!!"));
        FeedbackItem copy = post.toBuilder().id("b").externalId("b").title(null)
                .text("新机体验！！新机续航真的太强了，拍照也清晰，强烈推荐大家入手～").build();
        assertThat(analyzer.analyze(copy).simhash()).as("the same words in other punctuation, title folded in").isEqualTo(stored);
    }
}
