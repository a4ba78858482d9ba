package io.koubei.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.core.feedback.OpinionPoint;
import org.junit.jupiter.api.Test;

class PiiMaskerTest {
    @Test
    void masksPhonesIdNumbersAndEmails() {
        assertThat(PiiMasker.mask("客服电话打不通，我的号码13812345678，邮箱 li.ming@example.com"))
                .isEqualTo("客服电话打不通，我的号码[phone]，邮箱 [email]");
        assertThat(PiiMasker.mask("身份证11010519491231002X登记")).isEqualTo("身份证[id]登记");
        assertThat(PiiMasker.mask("型号X443，价格2999")).isEqualTo("型号X443，价格2999");
    }

    @Test
    void opinionSnippetsAreMasked() {
        var ops = FeedbackAnalyzers.builtIn().analyzeText("售后电话13912345678一直没人理").opinions();
        assertThat(ops).extracting(OpinionPoint::snippet).containsExactly("售后电话[phone]一直没人理");
    }
}
