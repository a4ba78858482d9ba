package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateReaderTest {

    private static final Instant T = Instant.parse("2024-05-01T02:00:00Z");
    private final DateReader strict = new DateReader(null, List.of());
    private final DateReader shanghai = new DateReader(ZoneId.of("Asia/Shanghai"), List.of("yyyy年M月d日 HH:mm", "yyyy/M/d"));

    @Test
    void acceptsTheCommonSpellingsOfIsoWithOffset() {
        assertThat(strict.parse("2024-05-01T10:00:00+08:00")).isEqualTo(T);
        assertThat(strict.parse("2024-05-01T10:00:00+0800")).isEqualTo(T);
        assertThat(strict.parse("2024-05-01T10:00+08")).isEqualTo(T);
        assertThat(strict.parse("2024-05-01 10:00:00+08:00")).isEqualTo(T);
        assertThat(strict.parse("2024-05-01T02:00:00Z")).isEqualTo(T);
        assertThat(strict.parse("2024-05-01t02:00:00z")).isEqualTo(T);
        assertThat(strict.parse("2024-05-01T10:00:00+08:00[Asia/Shanghai]")).isEqualTo(T);
        assertThat(strict.parse("2024-05-01T02:00:00.123456789Z")).isEqualTo(Instant.parse("2024-05-01T02:00:00.123456789Z"));
        assertThat(strict.parse(" 1714528800000 ")).isEqualTo(T);
    }

    @Test
    void localValuesNeedAZoneAndPatternsAreTriedInOrder() {
        assertThat(shanghai.parse("2024-05-01T10:00:00")).isEqualTo(T);
        assertThat(shanghai.parse("2024-05-01 10:00")).isEqualTo(T);
        assertThat(shanghai.parse("2024年5月1日 10:00")).isEqualTo(T);
        assertThat(shanghai.parse("2024/5/1")).isEqualTo(Instant.parse("2024-04-30T16:00:00Z"));
        assertThat(shanghai.parse("2024-05-01")).isEqualTo(Instant.parse("2024-04-30T16:00:00Z"));
        assertThatThrownBy(() -> strict.parse("2024-05-01 10:00")).hasMessageContaining("has no UTC offset");
        assertThatThrownBy(() -> new DateReader(null, List.of("yyyy/M/d H:mm")).parse("2024/5/1 10:00"))
                .hasMessageContaining("has no UTC offset");
        assertThatThrownBy(() -> shanghai.parse("next tuesday"))
                .hasMessage("cannot read 'next tuesday' as a date-time; expected ISO-8601 with offset (e.g. 2024-05-01T10:15:30+08:00)"
                        + " or epoch milliseconds, or a local date-time read in Asia/Shanghai, or one of the patterns [yyyy年M月d日 HH:mm, yyyy/M/d]");
    }

    @Test
    void rejectsImplausibleEpochValues() {
        assertThatThrownBy(() -> strict.parse("1714528800")).hasMessageStartingWith("1714528800 looks like epoch seconds");
        assertThatThrownBy(() -> strict.parse("99999999999999999999")).hasMessage("'99999999999999999999' is too large for epoch milliseconds");
        assertThatThrownBy(() -> strict.parse("110101199003071234")).hasMessage("110***********1234 is after the year 9999; expected epoch milliseconds");
        assertThatThrownBy(() -> strict.parse("call 138-0013-8000 or a@b.cn"))
                .hasMessageStartingWith("cannot read 'call 138****8000 or a***@b.cn' as a date-time");
        assertThatThrownBy(() -> strict.parse("2024-02-30T10:00:00Z")).hasMessageStartingWith("cannot read '2024-02-30T10:00:00Z'");
        assertThatThrownBy(() -> shanghai.parse("2024/2/30")).hasMessageStartingWith("cannot read '2024/2/30'");
        assertThat(shanghai.parse("2024/2/29")).isEqualTo(Instant.parse("2024-02-28T16:00:00Z"));
    }
}
