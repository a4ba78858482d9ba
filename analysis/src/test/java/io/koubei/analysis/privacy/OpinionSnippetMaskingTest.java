package io.koubei.analysis.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.privacy.PiiMasker;
import org.junit.jupiter.api.Test;

/** Issue 19: one masker. The opinion snippets the analysis stores are masked exactly as views and exports are. */
class OpinionSnippetMaskingTest {

    @Test
    void opinionSnippetsAreMaskedLikeEveryView() {
        var ops = FeedbackAnalyzers.builtIn().analyzeText("售后电话13912345678一直没人理").opinions();
        assertThat(ops).extracting(OpinionPoint::snippet).containsExactly("售后电话139****5678一直没人理");
        assertThat(PiiMasker.mask("售后电话13912345678一直没人理")).isEqualTo("售后电话139****5678一直没人理");
    }
}
