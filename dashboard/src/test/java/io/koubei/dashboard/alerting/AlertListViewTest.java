package io.koubei.dashboard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import io.koubei.dashboard.query.FilterParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertListViewTest {
    private static IncidentView alert(int i, SignalType type, Severity severity) {
        Signal s = Signal.builder(type).severity(severity).week(String.format("2026-W%02d", 30 + i % 15))
                .channel(Channel.TICKET).aspect("a" + i).title("t" + i).build();
        return IncidentView.of(Incident.open(s, "id" + i, "/search", Instant.EPOCH), java.util.Locale.ENGLISH,
                IncidentNames.IDS, "2026-W44");
    }

    /** 130 incidents: 100 spikes (every fifth critical), 30 silences (warnings). */
    private static List<IncidentView> alerts() {
        List<IncidentView> out = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            out.add(i < 100 ? alert(i, SignalType.SPIKE, i % 5 == 0 ? Severity.CRITICAL : Severity.WARNING)
                    : alert(i, SignalType.SILENCE, Severity.WARNING));
        }
        return out;
    }

    @Test
    void pagesOfFiftyMostSevereFirstWithCountsToNarrowBy() {
        FilterParams filters = FilterParams.of(Map.of("product", List.of("nova-x1")));
        AlertListView first = AlertListView.of(filters, "open", null, null, 0, alerts());
        assertThat(first.total()).isEqualTo(130);
        assertThat(first.page()).hasSize(50);
        // ranked by severity × recency × size: a critical of the latest weeks first, an old critical below a recent warning
        assertThat(first.page().get(0).lastWeek()).isEqualTo("2026-W44");
        List<String> order = first.page().stream().map(v -> v.lastWeek() + " " + v.severity()).toList();
        assertThat(order.indexOf("2026-W40 CRITICAL")).as("a critical two weeks before a warning of the latest week")
                .isLessThan(order.indexOf("2026-W42 WARNING")).isGreaterThan(order.indexOf("2026-W44 WARNING"));
        assertThat(first.page()).extracting(IncidentView::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(first.typeCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("SPIKE", 100L, "SILENCE", 30L));
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.next()).isEqualTo("/alerts?product=nova-x1&status=open&offset=50");

        AlertListView last = AlertListView.of(filters, "open", null, null, 100, alerts());
        assertThat(last.page()).hasSize(30);
        assertThat(last.firstShown()).isEqualTo(101);
        assertThat(last.lastShown()).isEqualTo(130);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.previous()).isEqualTo("/alerts?product=nova-x1&status=open&offset=50");
        // narrowing starts again from the first page and keeps the other choices
        assertThat(last.href("type", "SILENCE")).isEqualTo("/alerts?product=nova-x1&status=open&type=SILENCE");
        assertThat(last.href("status", null)).isEqualTo("/alerts?product=nova-x1");
    }

    @Test
    void typeAndSeverityNarrowTheListAndAnOffsetPastTheEndShowsTheLastPage() {
        AlertListView spikes = AlertListView.of(FilterParams.empty(), null, "SPIKE", "CRITICAL", 0, alerts());
        assertThat(spikes.total()).isEqualTo(20);
        assertThat(spikes.page()).allMatch(a -> a.type() == SignalType.SPIKE && a.severity() == Severity.CRITICAL);
        assertThat(spikes.typeCounts()).containsEntry("SILENCE", 30L); // the other types stay reachable
        assertThat(spikes.severityCounts()).containsExactly(Map.entry("CRITICAL", 20L), Map.entry("WARNING", 80L));

        AlertListView beyond = AlertListView.of(FilterParams.empty(), null, "SILENCE", null, 500, alerts());
        assertThat(beyond.offset()).isZero();
        assertThat(beyond.page()).hasSize(30);
    }
}
