package io.koubei.dashboard.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.speed.BusinessHours;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

/** The documented property spellings bind as docs/speed.md says, without booting the application. */
class SpeedPropertiesTest {

    static SpeedProperties bind(Map<String, String> values) {
        Binder binder = new Binder(java.util.List.of(new MapConfigurationPropertySource(values)), null,
                ApplicationConversionService.getSharedInstance());
        return binder.bindOrCreate("koubei.speed", SpeedProperties.class);
    }

    @Test
    void documentedSettingsBind() {
        SpeedProperties p = bind(Map.of(
                "koubei.speed.channels", "social,ticket",
                "koubei.speed.sla", "PT90M",
                "koubei.speed.channel-sla.ticket", "PT4H",
                "koubei.speed.business-hours.always-on", "false",
                "koubei.speed.business-hours.open", "08:30",
                "koubei.speed.business-hours.work-days", "MONDAY,TUESDAY",
                "koubei.speed.business-hours.holidays", "2026-10-01,2026-10-02",
                "koubei.speed.routing[0].department", "pr",
                "koubei.speed.routing[0].polarities", "negative",
                "koubei.speed.routing[0].min-reach", "10000"));
        assertThat(p.getChannels()).containsExactlyInAnyOrder(Channel.SOCIAL, Channel.TICKET);
        assertThat(p.slaPolicy().sla(Channel.SOCIAL)).isEqualTo(Duration.ofMinutes(90));
        assertThat(p.slaPolicy().sla(Channel.TICKET)).isEqualTo(Duration.ofHours(4));
        BusinessHours h = p.hours(ZoneId.of("Asia/Shanghai"));
        assertThat(h.alwaysOn()).isFalse();
        assertThat(h.open()).isEqualTo(LocalTime.of(8, 30));
        assertThat(h.workDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
        assertThat(h.holidays()).contains(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
        assertThat(p.routingRules().get(0).polarities()).containsExactly(Polarity.NEGATIVE);
        assertThat(p.routingRules().get(0).minReach()).isEqualTo(10000);
    }

    @Test
    void defaultsAreTheHundredMinuteRuleAlwaysOn() {
        SpeedProperties p = bind(Map.of());
        assertThat(p.slaPolicy().sla(Channel.COMMUNITY)).isEqualTo(Duration.ofMinutes(100));
        assertThat(p.hours(ZoneId.of("Asia/Shanghai")).alwaysOn()).isTrue();
        assertThat(p.slaPolicy().riskFraction()).isEqualTo(0.8);
    }
}
