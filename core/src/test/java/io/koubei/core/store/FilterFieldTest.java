package io.koubei.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterFieldTest {
    private static final FilterField.Context CTX =
            new FilterField.Context(ZoneId.of("Asia/Shanghai"), s -> Arrays.asList(s.split(" ")));

    @Test
    void everyDimensionHasOneFilterAndParametersAreUnique() {
        for (Dimension d : Dimension.values()) {
            FilterField f = FilterField.of(d);
            assertThat(f).as("%s", d).isNotNull();
            assertThat(f.dimension()).contains(d);
        }
        List<String> params = FilterField.params();
        assertThat(new HashSet<>(params)).hasSize(params.size());
    }

    @Test
    void drillDownKeysOfSignalsBecomeTheFilterParameters() {
        assertThat(FilterField.paramOfDrillDown("aspect_polarity")).isEqualTo("aspectPolarity");
        assertThat(FilterField.paramOfDrillDown("product_version")).isEqualTo("version");
        assertThat(FilterField.paramOfDrillDown("nps_class")).isEqualTo("nps");
        assertThat(FilterField.paramOfDrillDown("channel")).isEqualTo("channel");
        assertThat(FilterField.paramOfDrillDown("excludeFlag")).isEqualTo("excludeFlag");
    }

    @Test
    void parsesEveryKindOfValue() {
        FeedbackFilter f = FilterField.toFilter(Map.of(
                "q", List.of("续航 发热"),
                "from", List.of("2026-11-02"),
                "to", List.of("2026-11-08"),
                "channel", List.of("ticket", "social"),
                "polarity", List.of("negative"),
                "segment", List.of("core"),
                "nps", List.of("detractor"),
                "ratingMin", List.of("3.5"),
                "week", List.of("2026-W45"),
                "official", List.of("false")), CTX);
        assertThat(f.terms()).containsExactly("续航", "发热");
        assertThat(f.from()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-11-08T16:00:00Z"));
        assertThat(f.channels()).isEqualTo(Set.of(Channel.TICKET, Channel.SOCIAL));
        assertThat(f.polarities()).containsExactly(Polarity.NEGATIVE);
        assertThat(f.segments()).containsExactly(Segment.CORE);
        assertThat(f.npsClasses()).containsExactly(NpsClass.DETRACTOR);
        assertThat(f.ratingMin()).isEqualTo(3.5);
        assertThat(f.weeks()).containsExactly("2026-W45");
        assertThat(f.official()).isFalse();
    }

    @Test
    void aBadValueIsRefusedNamingItsParameter() {
        assertThatThrownBy(() -> FilterField.toFilter(Map.of("channel", List.of("fax")), CTX))
                .hasMessageStartingWith("channel: unknown 'fax' (expected one of community, social");
        assertThatThrownBy(() -> FilterField.toFilter(Map.of("day", List.of("2026-13-01")), CTX))
                .hasMessageStartingWith("day: expected a date");
        assertThatThrownBy(() -> FilterField.toFilter(Map.of("ratingMax", List.of("many")), CTX))
                .hasMessage("ratingMax: not a number: 'many'");
        assertThatThrownBy(() -> FilterField.toFilter(Map.of("nps", List.of("fan")), CTX))
                .hasMessage("nps: unknown 'fan' (expected one of promoter, passive, detractor)");
    }
}
