package io.koubei.analysis.signals.astroturf;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.TestItems;
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

class AstroturfDetectorTest {
    static final Instant START = Instant.parse("2026-10-01T12:00:00Z");
    static final List<String> OPENERS = List.of("", "用了一周了，", "刚入手，", "说实话，", "家人们，", "换机第三天，");
    static final List<String> ASPECTS = List.of("续航", "屏幕", "拍照", "信号", "发热", "客服", "系统");
    static final List<String> VERDICTS = List.of("真的很好", "有点差", "比上一代强多了", "还需要改进", "让人失望",
            "一点也不差", "不太给力", "超出预期");
    static final List<String> CLOSERS = List.of("", "推荐！", "失望。", "希望尽快修复。", "值得买。", "求解答");

    /** Four weeks of ordinary social posts by established accounts, texts from a small vocabulary. */
    static List<AnalyzedFeedback> calm(Random r, int n) {
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = START.plusSeconds(r.nextInt(28 * 86400));
            String text = OPENERS.get(r.nextInt(OPENERS.size())) + "这台手机的" + ASPECTS.get(r.nextInt(ASPECTS.size()))
                    + VERDICTS.get(r.nextInt(VERDICTS.size())) + "，" + CLOSERS.get(r.nextInt(CLOSERS.size()));
            int followers = (int) Math.min(90_000, Math.exp(5 + 1.4 * r.nextGaussian()));
            Author a = new Author("u" + r.nextInt(3000), "user", followers,
                    t.minus(Duration.ofDays(60 + r.nextInt(3000))), null, false, false);
            out.add(TestItems.item().channel(Channel.SOCIAL).product("X1").at(t).text(text).author(a)
                    .polarity(Polarity.values()[r.nextInt(3)]).build());
        }
        return out;
    }

    /** A campaign: {@code n} template praise posts in ~110 minutes from new low-follower accounts. */
    static List<AnalyzedFeedback> campaign(Random r, int n, Instant start) {
        List<String> heads = List.of("星河X1焕新版", "新出的星河X1", "星河X1");
        List<String> bodies = List.of("续航真的太顶了，一天重度使用还剩一半电", "拍照清晰度吊打同价位", "系统丝滑流畅完全不卡");
        List<String> tails = List.of("，闭眼入！", "，强烈推荐给大家！", "，国货之光！！", "，买到就是赚到", "，已经推荐给朋友了");
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = start.plusSeconds(r.nextInt(110 * 60));
            String body = bodies.get(i % bodies.size());
            String text = heads.get(r.nextInt(heads.size())) + body + tails.get(r.nextInt(tails.size()))
                    + (r.nextBoolean() ? "[赞]" : "");
            Author a = new Author("wb-6" + i, "用户" + (7_000_000 + i), r.nextInt(25),
                    t.minus(Duration.ofDays(1 + r.nextInt(20))), null, false, false);
            out.add(TestItems.item().id("astro-" + i).channel(Channel.SOCIAL).product("X1").at(t).text(text).author(a)
                    .polarity(Polarity.POSITIVE).opinion("battery", Polarity.POSITIVE, body).build());
        }
        return out;
    }

    @Test
    void flagsTheCampaignWithItsEvidenceAndNothingElse() {
        Random r = new Random(42);
        List<AnalyzedFeedback> items = new ArrayList<>(calm(r, 4000));
        items.addAll(campaign(r, 220, START.plus(Duration.ofDays(9))));

        AstroturfReport report = new AstroturfDetector().detect(items);

        long flaggedCampaign = report.flaggedItemIds().stream().filter(id -> id.startsWith("astro-")).count();
        long flaggedGenuine = report.flaggedItemIds().size() - flaggedCampaign;
        assertThat(flaggedCampaign).isGreaterThanOrEqualTo(200);
        assertThat(flaggedGenuine).isLessThanOrEqualTo(5);

        List<Signal> astro = report.signals().stream().filter(s -> s.type() == SignalType.ASTROTURF).toList();
        assertThat(astro).isNotEmpty();
        Signal top = astro.stream().max((a, b) -> Double.compare(a.evidence().figures().get("items"),
                b.evidence().figures().get("items"))).orElseThrow();
        assertThat(top.channels()).containsExactly(Channel.SOCIAL);
        assertThat(top.product()).isEqualTo("X1");
        assertThat(top.aspect()).isEqualTo("battery");
        assertThat(top.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(top.evidence().figures().get("accounts")).isGreaterThanOrEqualTo(100);
        assertThat(top.evidence().figures().get("medianFollowers")).isLessThan(25);
        assertThat(top.evidence().figures().get("medianAccountAgeDays")).isLessThan(22);
        assertThat(top.evidence().figures().get("spanMinutes")).isLessThanOrEqualTo(110);
        assertThat(top.evidence().itemIds()).allMatch(id -> id.startsWith("astro-"));
        assertThat(top.evidence().facts().get("samples")).contains("星河X1");
        assertThat(top.dedupKey()).startsWith("ASTROTURF|").contains("|dup-astro-");
        assertThat(astro).hasSize(1);
        assertThat(top.evidence().facts().get("clusters").split(",")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void calmTrafficRaisesNothing() {
        AstroturfReport report = new AstroturfDetector().detect(calm(new Random(3), 4000));
        assertThat(report.signals()).isEmpty();
        assertThat(report.flaggedItemIds()).isEmpty();
    }

    @Test
    void sameCampaignFromEstablishedAccountsIsReportedButNotFlagged() {
        Random r = new Random(5);
        List<AnalyzedFeedback> items = new ArrayList<>();
        for (AnalyzedFeedback f : campaign(r, 60, START)) {
            Author old = new Author(f.item().authorId(), "old", 5000, Instant.parse("2018-01-01T00:00:00Z"), null,
                    false, false);
            items.add(new AnalyzedFeedback(f.item().toBuilder().author(old).build(), f.analysis(), f.week(), f.day()));
        }
        AstroturfReport report = new AstroturfDetector().detect(items);
        assertThat(report.clusters()).isNotEmpty();
        assertThat(report.clusters()).noneMatch(SuspectCluster::flagged);
        assertThat(report.flaggedItemIds()).isEmpty();
    }

    @Test
    void lockstepAccountsOnTheSameTargetsAreGrouped() {
        Random r = new Random(9);
        List<AnalyzedFeedback> items = new ArrayList<>();
        for (int target = 0; target < 5; target++) {
            Instant t = START.plus(Duration.ofHours(target * 7L));
            for (int acc = 0; acc < 6; acc++) {
                Author a = new Author("ring-" + acc, "x", 3, t.minus(Duration.ofDays(5)), null, false, false);
                items.add(TestItems.item().replyTo("post-" + target).at(t.plusSeconds(30L * acc + r.nextInt(20)))
                        .text("支持支持" + target + acc).author(a).build());
            }
            // genuine replies spread over the day
            for (int g = 0; g < 6; g++) {
                items.add(TestItems.item().replyTo("post-" + target).at(t.plusSeconds(3600L * (g + 1)))
                        .text("路过看看").author("fan-" + r.nextInt(1000)).build());
            }
        }
        AstroturfReport report = new AstroturfDetector().detect(items);
        assertThat(report.lockstep()).hasSize(1);
        LockstepGroup g = report.lockstep().get(0);
        assertThat(g.flagged()).isTrue();
        assertThat(g.accounts()).containsExactly("ring-0", "ring-1", "ring-2", "ring-3", "ring-4", "ring-5");
        assertThat(g.targets()).hasSize(5);
        assertThat(report.signals()).anyMatch(s -> s.subject().equals("lockstep-ring-0"));
    }

    @Test
    void paraphrasedBurstFromNewAccountsIsReportedButNotFlaggedByDefault() {
        Random r = new Random(13);
        List<AnalyzedFeedback> items = new ArrayList<>(calm(r, 2000));
        Instant start = START.plus(Duration.ofDays(5));
        for (int i = 0; i < 60; i++) {
            Instant t = start.plusSeconds(r.nextInt(90 * 60));
            Author a = new Author("new" + i, "用户" + i, r.nextInt(10), t.minus(Duration.ofDays(2)), null, false, false);
            // every text different: no near-duplicates
            items.add(TestItems.item().id("para-" + i).channel(Channel.SOCIAL).product("X1").at(t).author(a)
                    .text(Long.toString(r.nextLong(), 36) + "好" + Long.toString(r.nextLong(), 36))
                    .polarity(Polarity.POSITIVE).build());
        }
        AstroturfReport report = new AstroturfDetector().detect(items);
        assertThat(report.flaggedItemIds()).isEmpty();
        assertThat(report.signals()).singleElement().satisfies(s -> {
            assertThat(s.subject()).startsWith("burst-");
            assertThat(s.evidence().figures().get("items")).isEqualTo(60.0);
            assertThat(s.evidence().itemIds()).allMatch(id -> id.startsWith("para-"));
        });
        AstroturfParams flagging = new AstroturfParams(AstroturfParams.DEFAULTS.nearDuplicate(), 10, 8,
                Duration.ofHours(2), 30, 50, 0.5, 0.9, Duration.ofMinutes(10), 3, 3, 5, 30, true);
        assertThat(new AstroturfDetector(flagging).detect(items).flaggedItemIds()).hasSize(60);
    }

    @Test
    void tenThousandItemsClusterQuickly() {
        Random r = new Random(11);
        List<AnalyzedFeedback> items = new ArrayList<>(calm(r, 10_000));
        items.addAll(campaign(r, 300, START.plus(Duration.ofDays(3))));
        long t0 = System.nanoTime();
        List<List<AnalyzedFeedback>> clusters = new NearDuplicateClusterer().cluster(items);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long campaignClustered = clusters.stream().filter(c -> c.size() >= 10).flatMap(List::stream)
                .filter(f -> f.id().startsWith("astro-")).count();
        assertThat(campaignClustered).isGreaterThanOrEqualTo(270);
        assertThat(ms).as("generous: the build machine is shared").isLessThan(30_000);
        System.out.printf("near-duplicate clustering of %d items: %d ms%n", items.size(), ms);
    }
}
