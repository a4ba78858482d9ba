package io.koubei.dashboard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import io.koubei.store.state.ElasticsearchStateStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Koubei nodes on one real Elasticsearch share their alerts (issue 19): what one acknowledges the other shows
 * acknowledged at once, and when both deliver at the same time every notification goes out exactly once.
 */
class SharedAlertsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ElasticsearchStateStore stateA;
    private ElasticsearchStateStore stateB;
    private WebhookReceiver receiver;
    private AlertService nodeA;
    private AlertService nodeB;

    @BeforeEach
    void twoNodes() throws Exception {
        ElasticsearchStoreConfig config = ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(),
                "shared-alerts-" + Long.toHexString(System.nanoTime()) + "-");
        stateA = new ElasticsearchStateStore(config);
        stateB = new ElasticsearchStateStore(config);
        receiver = new WebhookReceiver();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z"));
        AlertProperties props = new AlertProperties();
        nodeA = new AlertService(new AlertRepository(stateA, null), props,
                List.of(new WebhookNotifier(receiver.url("/generic"), "generic")), clock, SHANGHAI);
        nodeB = new AlertService(new AlertRepository(stateB, null), props,
                List.of(new WebhookNotifier(receiver.url("/generic"), "generic")), clock, SHANGHAI);
    }

    @AfterEach
    void stop() {
        receiver.close();
        stateA.close();
        stateB.close();
    }

    private static Signal spike(String aspect) {
        return Signal.builder(SignalType.DIVERGENCE).severity(Severity.WARNING).week("2026-W47")
                .channels(List.of(Channel.SOCIAL, Channel.TICKET)).aspect(aspect).product("x1")
                .title("社交口碑向好，但" + aspect + "工单激增")
                .evidence(Evidence.builder().figure("tickets", 120).figure("baseline", 30).drillDown("aspect", aspect).build())
                .build();
    }

    @Test
    void anAlertAcknowledgedOnOneNodeIsAcknowledgedOnTheOther() {
        Alert opened = nodeA.receive(List.of(spike("heat"))).get(0);
        assertThat(nodeB.get(opened.id())).get().extracting(Alert::status).isEqualTo(Alert.Status.OPEN);

        nodeB.acknowledge(opened.id(), "pm-li");
        assertThat(nodeA.get(opened.id())).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Alert.Status.ACKNOWLEDGED);
            assertThat(a.acknowledgedBy()).isEqualTo("pm-li");
        });
        assertThat(nodeA.list(Alert.Status.OPEN)).isEmpty();

        nodeA.resolve(opened.id(), "pm-wang");
        assertThat(nodeB.get(opened.id())).get().extracting(Alert::status).isEqualTo(Alert.Status.RESOLVED);
    }

    @Test
    void whenBothNodesDeliverEachNotificationGoesOutOnce() throws Exception {
        // incidents opened on one node (as the scan does) but not yet notified
        List<String> aspects = List.of("heat", "battery", "screen", "camera", "price", "service");
        nodeA.record(aspects.stream().map(SharedAlertsTest::spike).toList());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(nodeA::deliverPending, nodeB::deliverPending);
            int delivered = 0;
            for (Future<Integer> f : pool.invokeAll(both)) {
                delivered += f.get();
            }
            assertThat(delivered).isEqualTo(aspects.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(receiver.bodies).hasSize(aspects.size());
        assertThat(nodeA.deliverPending() + nodeB.deliverPending()).as("nothing is left to deliver").isZero();
        assertThat(receiver.bodies).hasSize(aspects.size());
        List<Alert> all = new ArrayList<>(nodeB.list(null));
        assertThat(all).hasSize(aspects.size()).allMatch(a -> a.deliveredAt() != null);
    }

    @Test
    void aSubjectThatPersistsIsOneIncidentNotifiedOnceUntilItEscalates() {
        List<Signal> weeks = new ArrayList<>();
        for (String week : List.of("2026-W44", "2026-W45", "2026-W46")) {
            weeks.add(Signal.builder(SignalType.COCOON).severity(Severity.WARNING).week(week).channel(Channel.SOCIAL)
                    .subject("wb-1000001").title("信息茧房：官方账号 wb-1000001").build());
        }
        nodeA.receive(weeks.subList(0, 1));
        nodeB.receive(weeks.subList(1, 2));
        nodeA.receive(weeks.subList(2, 3));
        assertThat(nodeB.incidents(null)).singleElement().satisfies(i -> {
            assertThat(i.weeksActive()).isEqualTo(3);
            assertThat(i.firstPeriod()).isEqualTo("2026-W44");
            assertThat(i.latestPeriod()).isEqualTo("2026-W46");
        });
        assertThat(nodeA.list(null)).as("three weekly alerts behind it").hasSize(3);
        assertThat(receiver.bodies).as("opened: one notification, not one a week").hasSize(1);

        nodeB.receive(List.of(Signal.builder(SignalType.COCOON).severity(Severity.CRITICAL).week("2026-W47")
                .channel(Channel.SOCIAL).subject("wb-1000001").title("信息茧房：官方账号 wb-1000001").build()));
        assertThat(receiver.bodies).as("escalated: notified again").hasSize(2);
        assertThat(receiver.bodies.get(1)).contains("升级");
        assertThat(nodeA.deliverPending() + nodeB.deliverPending()).isZero();
    }
}
