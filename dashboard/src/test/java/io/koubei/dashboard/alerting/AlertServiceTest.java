package io.koubei.dashboard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AlertServiceTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    WebhookReceiver receiver;
    MutableClock clock;
    AlertProperties props;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z")); // 11:00 in Shanghai
        props = new AlertProperties();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private AlertService service(List<String> formats, boolean email) {
        List<AlertNotifier> notifiers = new ArrayList<>();
        for (String f : formats) {
            notifiers.add(new WebhookNotifier(receiver.url("/" + f), f));
        }
        if (email) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            notifiers.add(new EmailNotifier(sender, "koubei@test.local", List.of("pm@test.local")));
        }
        return new AlertService(new AlertRepository(dir), props, notifiers, clock, SHANGHAI);
    }

    private static Signal divergence(Severity severity) {
        return Signal.builder(SignalType.DIVERGENCE).severity(severity).week("2026-W47")
                .channels(List.of(Channel.SOCIAL, Channel.TICKET)).aspect("heat").product("x1")
                .title("社交口碑向好，但发热工单激增")
                .evidence(Evidence.builder().figure("ticketsHeat", 120).figure("baseline", 30)
                        .drillDown("channel", "ticket").drillDown("aspect", "heat").build())
                .build();
    }

    @Test
    void newAlertIsDeliveredOnceToEveryTargetInItsOwnFormat() throws Exception {
        AlertService alerts = service(List.of("generic", "wecom", "dingtalk", "feishu", "slack"), true);
        assertThat(alerts.receive(List.of(divergence(Severity.WARNING)))).hasSize(1);
        assertThat(receiver.bodies).hasSize(5);
        JsonNode generic = JSON.readTree(receiver.bodies.get(0));
        assertThat(generic.get("alert").get("type").asString()).isEqualTo("DIVERGENCE");
        assertThat(generic.get("alert").get("channels").toString()).contains("social").contains("ticket");
        assertThat(generic.get("alert").get("link").asString()).isEqualTo("/search?channel=ticket&aspect=heat&week=2026-W47");
        assertThat(JSON.readTree(receiver.bodies.get(1)).get("msgtype").asString()).isEqualTo("markdown");
        // titled by the incident: type and subject by display names (here the ids: no names given)
        assertThat(JSON.readTree(receiver.bodies.get(2)).get("markdown").get("title").asString()).contains("渠道背离").contains("heat");
        assertThat(JSON.readTree(receiver.bodies.get(3)).get("msg_type").asString()).isEqualTo("text");
        assertThat(JSON.readTree(receiver.bodies.get(4)).get("text").asString()).contains("ticketsHeat = 120");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains("渠道背离");

        // the same finding again: counted, not re-sent
        assertThat(alerts.receive(List.of(divergence(Severity.WARNING)))).isEmpty();
        assertThat(receiver.bodies).hasSize(5);
        assertThat(alerts.list(null)).singleElement().satisfies(a -> assertThat(a.occurrences()).isEqualTo(2));

        // worse: re-sent
        assertThat(alerts.receive(List.of(divergence(Severity.CRITICAL)))).hasSize(1);
        assertThat(receiver.bodies).hasSize(10);
    }

    @Test
    void notificationsAreWrittenInTheConfiguredLanguage() throws Exception {
        props.setLanguage("en");
        AlertService alerts = service(List.of("dingtalk"), true);
        assertThat(alerts.receive(List.of(divergence(Severity.WARNING)))).hasSize(1);
        String title = JSON.readTree(receiver.bodies.get(0)).get("markdown").get("title").asString();
        assertThat(title).contains("heat").doesNotContain("渠道背离");
        assertThat(title.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("no Chinese in an English notification title: %s", title).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).doesNotContain("渠道背离");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> props.setLanguage("fr"))
                .hasMessageContaining("koubei.alerts.language");
    }

    @Test
    void quietHoursHoldNonCriticalAlertsUntilMorning() {
        props.setQuietFrom("23:00");
        props.setQuietTo("08:00");
        clock = new MutableClock(Instant.parse("2026-11-24T18:30:00Z")); // 02:30 in Shanghai
        AlertService alerts = service(List.of("generic"), false);
        alerts.receive(List.of(divergence(Severity.WARNING)));
        assertThat(receiver.bodies).isEmpty();
        Signal critical = Signal.builder(SignalType.SILENCE).severity(Severity.CRITICAL).week("2026-W47")
                .channel(Channel.COMMUNITY).title("社区突然没人骂了").build();
        alerts.receive(List.of(critical));
        assertThat(receiver.bodies).hasSize(1);
        clock.advance(Duration.ofHours(6)); // 08:30
        assertThat(alerts.deliverPending()).isEqualTo(1);
        assertThat(receiver.bodies).hasSize(2);
    }

    @Test
    void hourlyLimitDefersButNeverDrops() {
        props.setMaxPerHour(2);
        AlertService alerts = service(List.of("generic"), false);
        List<Signal> three = new ArrayList<>();
        for (String aspect : List.of("battery", "screen", "camera")) {
            three.add(Signal.builder(SignalType.SPIKE).week("2026-W47").channel(Channel.TICKET).aspect(aspect)
                    .title(aspect + " 工单激增").build());
        }
        alerts.receive(three);
        assertThat(receiver.bodies).hasSize(2);
        clock.advance(Duration.ofMinutes(61));
        assertThat(alerts.deliverPending()).isEqualTo(1);
        assertThat(receiver.bodies).hasSize(3);
    }

    @Test
    void failingTargetKeepsTheAlertPendingUntilItAnswers() {
        receiver.status = 500;
        AlertService alerts = service(List.of("slack"), false);
        alerts.receive(List.of(divergence(Severity.WARNING)));
        assertThat(alerts.list(Alert.Status.OPEN).get(0).deliveredAt()).isNull();
        receiver.status = 200;
        assertThat(alerts.deliverPending()).isEqualTo(1);
        assertThat(alerts.list(Alert.Status.OPEN).get(0).deliveredAt()).isNotNull();
    }

    @Test
    void acknowledgeResolveAndReopenSurviveRestart() {
        AlertService alerts = service(List.of("generic"), false);
        String id = alerts.receive(List.of(divergence(Severity.WARNING))).get(0).id();
        assertThat(alerts.acknowledge(id, "lin").owner()).as("the first to acknowledge owns it").isEqualTo("lin");
        assertThat(alerts.get(id).orElseThrow().acknowledgedBy()).isEqualTo("lin");
        assertThat(alerts.resolve(id, "lin").status()).isEqualTo(Alert.Status.RESOLVED);
        AlertService restarted = service(List.of("generic"), false);
        assertThat(restarted.get(id).orElseThrow().status()).isEqualTo(Alert.Status.RESOLVED);
        // a re-scan of the same week does not reopen what a person resolved
        assertThat(restarted.receive(List.of(divergence(Severity.WARNING)))).isEmpty();
        assertThat(receiver.bodies).hasSize(1);
        // the subject comes back the next week: the incident reopens and notifies once
        Signal nextWeek = Signal.builder(SignalType.DIVERGENCE).severity(Severity.WARNING).week("2026-W48")
                .channels(List.of(Channel.SOCIAL, Channel.TICKET)).aspect("heat").product("x1").title("社交口碑向好，但发热工单激增")
                .build();
        assertThat(restarted.receive(List.of(nextWeek))).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(Alert.Status.OPEN));
        assertThat(receiver.bodies).hasSize(2);
        Incident reopened = restarted.incident(id).orElseThrow();
        assertThat(reopened.history()).extracting(Incident.Change::action)
                .containsExactly("opened", "acknowledged", "resolved", "reopened");
        assertThat(reopened.weeksActive()).isEqualTo(2);
        assertThat(reopened.owner()).isEqualTo("lin");
    }

    @Test
    void signalsBelowTheRuleThresholdRaiseNoAlert() {
        AlertService alerts = service(List.of("generic"), false);
        Signal info = Signal.builder(SignalType.COCOON).severity(Severity.INFO).title("小提示").build();
        assertThat(alerts.receive(List.of(info))).isEmpty();
        assertThat(alerts.list(null)).isEmpty();
    }

    @Test
    void mutedAspectsRaiseNoAlert() {
        props.setMutedAspects(java.util.Set.of("heat"));
        AlertService alerts = service(List.of("generic"), false);
        assertThat(alerts.receive(List.of(divergence(Severity.CRITICAL)))).isEmpty();
        props.setMutedAspects(java.util.Set.of("logistics"));
        assertThat(alerts.receive(List.of(divergence(Severity.CRITICAL)))).hasSize(1);
    }
}
