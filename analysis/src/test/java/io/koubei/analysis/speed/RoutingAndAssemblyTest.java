package io.koubei.analysis.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Sentiment;
import io.koubei.core.feedback.TicketInfo;
import io.koubei.core.time.CalendarKeys;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingAndAssemblyTest {
    static final Instant T = Instant.parse("2026-11-02T02:00:00Z");

    static AnalyzedFeedback item(String id, Channel ch, String text, Polarity p, int followers, List<String> aspects,
            Instant at, String replyTo, boolean official, TicketInfo ticket) {
        FeedbackItem i = FeedbackItem.builder().id(id).source("s").channel(ch).createdAt(at).text(text).replyTo(replyTo)
                .author(new Author("a-" + id, null, followers, null, null, null, official)).ticket(ticket)
                .interactions(new Interactions(1, 1, 1)).build();
        List<OpinionPoint> ops = aspects.stream().map(a -> new OpinionPoint(a, a, p, List.of(), text)).toList();
        return new AnalyzedFeedback(i, new Analysis(List.of(), new Sentiment(p, 0, List.of()), ops, null, null, 0, Set.of(), "t"),
                "2026-W45", "2026-11-02");
    }

    @Test
    void firstMatchingRuleWinsElseTheChannelsDepartment() {
        Router router = new Router(List.of(
                new RoutingRule("quality", Set.of(), Set.of(), Set.of(), 0, List.of("发烫"), false),
                new RoutingRule("pr", Set.of(Channel.SOCIAL), Set.of(), Set.of(Polarity.NEGATIVE), 10_000, List.of(), false),
                new RoutingRule("product", Set.of(), Set.of("battery"), Set.of(), 0, List.of(), false)));
        AnalyzedFeedback hot = item("1", Channel.SOCIAL, "手机发烫", Polarity.NEGATIVE, 50_000, List.of(), T, null, false, null);
        AnalyzedFeedback loud = item("2", Channel.SOCIAL, "太差了", Polarity.NEGATIVE, 50_000, List.of(), T, null, false, null);
        AnalyzedFeedback quiet = item("3", Channel.SOCIAL, "太差了", Polarity.NEGATIVE, 10, List.of(), T, null, false, null);
        AnalyzedFeedback battery = item("4", Channel.TICKET, "掉电快", Polarity.NEGATIVE, 0, List.of("battery"), T, null, false, null);
        assertThat(router.department(hot, CaseAssembler.reach(hot.item()))).isEqualTo("quality");
        assertThat(router.department(loud, CaseAssembler.reach(loud.item()))).isEqualTo("pr");
        assertThat(router.department(quiet, CaseAssembler.reach(quiet.item()))).isEqualTo("pr"); // social's default
        assertThat(router.match(quiet, CaseAssembler.reach(quiet.item()))).isEmpty();
        assertThat(router.department(battery, 0)).isEqualTo("product");
        assertThat(Router.byChannel().department(battery, 0)).isEqualTo("service");
    }

    @Test
    void firstResponseIsTheEarliestOfficialReplyTicketOrEventAndOnlyUserPostsAreCases() {
        LifecycleLog log = new LifecycleLog();
        log.add(new LifecycleEvent("e", "t1", LifecycleEvent.Type.REPLIED, T.plus(Duration.ofMinutes(8)), null, "王", false, null, null, null));
        CaseAssembler a = new CaseAssembler(CalendarKeys.defaultZone(), Router.byChannel(), log);
        a.officialReply(item("r1", Channel.SOCIAL, "您好", Polarity.NEUTRAL, 0, List.of(), T.plus(Duration.ofMinutes(40)), "p1", true, null).item());
        a.officialReply(item("r2", Channel.SOCIAL, "您好", Polarity.NEUTRAL, 0, List.of(), T.plus(Duration.ofMinutes(25)), "p1", true, null).item());
        a.officialReply(item("u1", Channel.SOCIAL, "同问", Polarity.NEUTRAL, 0, List.of(), T.plus(Duration.ofMinutes(1)), "p1", false, null).item());

        SpeedCase post = a.fromItem(item("p1", Channel.SOCIAL, "求助", Polarity.NEUTRAL, 0, List.of(), T, null, false, null)).orElseThrow();
        assertThat(post.firstResponseAt()).isEqualTo(T.plus(Duration.ofMinutes(25)));
        SpeedCase ticket = a.fromItem(item("t1", Channel.TICKET, "坏了", Polarity.NEGATIVE, 0, List.of(), T, null, false,
                new TicketInfo("solved", T.plus(Duration.ofMinutes(30)), T.plus(Duration.ofHours(3))))).orElseThrow();
        assertThat(ticket.firstResponseAt()).isEqualTo(T.plus(Duration.ofMinutes(8)));
        assertThat(ticket.resolvedAt()).isEqualTo(T.plus(Duration.ofHours(3)));
        assertThat(ticket.owner()).isEqualTo("王");
        assertThat(a.fromItem(item("r9", Channel.SOCIAL, "您好", Polarity.NEUTRAL, 0, List.of(), T, null, true, null))).isEmpty();
        assertThat(a.fromItem(item("c9", Channel.SOCIAL, "同问", Polarity.NEUTRAL, 0, List.of(), T, "p1", false, null))).isEmpty();
    }

    @Test
    void theQueueClockStopsOutsideBusinessHours() {
        ZoneId sh = ZoneId.of("Asia/Shanghai");
        BusinessHours office = new BusinessHours(sh, false, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
        SpeedMetrics m = new SpeedMetrics(SlaPolicy.DEFAULT, office);
        Instant friday1730 = java.time.LocalDateTime.parse("2026-11-06T17:30").atZone(sh).toInstant();
        SpeedCase c = new SpeedCase("x", Channel.SOCIAL, null, null, "pr", null, friday1730, null, null, false, true, 0, null);
        Instant mondayNine20 = java.time.LocalDateTime.parse("2026-11-09T09:20").atZone(sh).toInstant();
        LiveQueue.Entry e = new LiveQueue(m).entries(List.of(c), mondayNine20).get(0);
        assertThat(e.elapsedMinutes()).isEqualTo(50.0);
        assertThat(e.status()).isEqualTo(LiveQueue.Status.OK);
        assertThat(e.deadline()).isEqualTo(java.time.LocalDateTime.parse("2026-11-09T10:10").atZone(sh).toInstant());
        Instant mondayNine55 = mondayNine20.plus(Duration.ofMinutes(35));
        assertThat(new LiveQueue(m).entries(List.of(c), mondayNine55).get(0).status()).isEqualTo(LiveQueue.Status.AT_RISK);
    }
}
