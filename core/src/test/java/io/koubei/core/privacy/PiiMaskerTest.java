package io.koubei.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {

    @Test
    void masksMobileNumbersInChineseText() {
        assertThat(PiiMasker.mask("电话13812345678联系我")).isEqualTo("电话138****5678联系我");
        assertThat(PiiMasker.mask("打 +86 139-1234-5678 就行")).isEqualTo("打 +86 139****5678 就行");
    }

    @Test
    void masksResidentIdNumbersKeepingRegionPrefixAndLastFour() {
        String masked = PiiMasker.mask("身份证110101199003071234，请核实");
        assertThat(masked).isEqualTo("身份证110***********1234，请核实");
        assertThat(PiiMasker.mask("11010119900307123X")).doesNotContain("19900307");
    }

    @Test
    void masksEmailLocalPart() {
        assertThat(PiiMasker.mask("邮箱 zhang.san@example.com 谢谢")).isEqualTo("邮箱 z***@example.com 谢谢");
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        assertThat(PiiMasker.mask("充电 120W，续航 5000mAh，版本 1.2.3")).isEqualTo("充电 120W，续航 5000mAh，版本 1.2.3");
        assertThat(PiiMasker.mask(null)).isNull();
    }

    @Test
    void theQuickCheckNeverSkipsANumberWrittenWithSeparators() {
        assertThat(PiiMasker.mayContainPii("打 139-1234-5678")).isTrue();
        assertThat(PiiMasker.mayContainPii("价格2999，电池5000mAh")).isFalse();
        assertThat(PiiMasker.mayContainPii("a@b.cn")).isTrue();
    }
}
