package io.koubei.dashboard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts opened per type and notifications sent / failed per channel reach the metrics registry. */
class AlertMetricsTest {
    @TempDir
    Path dir;
    SimpleMeterRegistry meters;
    WebhookReceiver ok;

    @BeforeEach
    void start() throws Exception {
        meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        ok = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        Metrics.removeRegistry(meters);
        ok.close();
    }

    @Test
    void openedAlertsAndDeliveriesAreCounted() {
        List<AlertNotifier> notifiers = List.of(new WebhookNotifier(ok.url("/hook"), "dingtalk"),
                new WebhookNotifier("http://127.0.0.1:1/unreachable", "feishu"));
        AlertService alerts = new AlertService(new AlertRepository(dir), new AlertProperties(), notifiers,
                new MutableClock(Instant.parse("2026-11-24T03:00:00Z")), ZoneId.of("Asia/Shanghai"));
        Signal signal = Signal.builder(SignalType.DIVERGENCE).severity(Severity.WARNING).week("2026-W47")
                .channels(List.of(Channel.SOCIAL, Channel.TICKET)).aspect("heat").product("x1").title("发热工单激增")
                .evidence(Evidence.builder().figure("ticketsHeat", 120).drillDown("aspect", "heat").build()).build();

        assertThat(alerts.receive(List.of(signal))).hasSize(1);
        alerts.receive(List.of(signal)); // seen again: not opened again

        assertThat(meters.counter("koubei.alerts.opened", "type", "DIVERGENCE", "severity", "WARNING").count()).isEqualTo(1);
        assertThat(meters.counter("koubei.notifications", "channel", "dingtalk", "outcome", "sent").count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.counter("koubei.notifications", "channel", "feishu", "outcome", "failed").count()).isGreaterThanOrEqualTo(1);
    }
}
