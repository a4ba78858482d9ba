package io.koubei.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Sentiment;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly report's numbers against a computation written here from the definitions (metrics.md), over random
 * items: NPS and its adjusted-Wald interval, the differences and their significance against last week and the four
 * weeks before, every row by channel, product and segment, coverage, drivers, core opinion counts, the mass
 * impression, astroturf raw vs weighted, and the concentration of voices. Nothing here calls the metric classes.
 */
class WeeklyReportIndependentCheckTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final String WEEK = "2026-W45";
    private static final int MIN_N = 30;
    private static final double Z = 1.959963984540054;
    private static final String[] ASPECTS = {"battery", "screen", "camera", "service", "price"};
    private static final Channel[] CHANNELS = {Channel.SURVEY, Channel.SOCIAL, Channel.REVIEW, Channel.TICKET};

    @TempDir
    Path dir;

    /** Counts of promoters, passives, detractors. */
    record Counts(long p, long m, long d) {
        long n() {
            return p + m + d;
        }

        Counts plus(Counts o) {
            return new Counts(p + o.p, m + o.m, d + o.d);
        }

        double nps() {
            return 100.0 * (p - d) / n();
        }

        /** Adjusted Wald: add 3 to n and 0.75 to promoters and detractors. */
        double[] interval() {
            double n2 = n() + 3.0;
            double pp = (p + 0.75) / n2;
            double pd = (d + 0.75) / n2;
            double diff = pp - pd;
            double half = Z * Math.sqrt(variance());
            return new double[] {Math.max(-100, 100 * (diff - half / 100)), Math.min(100, 100 * (diff + half / 100))};
        }

        /** Variance of the adjusted estimate on the ×100 scale. */
        double variance() {
            double n2 = n() + 3.0;
            double pp = (p + 0.75) / n2;
            double pd = (d + 0.75) / n2;
            double diff = pp - pd;
            return (pp + pd - diff * diff) / n2 * 10_000;
        }
    }

    static Counts counts(List<AnalyzedFeedback> items) {
        long p = 0;
        long m = 0;
        long d = 0;
        for (AnalyzedFeedback f : items) {
            Rating r = f.item().rating();
            if (r == null || r.scale() != RatingScale.NPS) {
                continue;
            }
            if (r.value() >= 9) {
                p++;
            } else if (r.value() >= 7) {
                m++;
            } else {
                d++;
            }
        }
        return new Counts(p, m, d);
    }

    @Test
    void everyNumberMatchesAComputationFromTheDefinitions() {
        Random random = new Random(20261109);
        List<AnalyzedFeedback> all = new ArrayList<>();
        int seq = 0;
        for (int w = 0; w < 6; w++) {
            String week = CalendarKeys.shiftWeek(WEEK, w - 5);
            int n = 150 + random.nextInt(120);
            for (int i = 0; i < n; i++) {
                all.add(item(random, week, seq++));
            }
        }
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"))) {
            store.upsert(all);
            WeeklyReportBuilder builder = new WeeklyReportBuilder(store, CAL, MIN_N, WeeklyReportBuilder.ReportNotes.NONE,
                    Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ZoneOffset.UTC));
            WeeklyReport r = builder.build(WEEK, null);

            List<AnalyzedFeedback> now = inWeeks(all, Set.of(WEEK));
            List<AnalyzedFeedback> last = inWeeks(all, Set.of(CalendarKeys.shiftWeek(WEEK, -1)));
            List<AnalyzedFeedback> four = inWeeks(all, Set.of(CalendarKeys.shiftWeek(WEEK, -4), CalendarKeys.shiftWeek(WEEK, -3),
                    CalendarKeys.shiftWeek(WEEK, -2), CalendarKeys.shiftWeek(WEEK, -1)));

            // headline: NPS, interval, changes with significance
            Counts cNow = counts(now);
            Counts cLast = counts(last);
            Counts cFour = counts(four);
            assertThat(r.headline().current().n()).isEqualTo(cNow.n());
            assertThat(r.headline().current().nps()).isCloseTo(cNow.nps(), within(1e-9));
            assertThat(r.headline().current().low()).isCloseTo(cNow.interval()[0], within(1e-9));
            assertThat(r.headline().current().high()).isCloseTo(cNow.interval()[1], within(1e-9));
            assertThat(r.headline().trailing4().n()).isEqualTo(cFour.n());
            assertThat(r.headline().volume()).isEqualTo(now.size());
            checkChange(r.headline().vsLastWeek(), cNow, cLast);
            checkChange(r.headline().vsTrailing4(), cNow, cFour);

            // rows by channel, product, segment: volume, NPS, change vs last week
            checkRows(r.byChannel(), now, last, f -> f.item().channel().wireName());
            checkRows(r.byProduct(), now, last, f -> f.item().product() == null ? "_none" : f.item().product());
            // user groups: core, and everyone else (mass, unclassified included), so that the two add up to the volume
            checkRows(r.bySegment(), now, last, f -> f.analysis().segment() == Segment.CORE ? "core" : "mass");
            assertThat(r.bySegment().stream().mapToLong(WeeklyReport.Row::volume).sum()).isEqualTo(now.size());
            assertThat(r.byChannel().stream().mapToLong(WeeklyReport.Row::volume).sum()).isEqualTo(now.size());
            assertThat(r.byProduct().stream().mapToLong(WeeklyReport.Row::volume).sum()).isEqualTo(now.size());

            // coverage: n per channel and the insufficient-data marker
            Map<String, List<AnalyzedFeedback>> byChannel = group(now, f -> f.item().channel().wireName());
            assertThat(r.coverage()).hasSize(byChannel.size());
            for (WeeklyReport.Coverage c : r.coverage()) {
                List<AnalyzedFeedback> ch = byChannel.get(c.channel());
                assertThat(c.volume()).isEqualTo(ch.size());
                assertThat(c.npsN()).isEqualTo(counts(ch).n());
                assertThat(c.sufficient()).isEqualTo(counts(ch).n() >= MIN_N);
            }

            // drivers: respondents mentioning an aspect negatively (down) or positively (up)
            List<AnalyzedFeedback> respondents = now.stream().filter(f -> f.item().rating() != null
                    && f.item().rating().scale() == RatingScale.NPS).toList();
            long detractors = respondents.stream().filter(f -> f.item().rating().value() <= 6).count();
            long promoters = respondents.stream().filter(f -> f.item().rating().value() >= 9).count();
            assertThat(r.drivers()).isNotEmpty();
            for (WeeklyReport.Driver d : r.drivers()) {
                Polarity pol = d.direction().equals("down") ? Polarity.NEGATIVE : Polarity.POSITIVE;
                long det = respondents.stream().filter(f -> f.item().rating().value() <= 6 && mentions(f, d.aspect(), pol)).count();
                long pro = respondents.stream().filter(f -> f.item().rating().value() >= 9 && mentions(f, d.aspect(), pol)).count();
                assertThat(d.detractors()).isEqualTo(detractors);
                assertThat(d.promoters()).isEqualTo(promoters);
                assertThat(d.detractorMentions()).as(d.aspect() + " " + d.direction()).isEqualTo(det);
                assertThat(d.promoterMentions()).as(d.aspect() + " " + d.direction()).isEqualTo(pro);
                if (pol == Polarity.NEGATIVE) {
                    assertThat((double) det / detractors).isGreaterThan((double) pro / promoters);
                    assertThat(d.npsWithout()).isCloseTo(100.0 * (promoters - (detractors - det)) / respondents.size(), within(1e-9));
                } else {
                    assertThat((double) pro / promoters).isGreaterThan((double) det / detractors);
                }
            }

            // core users' opinion points: items per aspect:polarity among core items, most first
            Map<String, Long> coreKeys = new HashMap<>();
            for (AnalyzedFeedback f : now) {
                if (f.analysis().segment() == Segment.CORE) {
                    f.analysis().opinions().stream().filter(o -> o.polarity() != Polarity.NEUTRAL)
                            .map(o -> o.aspect() + ":" + o.polarity().wireName()).distinct()
                            .forEach(k -> coreKeys.merge(k, 1L, Long::sum));
                }
            }
            assertThat(r.coreOpinions()).hasSize(Math.min(10, coreKeys.size()));
            for (WeeklyReport.Opinion o : r.coreOpinions()) {
                assertThat(o.count()).isEqualTo(coreKeys.get(o.aspect() + ":" + o.polarity()));
            }
            assertThat(r.coreOpinions()).isSortedAccordingTo(Comparator.comparingLong(WeeklyReport.Opinion::count).reversed());

            // mass impression: everything that is not core
            long coreNow = now.stream().filter(f -> f.analysis().segment() == Segment.CORE).count();
            assertThat(r.massImpression().volume()).isEqualTo(now.size() - coreNow);
            // one number per quantity: the impression's mass volume is the mass row of the user-group table
            assertThat(r.bySegment()).filteredOn(row -> row.key().equals("mass")).singleElement()
                    .satisfies(row -> assertThat(row.volume()).isEqualTo(r.massImpression().volume()));
            assertThat(r.integrity().items()).isEqualTo(r.headline().volume());

            // astroturf: flagged items, and NPS without them
            List<AnalyzedFeedback> flagged = now.stream().filter(f -> f.analysis().flags().contains("astroturf")).toList();
            List<AnalyzedFeedback> clean = now.stream().filter(f -> !f.analysis().flags().contains("astroturf")).toList();
            assertThat(r.integrity().flagged()).isEqualTo(flagged.size()).isPositive();
            assertThat(r.integrity().weightedNps().nps()).isCloseTo(counts(clean).nps(), within(1e-9));
            assertThat(r.integrity().rawNps().nps()).isCloseTo(cNow.nps(), within(1e-9));

            // concentration of voices per channel: CR10, HHI, effective number of voices
            for (WeeklyReport.Voices v : r.voices()) {
                Map<String, Long> perAuthor = now.stream()
                        .filter(f -> f.item().channel().wireName().equals(v.channel()) && f.item().authorId() != null)
                        .collect(Collectors.groupingBy(f -> f.item().authorId(), Collectors.counting()));
                double total = perAuthor.values().stream().mapToLong(Long::longValue).sum();
                List<Long> sorted = perAuthor.values().stream().sorted(Comparator.reverseOrder()).toList();
                double cr10 = sorted.stream().limit(10).mapToLong(Long::longValue).sum() / total;
                double hhi = perAuthor.values().stream().mapToDouble(c -> (c / total) * (c / total)).sum();
                assertThat(v.voices()).isEqualTo(perAuthor.size());
                assertThat(v.cr10()).as(v.channel()).isCloseTo(cr10, within(1e-9));
                assertThat(v.hhi()).isCloseTo(hhi, within(1e-9));
                assertThat(v.effectiveVoices()).isCloseTo(1 / hhi, within(1e-9));
            }
            assertThat(r.voices()).extracting(WeeklyReport.Voices::channel)
                    .containsExactlyInAnyOrderElementsOf(byChannel.keySet());

            // the rendered report says the same numbers
            String html = new HtmlReportRenderer(ReportTemplates.engine(), CAL.zone()).render(r, null);
            assertThat(html).contains(String.format(java.util.Locale.ROOT, "%.1f [%.1f, %.1f]（n=%d）", cNow.nps(),
                    cNow.interval()[0], cNow.interval()[1], cNow.n()));
            assertThat(html).contains(r.headline().vsLastWeek().textZh());
        }
    }

    private static void checkChange(WeeklyReport.Change c, Counts a, Counts b) {
        double d = a.nps() - b.nps();
        double half = Z * Math.sqrt(a.variance() + b.variance());
        boolean significant = d - half > 0 || d + half < 0;
        boolean comparable = a.n() >= MIN_N && b.n() >= MIN_N;
        assertThat(c.difference().value()).isCloseTo(d, within(1e-9));
        assertThat(c.significant()).isEqualTo(significant);
        assertThat(c.comparable()).isEqualTo(comparable);
        String delta = String.format(java.util.Locale.ROOT, "%+.0f", d).replace('-', '−');
        assertThat(c.textZh()).isEqualTo(delta + " 分，" + (!comparable ? "样本不足" : significant ? "显著" : "不显著"));
        assertThat(c.textEn()).isEqualTo(delta + " pts, " + (!comparable ? "insufficient data" : significant ? "significant" : "not significant"));
    }

    private static void checkRows(List<WeeklyReport.Row> rows, List<AnalyzedFeedback> now, List<AnalyzedFeedback> last,
            Function<AnalyzedFeedback, String> key) {
        Map<String, List<AnalyzedFeedback>> groups = group(now, key);
        Map<String, List<AnalyzedFeedback>> before = group(last, key);
        assertThat(rows).extracting(WeeklyReport.Row::key).containsExactlyInAnyOrderElementsOf(groups.keySet());
        assertThat(rows).isSortedAccordingTo(Comparator.comparingLong(WeeklyReport.Row::volume).reversed());
        for (WeeklyReport.Row row : rows) {
            List<AnalyzedFeedback> g = groups.get(row.key());
            Counts c = counts(g);
            assertThat(row.volume()).as(row.key()).isEqualTo(g.size());
            assertThat(row.nps().n()).isEqualTo(c.n());
            if (c.n() > 0) {
                assertThat(row.nps().nps()).isCloseTo(c.nps(), within(1e-9));
                Counts b = counts(before.getOrDefault(row.key(), List.of()));
                if (b.n() > 0) {
                    checkChange(row.vsLastWeek(), c, b);
                }
            }
            assertThat(row.nps().sufficient()).isEqualTo(c.n() >= MIN_N);
        }
    }

    private static boolean mentions(AnalyzedFeedback f, String aspect, Polarity p) {
        return f.analysis().opinions().stream().anyMatch(o -> o.aspect().equals(aspect) && o.polarity() == p);
    }

    private static List<AnalyzedFeedback> inWeeks(List<AnalyzedFeedback> all, Set<String> weeks) {
        return all.stream().filter(f -> weeks.contains(f.week())).toList();
    }

    private static Map<String, List<AnalyzedFeedback>> group(List<AnalyzedFeedback> items, Function<AnalyzedFeedback, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    /** A random item of the week: channel, product, segment, rating, sentiment, opinions, astroturf flag, author. */
    private static AnalyzedFeedback item(Random random, String week, int seq) {
        Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
        Instant at = CAL.weekStart(week).plusSeconds(random.nextInt(7 * 86400));
        String id = "t:" + seq;
        Rating rating = channel == Channel.SURVEY || (channel == Channel.REVIEW && random.nextInt(3) == 0)
                ? new Rating(RatingScale.NPS, random.nextInt(11)) : null;
        String product = switch (random.nextInt(5)) {
            case 0, 1, 2 -> "x1";
            case 3 -> "r9";
            default -> null;
        };
        // a few loud accounts so that concentration is not uniform
        String author = random.nextInt(4) == 0 ? "loud" + random.nextInt(3) : "a" + random.nextInt(80);
        FeedbackItem item = FeedbackItem.builder().id(id).source("src-" + channel.wireName()).channel(channel).externalId(id)
                .createdAt(at).text("文本 " + seq).product(product).rating(rating)
                .author(new Author(author, null, null, null, null, null, null)).build();
        Polarity overall = Polarity.values()[random.nextInt(3)];
        List<OpinionPoint> ops = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        int k = random.nextInt(3);
        for (int i = 0; i < k; i++) {
            String aspect = ASPECTS[random.nextInt(ASPECTS.length)];
            if (!used.add(aspect)) {
                continue;
            }
            // detractors complain about battery more often: a driver that should show
            Polarity p = rating != null && rating.value() <= 6 && aspect.equals("battery") ? Polarity.NEGATIVE
                    : Polarity.values()[random.nextInt(3)];
            ops.add(new OpinionPoint(aspect, aspect, p, List.of("词"), aspect + "句"));
        }
        Segment segment = switch (random.nextInt(4)) {
            case 0 -> Segment.CORE;
            case 1, 2 -> Segment.MASS;
            default -> null;
        };
        Set<String> flags = random.nextInt(20) == 0 ? Set.of("astroturf") : Set.of();
        Analysis analysis = new Analysis(List.of("文本"), new Sentiment(overall, 0, List.of()), ops,
                rating == null ? null : rating.npsClass(), segment, 0L, flags, "test");
        return new AnalyzedFeedback(item, analysis, CAL.week(at), CAL.day(at));
    }
}
