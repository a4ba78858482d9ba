package io.koubei.analysis.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    // 09:00–18:00 Mon–Fri in Shanghai, 2026-10-01 (Thursday) a holiday
    final BusinessHours office = new BusinessHours(SH, false, LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 10, 1)));

    static Instant sh(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SH).toInstant();
    }

    @Test
    void alwaysOnCountsWallClock() {
        assertThat(BusinessHours.ALWAYS.elapsed(sh("2026-09-30T23:00"), sh("2026-10-01T01:30"))).isEqualTo(Duration.ofMinutes(150));
        assertThat(BusinessHours.ALWAYS.elapsed(sh("2026-10-01T01:30"), sh("2026-09-30T23:00"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void officeHoursSkipNightsWeekendsAndHolidays() {
        // Wed 17:00 -> Fri 10:00: Wed 1 h, Thu holiday 0, Fri 1 h
        assertThat(office.elapsed(sh("2026-09-30T17:00"), sh("2026-10-02T10:00"))).isEqualTo(Duration.ofHours(2));
        // Fri 17:30 -> Mon 09:30: 30 min + 30 min
        assertThat(office.elapsed(sh("2026-10-02T17:30"), sh("2026-10-05T09:30"))).isEqualTo(Duration.ofMinutes(60));
        // posted Saturday night, the clock starts Monday 09:00
        assertThat(office.elapsed(sh("2026-10-03T22:00"), sh("2026-10-05T08:59"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void deadlineIsWhereTheBudgetRunsOut() {
        // 100 minutes from Wed 17:00: 60 on Wednesday, Thursday is a holiday, 40 on Friday
        assertThat(office.deadline(sh("2026-09-30T17:00"), Duration.ofMinutes(100))).isEqualTo(sh("2026-10-02T09:40"));
        assertThat(office.elapsed(sh("2026-09-30T17:00"), office.deadline(sh("2026-09-30T17:00"), Duration.ofMinutes(100))))
                .isEqualTo(Duration.ofMinutes(100));
        assertThat(BusinessHours.ALWAYS.deadline(sh("2026-09-30T17:00"), Duration.ofMinutes(100))).isEqualTo(sh("2026-09-30T18:40"));
    }

    @Test
    void rejectsAnEmptyDay() {
        assertThatThrownBy(() -> new BusinessHours(SH, false, LocalTime.of(18, 0), LocalTime.of(9, 0), null, null))
                .hasMessageContaining("open < close");
    }
}
