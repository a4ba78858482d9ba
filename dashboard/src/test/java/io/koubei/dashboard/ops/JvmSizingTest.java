package io.koubei.dashboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmSizingTest {

    @Test
    void aHeapChoiceIsRecognisedInAnyOfItsForms() {
        assertThat(JvmSizing.chosen(List.of("-Dfile.encoding=UTF-8"))).isFalse();
        assertThat(JvmSizing.chosen(List.of())).isFalse();
        assertThat(JvmSizing.chosen(List.of("-Xmx2g"))).isTrue();
        assertThat(JvmSizing.chosen(List.of("-XX:MaxRAMPercentage=75"))).isTrue();
        assertThat(JvmSizing.chosen(List.of("-XX:MaxRAM=4g"))).isTrue();
        assertThat(JvmSizing.chosen(List.of("-XX:MaxHeapSize=1073741824"))).isTrue();
        assertThat(JvmSizing.chosen(List.of("-XX:InitialRAMPercentage=25"))).as("initial is not a ceiling").isFalse();
    }
}
