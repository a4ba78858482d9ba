package io.koubei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each documented scenario can be measured in the generated items (counted here from the data, never hard-coded),
 * and the calm control has none of them.
 */
class DemoScenariosTest {
    private static final String PRODUCT = "nova-x1";

    private static DemoScenario scenario(ScenarioType type) {
        return DemoScenarios.of(DemoOptions.defaults()).stream().filter(s -> s.type() == type).findFirst().orElseThrow();
    }

    @Test
    void scenarioListMatchesTheDocumentedWeeks() {
        List<DemoScenario> list = DemoScenarios.of(DemoOptions.defaults());
        assertThat(list).extracting(DemoScenario::type).containsExactlyInAnyOrder(ScenarioType.values());
        assertThat(scenario(ScenarioType.LAUNCH_DIVERGENCE).weekKey()).isEqualTo("2026-W43");
        assertThat(scenario(ScenarioType.LAUNCH_DIVERGENCE).toWeekKey()).isEqualTo("2026-W45");
        assertThat(scenario(ScenarioType.ASTROTURF_BURST).weekKey()).isEqualTo("2026-W40");
        assertThat(scenario(ScenarioType.CORE_COMPLAINT_AFTER_UPDATE).weekKey()).isEqualTo("2026-W41");
        assertThat(scenario(ScenarioType.CHANNEL_QUIET).weekKey()).isEqualTo("2026-W45");
        assertThat(DemoScenarios.of(DemoOptions.defaults().withCalm(true))).isEmpty();
        assertThat(DemoScenarios.events(DemoOptions.defaults()))
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("launch");
                    assertThat(DemoFixtures.KEYS.week(e.at())).isEqualTo("2026-W43");
                });
    }

    @Test
    void launchDivergenceSocialGlowsWhileTicketsOnOneAspectClimb() {
        DemoScenario s = scenario(ScenarioType.LAUNCH_DIVERGENCE);
        Divergence d = divergence(DemoFixtures.full(), s.fromWeek(), s.toWeek(), DemoAspect.fromKey(s.aspect()));
        assertThat(d.ticketRatio()).as("aspect tickets in weeks %d-%d vs baseline", s.fromWeek(), s.toWeek())
                .isGreaterThanOrEqualTo(3.0);
        assertThat(d.launchPositive() - d.basePositive()).as("rise of social positive share").isGreaterThan(0.2);
        assertThat(d.socialVolumeRatio()).as("social volume in the launch week").isGreaterThan(1.8);
    }

    @Test
    void astroturfBurstIsNearDuplicatePraiseFromNewAccountsWithinTwoHours() {
        DemoScenario s = scenario(ScenarioType.ASTROTURF_BURST);
        List<FeedbackItem> cluster = largestNewAccountBurst(DemoFixtures.full());
        assertThat(cluster).hasSizeBetween(150, 300);
        assertThat(cluster).allSatisfy(i -> {
            assertThat(DemoFixtures.KEYS.week(i.createdAt())).isEqualTo(s.weekKey());
            assertThat(i.channel()).isEqualTo(s.channel());
        });
        assertThat(cluster.stream().map(FeedbackItem::authorId).distinct()).hasSize(cluster.size());
        // near duplicates: each post shares most of its character bigrams with some other post of the cluster
        List<Set<String>> shingles = cluster.stream().map(i -> bigrams(i.text())).toList();
        long nearDuplicates = 0;
        for (int i = 0; i < shingles.size(); i++) {
            double best = 0;
            for (int j = 0; j < shingles.size() && best < 0.6; j++) {
                if (i != j) {
                    best = Math.max(best, jaccard(shingles.get(i), shingles.get(j)));
                }
            }
            if (best >= 0.6) {
                nearDuplicates++;
            }
        }
        assertThat((double) nearDuplicates / cluster.size()).isGreaterThan(0.95);
        // and the praise is one-sided
        Set<String> ids = cluster.stream().map(FeedbackItem::id).collect(Collectors.toSet());
        assertThat(DemoFixtures.full().stream().filter(r -> ids.contains(r.item().id())))
                .allSatisfy(r -> assertThat(r.polarity()).isEqualTo(Polarity.POSITIVE));
    }

    @Test
    void coreUsersRepeatedlyComplainAboutOneDetailAfterTheUpdate() {
        DemoScenario s = scenario(ScenarioType.CORE_COMPLAINT_AFTER_UPDATE);
        Map<Integer, Integer> perWeek = new HashMap<>();
        Map<String, Integer> perAuthor = new HashMap<>();
        for (DemoRecord r : coreDetailPosts(DemoFixtures.full())) {
            perWeek.merge(DemoFixtures.week(r), 1, Integer::sum);
            if (DemoFixtures.week(r) >= s.fromWeek()) {
                perAuthor.merge(r.item().authorId(), 1, Integer::sum);
                assertThat(r.item().productVersion()).isGreaterThanOrEqualTo("2.1.0");
            }
        }
        for (int w = 1; w < s.fromWeek(); w++) {
            assertThat(perWeek.getOrDefault(w, 0)).as("week %d before the update", w).isLessThan(3);
        }
        for (int w = s.fromWeek(); w <= s.toWeek(); w++) {
            assertThat(perWeek.getOrDefault(w, 0)).as("week %d after the update", w).isGreaterThanOrEqualTo(25);
        }
        assertThat(perAuthor.size()).as("distinct enthusiasts").isBetween(20, 120);
        assertThat(perAuthor.values().stream().filter(n -> n >= 3).count()).as("repeat complainers")
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void quietSourceDropsBelowTenPercentOfItsBaseline() {
        DemoScenario s = scenario(ScenarioType.CHANNEL_QUIET);
        int[] weekly = weekly(DemoFixtures.full(), i -> i.source().equals(s.source()) && i.channel() == s.channel());
        double baseline = mean(weekly, 1, s.fromWeek() - 1);
        assertThat(baseline).isGreaterThan(100);
        for (int w = s.fromWeek(); w <= s.toWeek(); w++) {
            assertThat(weekly[w]).as("week %d", w).isLessThan((int) (0.1 * baseline));
        }
    }

    @Test
    void repliesUnderTheOfficialAccountComeFromAboutTenAccounts() {
        for (int w = 1; w <= 12; w++) {
            assertThat(officialReplyTop10Share(DemoFixtures.full(), w)).as("week %d CR10", w).isGreaterThan(0.6);
        }
    }

    @Test
    void calmControlHasNoneOfTheScenarios() {
        List<DemoRecord> calm = DemoFixtures.calm();
        assertThat(calm).hasSizeGreaterThanOrEqualTo(50_000);
        assertThat(calm).noneMatch(r -> r.scenario() != null || r.group() == AuthorGroup.ASTROTURF
                || r.group() == AuthorGroup.FAN);
        Divergence d = divergence(calm, 8, 10, DemoAspect.HEAT);
        assertThat(d.ticketRatio()).isLessThan(1.6);
        assertThat(Math.abs(d.launchPositive() - d.basePositive())).isLessThan(0.06);
        assertThat(d.socialVolumeRatio()).isLessThan(1.25);
        assertThat(largestNewAccountBurst(calm)).hasSizeLessThan(10);
        assertThat(coreDetailPosts(calm)).hasSizeLessThan(10);
        int[] tmall = weekly(calm, i -> i.source().equals("tmall"));
        for (int w = 10; w <= 12; w++) {
            assertThat(tmall[w]).isGreaterThan((int) (0.7 * mean(tmall, 1, 9)));
        }
        for (int w = 1; w <= 12; w++) {
            assertThat(officialReplyTop10Share(calm, w)).as("week %d CR10", w).isLessThan(0.4);
        }
    }

    @Test
    void calmControlHasNoSpikeOrSilenceUnderARobustBaselineWhileScenariosDo() {
        assertThat(robustAlerts(DemoFixtures.calm())).isEmpty();
        Set<String> alerts = robustAlerts(DemoFixtures.full());
        assertThat(alerts).contains("spike ticket/heat/nova-x1 week 8", "spike ticket/heat/nova-x1 week 9",
                "spike ticket/heat/nova-x1 week 10", "silence review/tmall/nova-x1 week 11",
                "spike community/battery/nova-x1 week 6");
    }

    /**
     * Weekly counts per (channel, source) and (channel, aspect) of our and the rival's items, judged as metrics.md
     * describes: median and MAD of the trailing 8 weeks (at least 4), band = max(3·1.4826·MAD, 3·√median); a spike is
     * a week above the band with at least 10 items, a silence the mean of two weeks below it.
     */
    private static Set<String> robustAlerts(List<DemoRecord> data) {
        Map<String, int[]> series = new HashMap<>();
        for (DemoRecord r : data) {
            FeedbackItem i = r.item();
            if (i.fromOfficialAccount()) {
                continue;
            }
            int w = DemoFixtures.week(r);
            series.computeIfAbsent(i.channel().wireName() + "/" + i.source() + "/" + i.product(), k -> new int[14])[w]++;
            if (r.aspect() != null) {
                series.computeIfAbsent(i.channel().wireName() + "/" + r.aspect().key() + "/" + i.product(),
                        k -> new int[14])[w]++;
            }
        }
        Set<String> alerts = new java.util.TreeSet<>();
        series.forEach((key, counts) -> {
            for (int w = 5; w <= 12; w++) {
                double[] history = new double[Math.min(8, w - 1)];
                for (int h = 0; h < history.length; h++) {
                    history[h] = counts[w - 1 - h];
                }
                double median = median(history);
                double[] deviations = java.util.Arrays.stream(history).map(x -> Math.abs(x - median)).toArray();
                double mad = median(deviations);
                double band = Math.max(3 * 1.4826 * mad, 3 * Math.sqrt(Math.max(median, 1)));
                if (counts[w] >= 10 && counts[w] > median + band) {
                    alerts.add("spike " + key + " week " + w);
                }
                if (w >= 6 && median >= 10) {
                    double[] before = new double[Math.min(8, w - 2)];
                    for (int h = 0; h < before.length; h++) {
                        before[h] = counts[w - 2 - h];
                    }
                    double m = median(before);
                    double b = Math.max(3 * 1.4826 * median(java.util.Arrays.stream(before).map(x -> Math.abs(x - m))
                            .toArray()), 3 * Math.sqrt(m / 2));
                    if ((counts[w] + counts[w - 1]) / 2.0 < m - b) {
                        alerts.add("silence " + key + " week " + w);
                    }
                }
            }
        });
        return alerts;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    record Divergence(double ticketRatio, double basePositive, double launchPositive, double socialVolumeRatio) {
    }

    /** Tickets on the aspect (by the ticket's category tag) and social sentiment of our product's posts. */
    private static Divergence divergence(List<DemoRecord> data, int from, int to, DemoAspect aspect) {
        int[] tickets = weekly(data, i -> i.channel() == Channel.TICKET && i.tags().contains(aspect.label()));
        Predicate<DemoRecord> socialPost = r -> r.item().channel() == Channel.SOCIAL && r.item().replyTo() == null
                && PRODUCT.equals(r.item().product()) && !r.item().fromOfficialAccount()
                && r.group() != AuthorGroup.ASTROTURF;
        int[] posts = new int[14];
        int[] positive = new int[14];
        for (DemoRecord r : data) {
            if (socialPost.test(r)) {
                int w = DemoFixtures.week(r);
                posts[w]++;
                if (r.polarity() == Polarity.POSITIVE) {
                    positive[w]++;
                }
            }
        }
        double base = 0;
        double basePosts = 0;
        for (int w = 1; w < from; w++) {
            base += positive[w];
            basePosts += posts[w];
        }
        return new Divergence(mean(tickets, from, to) / mean(tickets, 1, from - 1), base / basePosts,
                (double) positive[from] / posts[from], posts[from] / (basePosts / (from - 1)));
    }

    /** Largest set of social posts within 2 hours from accounts registered under 30 days before posting. */
    private static List<FeedbackItem> largestNewAccountBurst(List<DemoRecord> data) {
        List<FeedbackItem> fresh = data.stream().map(DemoRecord::item)
                .filter(i -> i.channel() == Channel.SOCIAL && i.replyTo() == null && i.author() != null
                        && i.author().registeredAt() != null
                        && Duration.between(i.author().registeredAt(), i.createdAt()).toDays() < 30)
                .toList(); // already in time order
        List<FeedbackItem> best = List.of();
        int start = 0;
        for (int end = 0; end < fresh.size(); end++) {
            Instant limit = fresh.get(end).createdAt().minus(Duration.ofHours(2));
            while (fresh.get(start).createdAt().isBefore(limit)) {
                start++;
            }
            if (end - start + 1 > best.size()) {
                best = fresh.subList(start, end + 1);
            }
        }
        return new ArrayList<>(best);
    }

    /** Community items by enthusiasts (forum level 7+) about the always-on display's drain. */
    private static List<DemoRecord> coreDetailPosts(List<DemoRecord> data) {
        return data.stream().filter(r -> r.item().channel() == Channel.COMMUNITY && !r.item().fromOfficialAccount()
                && r.item().author().level() != null && r.item().author().level() >= 7
                && r.item().text().contains("息屏显示")).toList();
    }

    private static double officialReplyTop10Share(List<DemoRecord> data, int week) {
        Set<String> officialPosts = new HashSet<>();
        Map<String, Integer> byAuthor = new HashMap<>();
        int total = 0;
        for (DemoRecord r : data) {
            FeedbackItem i = r.item();
            if (i.channel() != Channel.SOCIAL) {
                continue;
            }
            if (i.fromOfficialAccount() && i.replyTo() == null) {
                officialPosts.add(i.id());
            } else if (i.replyTo() != null && officialPosts.contains(i.replyTo()) && !i.fromOfficialAccount()
                    && DemoFixtures.week(r) == week) {
                byAuthor.merge(i.authorId(), 1, Integer::sum);
                total++;
            }
        }
        assertThat(total).as("replies under official posts in week %d", week).isGreaterThan(50);
        int top = byAuthor.values().stream().sorted((a, b) -> b - a).limit(10).mapToInt(Integer::intValue).sum();
        return (double) top / total;
    }

    private static int[] weekly(List<DemoRecord> data, Predicate<FeedbackItem> filter) {
        int[] counts = new int[14];
        for (DemoRecord r : data) {
            if (filter.test(r.item())) {
                counts[DemoFixtures.week(r)]++;
            }
        }
        return counts;
    }

    private static double mean(int[] weekly, int from, int to) {
        double sum = 0;
        for (int w = from; w <= to; w++) {
            sum += weekly[w];
        }
        return sum / (to - from + 1);
    }

    private static Set<String> bigrams(String text) {
        Set<String> set = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            set.add(text.substring(i, i + 2));
        }
        return set;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
