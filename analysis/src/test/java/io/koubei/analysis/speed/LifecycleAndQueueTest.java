package io.koubei.analysis.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.speed.LifecycleEvent.Type;
import io.koubei.core.feedback.Channel;
import io.koubei.core.time.CalendarKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LifecycleAndQueueTest {
    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

    static LifecycleEvent ev(String id, String item, Type type, int minute) {
        return new LifecycleEvent(id, item, type, T0.plus(Duration.ofMinutes(minute)), "service", "agent-" + minute, false,
                null, null, null);
    }

    @Test
    void duplicatesAreCountedAndOutOfOrderEventsGiveTheSameStateAsOrderedOnes() {
        List<LifecycleEvent> events = List.of(ev("1", "t", Type.OPENED, 0), ev("2", "t", Type.ASSIGNED, 5),
                ev("3", "t", Type.REPLIED, 20), ev("4", "t", Type.RESOLVED, 50), ev("5", "t", Type.REOPENED, 70),
                ev("6", "t", Type.REPLIED, 80), ev("7", "t", Type.RESOLVED, 200));
        LifecycleLog ordered = new LifecycleLog();
        events.forEach(ordered::add);

        List<LifecycleEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(3));
        shuffled.add(events.get(2)); // a duplicate delivery
        LifecycleLog scrambled = new LifecycleLog();
        int dup = 0, late = 0;
        for (LifecycleEvent e : shuffled) {
            switch (scrambled.add(e)) {
                case DUPLICATE -> dup++;
                case OUT_OF_ORDER -> late++;
                default -> { }
            }
        }
        assertThat(dup).isEqualTo(1);
        assertThat(late).isPositive();
        assertThat(scrambled.state("t")).isEqualTo(ordered.state("t"));
        LifecycleLog.State s = ordered.state("t");
        assertThat(s.firstReplyAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(s.resolvedAt()).isEqualTo(T0.plus(Duration.ofMinutes(200)));
        assertThat(s.reopened()).isTrue();
        assertThat(s.agent()).isEqualTo("agent-200");
    }

    @Test
    void aReopenWithoutANewResolutionLeavesTheCaseOpen() {
        LifecycleLog log = new LifecycleLog();
        log.add(ev("a", "x", Type.RESOLVED, 10));
        log.add(ev("b", "x", Type.REOPENED, 30));
        assertThat(log.state("x").resolvedAt()).isNull();
        assertThat(log.decidesResolution("x")).isTrue();
        // events without ids are deduplicated by content
        assertThat(log.add(new LifecycleEvent(null, "y", Type.REPLIED, T0, null, null, false, null, null, null)))
                .isEqualTo(LifecycleLog.Outcome.ACCEPTED);
        assertThat(log.add(new LifecycleEvent(null, "y", Type.REPLIED, T0, null, null, false, null, null, null)))
                .isEqualTo(LifecycleLog.Outcome.DUPLICATE);
    }

    @Test
    void anomalyCaseOpenedByEventsAlone() {
        LifecycleLog log = new LifecycleLog();
        log.add(new LifecycleEvent("o", "case-1", Type.OPENED, T0, "quality", null, true, "sales", "nova-x1", "屏幕批量闪屏"));
        log.add(ev("r", "case-1", Type.REPLIED, 15));
        log.add(ev("s", "case-1", Type.RESOLVED, 55));
        SpeedCase c = new CaseAssembler(CalendarKeys.defaultZone(), Router.byChannel(), log).fromEventsOnly("case-1").orElseThrow();
        assertThat(c.anomaly()).isTrue();
        assertThat(c.channel()).isEqualTo(Channel.SALES);
        SpeedSummary s = new SpeedMetrics(SlaPolicy.DEFAULT, BusinessHours.ALWAYS).summarize(List.of(c), T0.plus(Duration.ofHours(2)));
        assertThat(s.anomalyOnTimeRate()).isEqualTo(1.0);
    }

    @Test
    void queueOrdersByTimeLeftThenNegativeThenReach() {
        Instant now = T0.plus(Duration.ofMinutes(90));
        List<SpeedCase> cases = List.of(
                new SpeedCase("fresh", Channel.SOCIAL, null, null, "pr", null, T0.plus(Duration.ofMinutes(80)), null, null, false, false, 0, null),
                new SpeedCase("old-pos", Channel.SOCIAL, null, null, "pr", null, T0, null, null, false, false, 10, null),
                new SpeedCase("old-neg", Channel.SOCIAL, null, null, "pr", null, T0, null, null, false, true, 5, null),
                new SpeedCase("old-neg-big", Channel.SOCIAL, null, null, "pr", null, T0, null, null, false, true, 5000, null),
                new SpeedCase("late", Channel.SOCIAL, null, null, "pr", "li", T0.minus(Duration.ofMinutes(30)), null, null, false, false, 0, null),
                new SpeedCase("answered", Channel.SOCIAL, null, null, "pr", null, T0, T0.plusSeconds(60), null, false, true, 0, null));
        List<LiveQueue.Entry> q = new LiveQueue(new SpeedMetrics(SlaPolicy.DEFAULT, BusinessHours.ALWAYS)).entries(cases, now);
        assertThat(q).extracting(e -> e.item().id()).containsExactly("late", "old-neg-big", "old-neg", "old-pos", "fresh");
        assertThat(q.get(0).status()).isEqualTo(LiveQueue.Status.BREACHED);
        assertThat(q.get(0).minutesLeft()).isEqualTo(-20.0);
        assertThat(q.get(1).status()).isEqualTo(LiveQueue.Status.AT_RISK); // 90 of 100 min ≥ 80%
        assertThat(q.get(4).status()).isEqualTo(LiveQueue.Status.OK);
        assertThat(q.get(4).minutesLeft()).isEqualTo(90.0);
    }
}
