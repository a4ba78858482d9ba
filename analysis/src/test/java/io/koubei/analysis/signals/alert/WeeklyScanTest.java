package io.koubei.analysis.signals.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.TestItems;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.trend.ProductEvent;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A small synthetic world of 12 weeks across channels, calm or with the demo's scenarios, scanned week by
 * week: each scenario must surface as its signal type in its week, and the calm world must stay silent.
 */
class WeeklyScanTest {
    static final List<String> WEEKS = Weeks.range("2026-W30", "2026-W41");
    static final List<String> ASPECTS = List.of("battery", "heat", "screen", "camera", "signal", "system");
    static final Author OFFICIAL = new Author("wb-1", "星河手机", 2_000_000, Instant.parse("2015-01-01T00:00:00Z"), null,
            true, true);

    static final class World {
        final Random r;
        final boolean scenarios;
        final List<AnalyzedFeedback> items = new ArrayList<>();

        World(long seed, boolean scenarios) {
            this.r = new Random(seed);
            this.scenarios = scenarios;
            for (String w : WEEKS) {
                week(w, WEEKS.indexOf(w));
            }
        }

        Author user(String prefix, int i) {
            return new Author(prefix + i, prefix + i, 100 + (i * 37) % 5000, Instant.parse("2022-01-01T00:00:00Z"),
                    1 + i % 3, false, false);
        }

        Polarity pick(double pos, double neg) {
            double u = r.nextDouble();
            return u < pos ? Polarity.POSITIVE : u < pos + neg ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        }

        String text(String aspect, Polarity p) {
            return "关于" + aspect + "的第" + r.nextInt(1_000_000) + "条" + (p == Polarity.NEGATIVE ? "吐槽" : "反馈")
                    + Long.toString(r.nextLong(), 36);
        }

        void add(Channel ch, String source, Author a, String week, Polarity p, String aspect, String replyTo) {
            items.add(TestItems.item().channel(ch).source(source).product("X1").author(a).replyTo(replyTo)
                    .at(TestItems.inWeek(week, r.nextInt(4 * 24 * 60) - 2 * 24 * 60 + 600)).polarity(p)
                    .text(text(aspect, p)).opinion(aspect, p, aspect + "…").build());
        }

        void week(String w, int i) {
            boolean glow = scenarios && i >= 8;
            for (int k = 0; k < 300; k++) {
                add(Channel.SOCIAL, "weibo", user("wb", r.nextInt(20_000)), w, pick(glow ? 0.6 : 0.4, glow ? 0.1 : 0.2),
                        ASPECTS.get(r.nextInt(ASPECTS.size())), null);
            }
            int heatExtra = glow ? 12 * Math.min(i - 7, 3) : 0;
            for (int k = 0; k < 100 + heatExtra; k++) {
                String aspect = k >= 100 ? "heat" : ASPECTS.get(r.nextInt(ASPECTS.size()));
                add(Channel.TICKET, "zendesk", user("zd", r.nextInt(50_000)), w, k >= 100 ? Polarity.NEGATIVE : pick(0.05, 0.6),
                        aspect, null);
            }
            for (int c = 0; c < 12; c++) {
                Author core = new Author("core" + c, "老粉", 900, Instant.parse("2020-01-01T00:00:00Z"), 7, false, false);
                for (int k = 0; k < 2; k++) {
                    boolean complaint = scenarios && i == 6 && k == 0;
                    String aspect = complaint ? "aod" : ASPECTS.get(r.nextInt(ASPECTS.size()));
                    items.add(TestItems.item().channel(Channel.COMMUNITY).source("forum").product("X1").author(core)
                            .version(complaint ? "2.1.0" : "2.0.5").at(TestItems.inWeek(w, r.nextInt(3000)))
                            .polarity(complaint ? Polarity.NEGATIVE : pick(0.3, 0.3)).text("测了功耗和帧率 " + r.nextLong())
                            .opinion(aspect, complaint ? Polarity.NEGATIVE : Polarity.NEUTRAL, "息屏显示耗电").build());
                }
            }
            for (int k = 0; k < 80; k++) {
                add(Channel.COMMUNITY, "forum", user("mass", r.nextInt(3000)), w, pick(0.35, 0.3),
                        ASPECTS.get(r.nextInt(ASPECTS.size())), null);
            }
            boolean quiet = scenarios && i >= 9;
            for (int k = 0; k < (quiet ? 3 : 80); k++) { // spread over every day of the week, as shops sell daily
                Polarity p = pick(0.6, 0.15);
                String aspect = ASPECTS.get(r.nextInt(ASPECTS.size()));
                items.add(TestItems.item().channel(Channel.REVIEW).source("tmall").product("X1")
                        .author(user("tm", r.nextInt(50_000))).at(TestItems.inWeek(w, r.nextInt(7 * 24 * 60)))
                        .polarity(p).text(text(aspect, p)).opinion(aspect, p, aspect + "…").build());
            }
            for (int k = 0; k < 80; k++) {
                add(Channel.REVIEW, "jd", user("jd", r.nextInt(50_000)), w, pick(0.6, 0.15),
                        ASPECTS.get(r.nextInt(ASPECTS.size())), null);
            }
            for (int k = 0; k < 60; k++) {
                double u = r.nextDouble();
                items.add(TestItems.item().channel(Channel.SURVEY).source("survey").product("X1")
                        .author(user("r", r.nextInt(100_000))).at(TestItems.inWeek(w, k)).nps(u < 0.5 ? 9 : u < 0.8 ? 7 : 4)
                        .build());
            }
            for (int p = 0; p < 3; p++) {
                String post = "official-" + w + "-" + p;
                items.add(TestItems.item().id(post).channel(Channel.SOCIAL).source("weibo").author(OFFICIAL)
                        .at(TestItems.inWeek(w, p * 1000)).text("官方动态").build());
                for (int k = 0; k < 30; k++) {
                    Author who = scenarios && r.nextDouble() < 0.78 ? user("fan", r.nextInt(10)) : user("wb", r.nextInt(20_000));
                    items.add(TestItems.item().channel(Channel.SOCIAL).source("weibo").author(who).replyTo(post)
                            .at(TestItems.inWeek(w, p * 1000 + 5 + k * 7)).polarity(Polarity.POSITIVE).text("支持").build());
                }
            }
            if (scenarios && i == 5) {
                Instant start = TestItems.inWeek(w, 600);
                for (int k = 0; k < 200; k++) {
                    Instant t = start.plusSeconds(r.nextInt(110 * 60));
                    Author bot = new Author("bot" + k, "用户" + k, r.nextInt(25), t.minus(Duration.ofDays(1 + r.nextInt(20))),
                            null, false, false);
                    items.add(TestItems.item().id("bot-" + k).channel(Channel.SOCIAL).source("weibo").product("X1")
                            .author(bot).at(t).polarity(Polarity.POSITIVE)
                            .text(List.of("星河X1焕新版", "新出的星河X1").get(r.nextInt(2)) + "续航真的太顶了，一天重度使用还剩一半电"
                                    + List.of("，闭眼入！", "，国货之光！！", "，强烈推荐给大家！").get(r.nextInt(3)))
                            .opinion("battery", Polarity.POSITIVE, "续航真的太顶了").build());
                }
            }
        }
    }

    static List<Signal> scan(World world, String week) {
        return new WeeklyScan(ScanConfig.defaults().withDataStart(WEEKS.get(0)), TestItems.CAL)
                .run(world.items, week, List.of()).signals();
    }

    @Test
    void eachScenarioSurfacesInItsWeek() {
        World world = new World(1, true);

        WeeklyScan.Result w35 = new WeeklyScan(ScanConfig.defaults().withDataStart(WEEKS.get(0)), TestItems.CAL)
                .run(world.items, "2026-W35", List.of());
        assertThat(w35.signals()).anyMatch(s -> s.type() == SignalType.ASTROTURF && s.channels().contains(Channel.SOCIAL));
        assertThat(w35.flaggedItemIds()).hasSizeGreaterThanOrEqualTo(190).allMatch(id -> id.startsWith("bot-"));

        assertThat(scan(world, "2026-W36")).anyMatch(s -> s.type() == SignalType.CORE_COMPLAINT && "aod".equals(s.aspect()));

        List<Signal> w39 = scan(world, "2026-W39");
        assertThat(w39).anyMatch(s -> s.type() == SignalType.DIVERGENCE
                && s.channels().equals(List.of(Channel.SOCIAL, Channel.TICKET)) && "heat".equals(s.aspect()));
        assertThat(w39).anyMatch(s -> s.type() == SignalType.SPIKE && s.channels().equals(List.of(Channel.TICKET))
                && "heat".equals(s.aspect()));

        // tmall goes quiet in W39: seen on day series within that week, before the weekly series can tell
        assertThat(w39).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo(SignalType.SILENCE);
            assertThat(s.subject()).isEqualTo("tmall/volume");
            assertThat(s.day()).startsWith("2026-09-2");
            assertThat(s.week()).isEqualTo("2026-W39");
        });
        assertThat(w39).noneMatch(s -> s.type() == SignalType.SILENCE && s.day() == null);

        List<Signal> w41 = scan(world, "2026-W41");
        assertThat(w41).anyMatch(s -> s.type() == SignalType.SILENCE && s.subject().equals("tmall/volume"));
        assertThat(w41).anyMatch(s -> s.type() == SignalType.COCOON && "wb-1".equals(s.subject()));
        // Signals name what they are about and carry drill-down evidence.
        assertThat(w41).allMatch(s -> !s.title().isBlank() && !s.evidence().figures().isEmpty());
    }

    @Test
    void calmWorldStaysSilent() {
        World world = new World(2, false);
        for (String w : List.of("2026-W35", "2026-W36", "2026-W39", "2026-W41")) {
            assertThat(scan(world, w)).as(w).isEmpty();
        }
    }

    @Test
    void eventsAreJudgedWhenTheirAfterWindowCloses() {
        World world = new World(3, true);
        Instant ota = TestItems.CAL.weekStart("2026-W36").plus(Duration.ofDays(1));
        ProductEvent event = new ProductEvent("ota-2.1.0", ProductEvent.Kind.OTA, "X1", "2.1.0", ota, "OTA 2.1.0");
        WeeklyScan scan = new WeeklyScan(ScanConfig.defaults().withDataStart(WEEKS.get(0)), TestItems.CAL);
        assertThat(scan.run(world.items, "2026-W37", List.of(event)).signals())
                .noneMatch(s -> s.type() == SignalType.EVENT_IMPACT);
        // OTA in W36: aod complaints appear right after it; the 14-day after-window closes in W38.
        List<Signal> w38 = scan.run(world.items, "2026-W38", List.of(event)).signals();
        assertThat(w38).anyMatch(s -> s.type() == SignalType.EVENT_IMPACT && "ota-2.1.0".equals(s.subject()));
    }
}
