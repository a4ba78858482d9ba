package io.koubei.store;

import static io.koubei.store.FeedbackFixtures.ASTROTURF;
import static io.koubei.store.FeedbackFixtures.BASE;
import static io.koubei.store.FeedbackFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.store.StoreHealth;
import io.koubei.core.store.UpsertResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FeedbackStore} must do, whatever its backend (Zipkin's ITStorage pattern). A backend test
 * extends this class and only supplies {@link #store()}; each test starts from an empty store and builds its own
 * data. Expected results are computed independently, by {@link ReferenceSemantics} over the fixture list or
 * written out by hand.
 *
 * <p>A store must make its writes visible to reads when {@code upsert} returns.
 */
public abstract class FeedbackStoreContract {
    /** 400 seeded items covering every filter field and dimension, missing values included. */
    protected static final List<AnalyzedFeedback> CORPUS = FeedbackFixtures.corpus(400, 20261102L);

    /** The store under test; the same instance for every call within one test. */
    protected abstract FeedbackStore store();

    /** Backends may override (and call super) to add their own per-test setup. */
    @BeforeEach
    protected void startFromAnEmptyStore() {
        store().clear();
        assertThat(store().count(FeedbackFilter.ALL)).as("store is empty after clear()").isZero();
    }

    // ---------------------------------------------------------------- writes and reads by id

    @Test
    void upsertCountsCreatedThenUpdatedAndNeverDuplicates() {
        assertThat(store().upsert(CORPUS.subList(0, 10))).isEqualTo(new UpsertResult(10, 0));

        List<AnalyzedFeedback> second = new ArrayList<>();
        for (int i = 5; i < 15; i++) {
            AnalyzedFeedback original = CORPUS.get(i);
            second.add(i < 10 ? rewritten(original, "edited " + i) : original);
        }
        assertThat(store().upsert(second)).isEqualTo(new UpsertResult(5, 5));
        assertThat(store().count(FeedbackFilter.ALL)).isEqualTo(15);
        assertThat(store().get(CORPUS.get(7).id())).contains(second.get(2));
        assertThat(store().search(new SearchQuery(FeedbackFilter.builder().ids(Set.of(CORPUS.get(7).id())).build(), 0, 10)).total())
                .isEqualTo(1);

        // re-upserting the very same items again only updates
        assertThat(store().upsert(second)).isEqualTo(new UpsertResult(0, 10));
        assertThat(store().count(FeedbackFilter.ALL)).isEqualTo(15);
    }

    @Test
    void sameIdTwiceInOneBatchCountsOnceAndLastWins() {
        AnalyzedFeedback a1 = item("dup-a").text("first").build();
        AnalyzedFeedback b1 = item("dup-b").text("b first").build();
        AnalyzedFeedback a2 = item("dup-a").text("second").polarity(Polarity.NEGATIVE).build();
        assertThat(store().upsert(List.of(a1, b1, a2))).isEqualTo(new UpsertResult(2, 0));
        assertThat(store().get("dup-a")).contains(a2);
        assertThat(store().count(FeedbackFilter.ALL)).isEqualTo(2);
        assertThat(store().count(FeedbackFilter.builder().polarity(Polarity.NEGATIVE).build())).isEqualTo(1);

        AnalyzedFeedback b2 = item("dup-b").text("b second").build();
        AnalyzedFeedback b3 = item("dup-b").text("b third").build();
        assertThat(store().upsert(List.of(b2, b3))).isEqualTo(new UpsertResult(0, 1));
        assertThat(store().get("dup-b")).contains(b3);
    }

    @Test
    void emptyBatchChangesNothing() {
        assertThat(store().upsert(List.of())).isEqualTo(UpsertResult.EMPTY);
        assertThat(store().count(FeedbackFilter.ALL)).isZero();
    }

    @Test
    void batchWithANullItemIsRejectedWholeWithAClearError() {
        List<AnalyzedFeedback> bad = Arrays.asList(item("ok-1").build(), null);
        assertThatThrownBy(() -> store().upsert(bad))
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
        assertThat(store().get("ok-1")).isEmpty();
        assertThat(store().count(FeedbackFilter.ALL)).isZero();
    }

    @Test
    void getReturnsTheWholeRecordUnchanged() {
        AnalyzedFeedback full = FeedbackFixtures.fullyPopulated("full-1");
        AnalyzedFeedback minimal = item("minimal-1").build();
        store().upsert(List.of(full, minimal));

        assertThat(store().get("full-1")).contains(full);
        assertThat(store().get("minimal-1")).contains(minimal);
        assertThat(store().get("no-such-id")).isEmpty();
        assertThat(store().getAll(List.of("full-1", "no-such-id", "minimal-1"))).containsExactlyInAnyOrder(full, minimal);
        assertThat(store().getAll(List.of())).isEmpty();
        // search and scan return the same whole records
        assertThat(store().search(new SearchQuery(FeedbackFilter.ALL, 0, 10)).items()).containsExactlyInAnyOrder(full, minimal);
        List<AnalyzedFeedback> scanned = new ArrayList<>();
        store().scan(FeedbackFilter.ALL, scanned::add);
        assertThat(scanned).containsExactlyInAnyOrder(full, minimal);
    }

    // ---------------------------------------------------------------- verdicts: the detectors' own fact

    /** Re-sending, re-analysing or re-importing an item replaces its analysis, never the detectors' verdicts. */
    @Test
    void upsertKeepsVerdicts() {
        AnalyzedFeedback first = item("v-1").text("第一版").tokens("续航", "差").aspect("battery", Polarity.NEGATIVE)
                .polarity(Polarity.NEGATIVE).product("phone").rating(RatingScale.STARS, 2).author("u-1").build();
        AnalyzedFeedback other = item("v-2").text("别的").build();
        store().upsert(List.of(first, other));
        Verdicts judged = new Verdicts(Set.of(ASTROTURF), Segment.CORE);
        assertThat(store().updateVerdicts(Map.of("v-1", judged))).isEqualTo(1);

        // a fresh analysis of a changed item, as the analysis path makes it: no verdicts; product and rating gone
        AnalyzedFeedback second = item("v-1").text("第二版").tokens("屏幕", "好").aspect("screen", Polarity.POSITIVE)
                .polarity(Polarity.POSITIVE).author("u-1").build();
        assertThat(second.analysis().verdicts()).isEqualTo(Verdicts.NONE);
        assertThat(store().upsert(List.of(second, other))).isEqualTo(new UpsertResult(0, 2));

        AnalyzedFeedback expected = second.withVerdicts(judged);
        assertThat(store().get("v-1")).contains(expected);
        assertThat(store().getAll(List.of("v-1"))).containsExactly(expected);
        assertThat(store().search(new SearchQuery(FeedbackFilter.builder().ids(Set.of("v-1")).build(), 0, 10)).items())
                .containsExactly(expected);
        List<AnalyzedFeedback> scanned = new ArrayList<>();
        store().scan(FeedbackFilter.builder().ids(Set.of("v-1")).build(), scanned::add);
        assertThat(scanned).containsExactly(expected);
        // filters and aggregates see the kept verdicts and the new analysis, nothing of the old analysis
        assertThat(matchingIds(FeedbackFilter.builder().flags(Set.of(ASTROTURF)).build())).containsExactly("v-1");
        assertThat(matchingIds(FeedbackFilter.builder().excludeFlags(Set.of(ASTROTURF)).build())).containsExactly("v-2");
        assertThat(matchingIds(FeedbackFilter.builder().segments(Set.of(Segment.CORE)).build())).containsExactly("v-1");
        assertThat(aggregate(FeedbackFilter.ALL, Dimension.SEGMENT, Dimension.FLAG)).containsExactly(
                Map.entry(List.of(Dimension.NONE, Dimension.NONE), 1L), Map.entry(List.of("core", ASTROTURF), 1L));
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("屏幕")).build())).containsExactly("v-1");
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("续航")).build())).isEmpty();
        assertThat(matchingIds(FeedbackFilter.builder().products(Set.of("phone")).build())).isEmpty();
        assertThat(matchingIds(FeedbackFilter.builder().ratingMin(1.0).build())).isEmpty();
        assertThat(aggregate(FeedbackFilter.ALL, Dimension.ASPECT_POLARITY)).containsExactly(
                Map.entry(List.of(Dimension.NONE), 1L), Map.entry(List.of("screen:positive"), 1L));

        // an upsert carrying other verdicts does not set them either: only updateVerdicts does
        AnalyzedFeedback claiming = item("v-1").text("第二版").tokens("屏幕", "好").aspect("screen", Polarity.POSITIVE)
                .polarity(Polarity.POSITIVE).author("u-1").segment(Segment.MASS).flags("spam").build();
        store().upsert(List.of(claiming));
        assertThat(store().get("v-1")).contains(expected);
        assertThat(store().count(FeedbackFilter.builder().flags(Set.of("spam")).build())).isZero();

        // a new id is stored with the verdicts it carries (e.g. copied from another store)
        AnalyzedFeedback fresh = item("v-3").segment(Segment.MASS).flags("spam").build();
        store().upsert(List.of(fresh));
        assertThat(store().get("v-3")).contains(fresh);
    }

    /** A verdict update changes flags and segment only: the item and its analysis stay exactly as stored. */
    @Test
    void verdictUpdateKeepsAnalysis() {
        AnalyzedFeedback full = FeedbackFixtures.fullyPopulated("full-v");
        AnalyzedFeedback plain = item("plain-v").tokens("客服").polarity(Polarity.NEGATIVE).author("u-9").build();
        store().upsert(List.of(full, plain));

        Verdicts v = new Verdicts(Set.of("spam"), Segment.MASS);
        Map<String, Verdicts> update = new LinkedHashMap<>();
        update.put("full-v", v);
        update.put("plain-v", new Verdicts(Set.of(ASTROTURF, "spam"), Segment.CORE));
        update.put("never-stored", new Verdicts(Set.of(ASTROTURF), Segment.CORE));
        assertThat(store().updateVerdicts(update)).isEqualTo(2);

        assertThat(store().get("never-stored")).isEmpty();
        assertThat(store().count(FeedbackFilter.ALL)).isEqualTo(2);
        assertThat(store().get("full-v")).contains(full.withVerdicts(v));
        assertThat(store().get("plain-v")).contains(plain.withVerdicts(update.get("plain-v")));
        assertThat(matchingIds(FeedbackFilter.builder().flags(Set.of(ASTROTURF)).build())).containsExactly("plain-v");
        assertThat(matchingIds(FeedbackFilter.builder().flags(Set.of("duplicate")).build())).isEmpty();
        assertThat(matchingIds(FeedbackFilter.builder().segments(Set.of(Segment.MASS)).build())).containsExactly("full-v");
        // the analysis is still indexed as it was
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("续航", "清晰")).build())).containsExactly("full-v");
        assertThat(matchingIds(FeedbackFilter.builder().aspects(Set.of("battery")).build())).containsExactly("full-v");
        assertThat(matchingIds(FeedbackFilter.builder().polarity(Polarity.NEGATIVE).build()))
                .containsExactly("full-v", "plain-v");
        assertThat(store().aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of())).get(0).stats())
                .isEqualTo(BucketStats.of(full).plus(BucketStats.of(plain)));

        // verdicts withdrawn: no flag, no segment
        assertThat(store().updateVerdicts(Map.of("full-v", Verdicts.NONE))).isEqualTo(1);
        assertThat(store().get("full-v")).contains(full.withVerdicts(Verdicts.NONE));
        assertThat(aggregate(FeedbackFilter.ALL, Dimension.SEGMENT)).containsExactly(
                Map.entry(List.of(Dimension.NONE), 1L), Map.entry(List.of("core"), 1L));
        // the same update again reaches the item and changes nothing
        assertThat(store().updateVerdicts(Map.of("full-v", Verdicts.NONE))).isEqualTo(1);
        assertThat(store().get("full-v")).contains(full.withVerdicts(Verdicts.NONE));
        assertThat(store().updateVerdicts(Map.of())).isZero();
    }

    // ---------------------------------------------------------------- filters

    @Test
    void everyFilterFieldSelectsExactlyTheMatchingItems() {
        store().upsert(CORPUS);
        List<String> mismatches = new ArrayList<>();
        corpusFilters().forEach((name, filter) -> {
            List<AnalyzedFeedback> expected = ReferenceSemantics.select(CORPUS, filter);
            expected.sort(ReferenceSemantics.NEWEST_FIRST);
            if (expected.isEmpty() || expected.size() == CORPUS.size()) {
                mismatches.add(name + ": fixture should select some but not all items, selects " + expected.size());
            }
            expectEqual(mismatches, name + ": count", (long) expected.size(), store().count(filter));
            SearchPage page = store().search(new SearchQuery(filter, 0, SearchQuery.MAX_LIMIT));
            expectEqual(mismatches, name + ": total", (long) expected.size(), page.total());
            expectEqual(mismatches, name + ": hits in order", ids(expected), ids(page.items()));
            AggregateQuery all = new AggregateQuery(filter, List.of());
            expectEqual(mismatches, name + ": aggregate", ReferenceSemantics.aggregate(CORPUS, all), store().aggregate(all));
        });
        assertThat(mismatches).isEmpty();
    }

    /** One filter per field (and a few combinations), with values taken from the corpus. */
    protected static Map<String, FeedbackFilter> corpusFilters() {
        AnalyzedFeedback first = CORPUS.get(0);
        String replyTarget = CORPUS.stream().map(a -> a.item().replyTo()).filter(Objects::nonNull).findFirst().orElseThrow();
        Instant mid = BASE.plus(Duration.ofDays(9));
        Map<String, FeedbackFilter> f = new LinkedHashMap<>();
        f.put("from", FeedbackFilter.builder().from(mid).build());
        f.put("to", FeedbackFilter.builder().to(mid).build());
        f.put("from+to", FeedbackFilter.builder().from(BASE.plus(Duration.ofDays(3))).to(mid).build());
        f.put("channels", FeedbackFilter.builder().channels(Set.of(Channel.REVIEW, Channel.SOCIAL)).build());
        f.put("sources", FeedbackFilter.builder().sources(Set.of("weibo", "zendesk")).build());
        f.put("products", FeedbackFilter.builder().product("phone").build());
        f.put("productVersions", FeedbackFilter.builder().productVersions(Set.of("1.1", "2.0")).build());
        f.put("polarities", FeedbackFilter.builder().polarity(Polarity.NEGATIVE).build());
        f.put("aspects", FeedbackFilter.builder().aspects(Set.of("battery", "camera")).build());
        f.put("aspectPolarities", FeedbackFilter.builder().aspectPolarities(Set.of("screen:negative")).build());
        f.put("segments", FeedbackFilter.builder().segments(Set.of(Segment.CORE)).build());
        f.put("npsClasses", FeedbackFilter.builder().npsClasses(Set.of(NpsClass.DETRACTOR, NpsClass.PASSIVE)).build());
        f.put("ratingScale", FeedbackFilter.builder().ratingScale(RatingScale.CSAT).build());
        f.put("ratingMin", FeedbackFilter.builder().ratingMin(4.0).build());
        f.put("ratingMax", FeedbackFilter.builder().ratingMax(2.0).build());
        f.put("stars 2.5..4", FeedbackFilter.builder().ratingScale(RatingScale.STARS).ratingMin(2.5).ratingMax(4.0).build());
        f.put("authorIds", FeedbackFilter.builder().authorIds(Set.of("u1", "u2", "brand-0")).build());
        f.put("weeks", FeedbackFilter.builder().week(first.week()).build());
        f.put("days", FeedbackFilter.builder().days(Set.of(first.day(), CORPUS.get(5).day())).build());
        f.put("ids", FeedbackFilter.builder().ids(Set.of(first.id(), CORPUS.get(99).id(), "no-such-id")).build());
        f.put("replyTo", FeedbackFilter.builder().replyTo(replyTarget).build());
        f.put("official", FeedbackFilter.builder().official(true).build());
        f.put("not official", FeedbackFilter.builder().official(false).build());
        f.put("flags", FeedbackFilter.builder().flags(Set.of("duplicate", "spam")).build());
        f.put("excludeFlags", FeedbackFilter.builder().excludeFlags(Set.of(ASTROTURF)).build());
        f.put("one term", FeedbackFilter.builder().terms(List.of("续航")).build());
        f.put("two terms", FeedbackFilter.builder().terms(List.of("续航", "差")).build());
        f.put("combined", FeedbackFilter.builder().channels(Set.of(Channel.REVIEW, Channel.COMMUNITY, Channel.SURVEY))
                .products(Set.of("phone", "watch")).polarities(Set.of(Polarity.NEGATIVE, Polarity.NEUTRAL))
                .from(BASE.plus(Duration.ofDays(2))).excludeFlags(Set.of(ASTROTURF)).build());
        return f;
    }

    @Test
    void termsMustAllOccurAsWholeTokens() {
        store().upsert(List.of(
                item("t-a").tokens("续航", "差").build(),
                item("t-b").tokens("续航", "好").build(),
                item("t-c").tokens("屏幕", "差").build(),
                item("t-d").tokens("续航差").build()));
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("续航", "差")).build())).containsExactly("t-a");
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("续航")).build())).containsExactly("t-a", "t-b");
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("差")).build())).containsExactly("t-a", "t-c");
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("续航差")).build())).containsExactly("t-d");
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("续")).build())).isEmpty();
        assertThat(matchingIds(FeedbackFilter.builder().terms(List.of("续航", "不存在")).build())).isEmpty();
    }

    @Test
    void timeRangeIncludesFromAndExcludesTo() {
        Instant from = BASE.plus(Duration.ofHours(1));
        Instant to = BASE.plus(Duration.ofHours(2));
        store().upsert(List.of(
                item("before").at(from.minusMillis(1)).build(),
                item("at-from").at(from).build(),
                item("inside").at(to.minusMillis(1)).build(),
                item("at-to").at(to).build()));
        assertThat(matchingIds(FeedbackFilter.builder().from(from).to(to).build())).containsExactly("at-from", "inside");
        assertThat(matchingIds(FeedbackFilter.builder().from(from).build())).containsExactly("at-from", "at-to", "inside");
        assertThat(matchingIds(FeedbackFilter.builder().to(from).build())).containsExactly("before");
        assertThat(matchingIds(FeedbackFilter.builder().from(to).to(from).build())).isEmpty();
    }

    @Test
    void ratingBoundsAreInclusiveAndExcludeUnratedItems() {
        store().upsert(List.of(
                item("s2").rating(RatingScale.STARS, 2).build(),
                item("s3").rating(RatingScale.STARS, 3).build(),
                item("s45").rating(RatingScale.STARS, 4.5).build(),
                item("c4").rating(RatingScale.CSAT, 4).build(),
                item("n9").rating(RatingScale.NPS, 9).build(),
                item("unrated").build()));
        assertThat(matchingIds(FeedbackFilter.builder().ratingScale(RatingScale.STARS).ratingMin(3.0).ratingMax(4.5).build()))
                .containsExactly("s3", "s45");
        assertThat(matchingIds(FeedbackFilter.builder().ratingMin(4.0).build())).containsExactly("c4", "n9", "s45");
        assertThat(matchingIds(FeedbackFilter.builder().ratingMax(3.0).build())).containsExactly("s2", "s3");
        assertThat(matchingIds(FeedbackFilter.builder().ratingScale(RatingScale.NPS).build())).containsExactly("n9");
    }

    @Test
    void valuesOfOneFieldAreOredAndFieldsAreAnded() {
        store().upsert(List.of(
                item("r-phone").channel(Channel.REVIEW).product("phone").build(),
                item("r-watch").channel(Channel.REVIEW).product("watch").build(),
                item("s-phone").channel(Channel.SOCIAL).product("phone").build(),
                item("t-phone").channel(Channel.TICKET).product("phone").build()));
        FeedbackFilter f = FeedbackFilter.builder().channels(Set.of(Channel.REVIEW, Channel.SOCIAL)).product("phone").build();
        assertThat(matchingIds(f)).containsExactly("r-phone", "s-phone");
    }

    // ---------------------------------------------------------------- paging and order

    @Test
    void searchPagesConcatenateToNewestFirstOrderWithExactTotals() {
        store().upsert(CORPUS);
        List<AnalyzedFeedback> expected = new ArrayList<>(CORPUS);
        expected.sort(ReferenceSemantics.NEWEST_FIRST);
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < CORPUS.size(); offset += 37) {
            SearchPage page = store().search(new SearchQuery(FeedbackFilter.ALL, offset, 37));
            assertThat(page.total()).isEqualTo(CORPUS.size());
            seen.addAll(ids(page.items()));
        }
        assertThat(seen).isEqualTo(ids(expected));

        FeedbackFilter negative = FeedbackFilter.builder().polarity(Polarity.NEGATIVE).build();
        List<AnalyzedFeedback> expectedNegative = ReferenceSemantics.select(CORPUS, negative);
        expectedNegative.sort(ReferenceSemantics.NEWEST_FIRST);
        List<String> seenNegative = new ArrayList<>();
        for (int offset = 0; offset < expectedNegative.size(); offset += 13) {
            SearchPage page = store().search(new SearchQuery(negative, offset, 13));
            assertThat(page.total()).isEqualTo(expectedNegative.size());
            seenNegative.addAll(ids(page.items()));
        }
        assertThat(seenNegative).isEqualTo(ids(expectedNegative));
        // the corpus has ties on createdAt, so the id tie-break is exercised
        assertThat(CORPUS.stream().map(a -> a.item().createdAt()).distinct().count()).isLessThan(CORPUS.size());
    }

    @Test
    void pageBeyondTheEndHasTheTotalButNoItemsAndLimitZeroCountsOnly() {
        store().upsert(CORPUS.subList(0, 20));
        SearchPage beyond = store().search(new SearchQuery(FeedbackFilter.ALL, 50, 10));
        assertThat(beyond.total()).isEqualTo(20);
        assertThat(beyond.items()).isEmpty();
        SearchPage tail = store().search(new SearchQuery(FeedbackFilter.ALL, 15, 10));
        assertThat(tail.items()).hasSize(5);
        SearchPage countOnly = store().search(new SearchQuery(FeedbackFilter.ALL, 0, 0));
        assertThat(countOnly.total()).isEqualTo(20);
        assertThat(countOnly.items()).isEmpty();
    }

    // ---------------------------------------------------------------- aggregates

    @Test
    void aggregatesEqualPlainGroupingOfTheItems() {
        store().upsert(CORPUS);
        List<List<Dimension>> groupings = new ArrayList<>();
        groupings.add(List.of());
        for (Dimension d : Dimension.values()) {
            groupings.add(List.of(d));
        }
        groupings.add(List.of(Dimension.WEEK, Dimension.CHANNEL));
        groupings.add(List.of(Dimension.PRODUCT, Dimension.ASPECT_POLARITY));
        groupings.add(List.of(Dimension.WEEK, Dimension.ASPECT, Dimension.FLAG));
        groupings.add(List.of(Dimension.CHANNEL, Dimension.SOURCE, Dimension.NPS_CLASS));
        List<FeedbackFilter> filters = List.of(FeedbackFilter.ALL,
                FeedbackFilter.builder().excludeFlags(Set.of(ASTROTURF)).build(),
                corpusFilters().get("combined"));
        List<String> mismatches = new ArrayList<>();
        for (FeedbackFilter filter : filters) {
            for (List<Dimension> groupBy : groupings) {
                AggregateQuery q = new AggregateQuery(filter, groupBy);
                expectEqual(mismatches, "group by " + groupBy + ", filter " + filter,
                        ReferenceSemantics.aggregate(CORPUS, q), store().aggregate(q));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void weekByChannelOverviewCountsEveryItemOnce() {
        store().upsert(CORPUS);
        List<Bucket> buckets = store().aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK, Dimension.CHANNEL)));
        assertThat(buckets.stream().mapToLong(b -> b.stats().count()).sum()).isEqualTo(CORPUS.size());
        assertThat(buckets).extracting(b -> b.key().get(0)).isSorted().contains("2026-W45", "2026-W48");
        Map<List<String>, Long> expected = CORPUS.stream().collect(Collectors.groupingBy(
                a -> List.of(a.week(), a.item().channel().wireName()), Collectors.counting()));
        assertThat(buckets.stream().collect(Collectors.toMap(Bucket::key, b -> b.stats().count()))).isEqualTo(expected);
    }

    @Test
    void multiValuedAndMissingValuesFollowTheBucketRules() {
        store().upsert(smallAggregateFixture());
        assertThat(aggregate(FeedbackFilter.ALL, Dimension.ASPECT)).containsExactly(
                Map.entry(List.of(Dimension.NONE), 1L), Map.entry(List.of("battery"), 2L), Map.entry(List.of("screen"), 2L));
        assertThat(aggregate(FeedbackFilter.ALL, Dimension.ASPECT_POLARITY)).containsExactly(
                Map.entry(List.of(Dimension.NONE), 1L),
                Map.entry(List.of("battery:negative"), 2L), Map.entry(List.of("battery:positive"), 1L),
                Map.entry(List.of("screen:negative"), 1L), Map.entry(List.of("screen:positive"), 1L));
        assertThat(aggregate(FeedbackFilter.ALL, Dimension.FLAG)).containsExactly(
                Map.entry(List.of(Dimension.NONE), 2L), Map.entry(List.of(ASTROTURF), 2L), Map.entry(List.of("duplicate"), 1L));
        assertThat(aggregate(FeedbackFilter.ALL, Dimension.PRODUCT, Dimension.FLAG)).containsExactly(
                Map.entry(List.of(Dimension.NONE, Dimension.NONE), 1L),
                Map.entry(List.of("phone", ASTROTURF), 2L), Map.entry(List.of("phone", "duplicate"), 1L),
                Map.entry(List.of("watch", Dimension.NONE), 1L));
        assertThat(aggregate(FeedbackFilter.ALL, Dimension.NPS_CLASS)).containsExactly(
                Map.entry(List.of(Dimension.NONE), 3L), Map.entry(List.of("promoter"), 1L));
    }

    @Test
    void bucketStatsCountPolarityNpsStarsAndCsat() {
        store().upsert(smallAggregateFixture());
        List<Bucket> byProduct = store().aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.PRODUCT)));
        assertThat(byProduct).containsExactly(
                new Bucket(List.of(Dimension.NONE), new BucketStats(1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5.0, 1)),
                new Bucket(List.of("phone"), new BucketStats(2, 0, 1, 1, 1, 0, 0, 1, 2.0, 0, 0, 0)),
                new Bucket(List.of("watch"), new BucketStats(1, 1, 0, 0, 0, 0, 0, 1, 4.5, 0, 0, 0)));
        assertThat(store().aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of()))).containsExactly(
                new Bucket(List.of(), new BucketStats(4, 2, 1, 1, 1, 0, 0, 2, 6.5, 1, 5.0, 1)));
    }

    @Test
    void excludeFlagsDropsFlaggedItemsFromAggregates() {
        store().upsert(smallAggregateFixture());
        FeedbackFilter weighted = FeedbackFilter.builder().excludeFlags(Set.of(ASTROTURF)).build();
        assertThat(aggregate(weighted, Dimension.FLAG)).containsExactly(Map.entry(List.of(Dimension.NONE), 2L));
        assertThat(aggregate(weighted, Dimension.PRODUCT)).containsExactly(
                Map.entry(List.of(Dimension.NONE), 1L), Map.entry(List.of("watch"), 1L));
        assertThat(store().count(weighted)).isEqualTo(2);
    }

    @Test
    void aggregateWithoutGroupByIsOneBucketEvenWhenNothingMatches() {
        assertThat(store().aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of())))
                .containsExactly(new Bucket(List.of(), BucketStats.ZERO));
        assertThat(store().aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK)))).isEmpty();
        store().upsert(smallAggregateFixture());
        assertThat(store().aggregate(new AggregateQuery(FeedbackFilter.builder().product("no-such").build(), List.of())))
                .containsExactly(new Bucket(List.of(), BucketStats.ZERO));
    }

    /**
     * m1: phone, battery−/battery+/screen−, astroturf, negative, 2 stars; m2: no product, no aspect, no flag,
     * positive, CSAT 5; m3: phone, battery−, duplicate+astroturf, neutral, NPS 9; m4: watch, screen+, positive, 4.5 stars.
     */
    protected static List<AnalyzedFeedback> smallAggregateFixture() {
        return List.of(
                item("m1").product("phone").polarity(Polarity.NEGATIVE).rating(RatingScale.STARS, 2)
                        .aspect("battery", Polarity.NEGATIVE).aspect("battery", Polarity.POSITIVE)
                        .aspect("screen", Polarity.NEGATIVE).flags(ASTROTURF).build(),
                item("m2").polarity(Polarity.POSITIVE).rating(RatingScale.CSAT, 5).build(),
                item("m3").product("phone").polarity(Polarity.NEUTRAL).rating(RatingScale.NPS, 9)
                        .aspect("battery", Polarity.NEGATIVE).flags("duplicate", ASTROTURF).build(),
                item("m4").product("watch").polarity(Polarity.POSITIVE).rating(RatingScale.STARS, 4.5)
                        .aspect("screen", Polarity.POSITIVE).build());
    }

    // ---------------------------------------------------------------- scan, count, clear, check

    @Test
    void scanVisitsEveryMatchOldestFirstAcrossManyPages() {
        List<AnalyzedFeedback> many = FeedbackFixtures.corpus(1234, 7L);
        for (int i = 0; i < many.size(); i += 500) {
            store().upsert(many.subList(i, Math.min(many.size(), i + 500)));
        }
        List<AnalyzedFeedback> expected = new ArrayList<>(many);
        expected.sort(ReferenceSemantics.OLDEST_FIRST);
        List<String> seen = new ArrayList<>();
        store().scan(FeedbackFilter.ALL, a -> seen.add(a.id()));
        assertThat(seen).isEqualTo(ids(expected));

        FeedbackFilter negative = FeedbackFilter.builder().polarity(Polarity.NEGATIVE).excludeFlags(Set.of(ASTROTURF)).build();
        List<AnalyzedFeedback> expectedNegative = ReferenceSemantics.select(many, negative);
        expectedNegative.sort(ReferenceSemantics.OLDEST_FIRST);
        List<AnalyzedFeedback> scanned = new ArrayList<>();
        store().scan(negative, scanned::add);
        assertThat(scanned).isEqualTo(expectedNegative);
    }

    /** Detectors scan and write flags back: updating visited items must neither repeat nor skip any. */
    @Test
    void writingVisitedItemsBackDuringAScanNeitherRepeatsNorSkips() {
        List<AnalyzedFeedback> items = FeedbackFixtures.corpus(700, 11L);
        store().upsert(items);
        List<String> visited = new ArrayList<>();
        Map<String, Verdicts> pending = new LinkedHashMap<>();
        store().scan(FeedbackFilter.ALL, a -> {
            visited.add(a.id());
            pending.put(a.id(), a.analysis().verdicts().withFlag("reviewed"));
            if (pending.size() == 250) {
                assertThat(store().updateVerdicts(pending)).isEqualTo(250);
                pending.clear();
            }
        });
        store().updateVerdicts(pending);
        List<AnalyzedFeedback> expected = new ArrayList<>(items);
        expected.sort(ReferenceSemantics.OLDEST_FIRST);
        assertThat(visited).isEqualTo(ids(expected));
        assertThat(store().count(FeedbackFilter.builder().flags(Set.of("reviewed")).build())).isEqualTo(items.size());
        assertThat(store().count(FeedbackFilter.ALL)).isEqualTo(items.size());
    }

    @Test
    void countEqualsSearchTotal() {
        store().upsert(CORPUS);
        FeedbackFilter f = FeedbackFilter.builder().channels(Set.of(Channel.REVIEW, Channel.TICKET)).build();
        long expected = ReferenceSemantics.select(CORPUS, f).size();
        assertThat(store().count(f)).isEqualTo(expected);
        assertThat(store().search(new SearchQuery(f, 0, 1)).total()).isEqualTo(expected);
        assertThat(store().count(FeedbackFilter.ALL)).isEqualTo(CORPUS.size());
    }

    @Test
    void deleteRemovesExactlyThoseItemsEverywhereAndIsIdempotent() {
        store().upsert(CORPUS.subList(0, 20));
        List<String> gone = List.of(CORPUS.get(3).id(), CORPUS.get(7).id(), "no-such-item");
        assertThat(store().delete(gone)).isEqualTo(2);
        assertThat(store().count(FeedbackFilter.ALL)).isEqualTo(18);
        assertThat(store().get(CORPUS.get(3).id())).isEmpty();
        assertThat(store().getAll(gone)).isEmpty();
        assertThat(store().search(new SearchQuery(FeedbackFilter.builder().ids(java.util.Set.of(CORPUS.get(7).id())).build(), 0, 10))
                .total()).isZero();
        List<AnalyzedFeedback> scanned = new ArrayList<>();
        store().scan(FeedbackFilter.ALL, scanned::add);
        assertThat(scanned).hasSize(18).extracting(AnalyzedFeedback::id).doesNotContainAnyElementsOf(gone);
        assertThat(store().delete(gone)).as("deleting again removes nothing").isZero();
        assertThat(store().delete(List.of())).isZero();
    }

    @Test
    void clearRemovesEverythingAndTheStoreStaysWritable() {
        store().upsert(CORPUS.subList(0, 10));
        store().clear();
        assertThat(store().count(FeedbackFilter.ALL)).isZero();
        assertThat(store().get(CORPUS.get(0).id())).isEmpty();
        assertThat(store().search(new SearchQuery(FeedbackFilter.ALL, 0, 10)).total()).isZero();
        List<AnalyzedFeedback> scanned = new ArrayList<>();
        store().scan(FeedbackFilter.ALL, scanned::add);
        assertThat(scanned).isEmpty();
        assertThat(store().upsert(CORPUS.subList(0, 10))).isEqualTo(new UpsertResult(10, 0));
    }

    @Test
    void checkReportsTheBackendUp() {
        store().upsert(CORPUS.subList(0, 3));
        StoreHealth health = store().check();
        assertThat(health.up()).isTrue();
        assertThat(health.backend()).isNotBlank();
    }

    // ---------------------------------------------------------------- per-author figures (core/mass profiles)

    /** Items of 12 authors over 40 days: levels, registrations, replies, technical terms, beta tags and fields. */
    protected static List<AnalyzedFeedback> authorFixture() {
        java.util.Random r = new java.util.Random(20261208L);
        String[] texts = {"续航不错", "功耗太高，掉帧严重", "OTA 之后 WiFi 断流", "拍照好看", "固件 bug 复现了", "还行吧"};
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            int a = r.nextInt(13);
            AnalyzedFeedback base = item(String.format("au-%03d", i)).afterBase(Duration.ofMinutes(r.nextInt(40 * 24 * 60)))
                    .channel(Channel.values()[r.nextInt(3)]).text(texts[r.nextInt(texts.length)]).build();
            io.koubei.core.feedback.Author author = a == 12 ? null : new io.koubei.core.feedback.Author("author-" + a,
                    "name", null, r.nextInt(3) == 0 ? null : Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofDays(r.nextInt(900))),
                    r.nextInt(3) == 0 ? null : 1 + r.nextInt(9), null, a == 11 && r.nextBoolean());
            io.koubei.core.feedback.FeedbackItem.Builder item = base.item().toBuilder().author(author)
                    .title(r.nextInt(5) == 0 ? "关于内核调度" : null)
                    .replyTo(r.nextBoolean() ? "au-000" : null)
                    .tags(r.nextInt(15) == 0 ? List.of("Beta") : List.of("售后"))
                    .fields(r.nextInt(20) == 0 ? Map.of("beta_program", "是") : Map.of());
            out.add(new AnalyzedFeedback(item.build(), base.analysis(), base.week(), base.day()));
        }
        return out;
    }

    /** What {@link FeedbackStore#authorStats} must answer: the items' own figures, computed item by item. */
    protected static Map<String, io.koubei.core.store.AuthorStats> expectedAuthorStats(List<AnalyzedFeedback> items,
            FeedbackFilter filter, io.koubei.core.feedback.AuthorMarks marks, boolean marked) {
        Map<String, io.koubei.core.store.AuthorStats.Accumulator> acc = new java.util.TreeMap<>();
        for (AnalyzedFeedback f : ReferenceSemantics.select(items, filter)) {
            if (f.item().authorId() == null) {
                continue;
            }
            var item = f.item();
            acc.computeIfAbsent(item.authorId(), io.koubei.core.store.AuthorStats.Accumulator::new)
                    .add(io.koubei.core.store.AuthorStats.nanos(item.createdAt()), item.replyTo() != null, marked,
                            marks.technical(item), marks.beta(item), item.author().level(),
                            item.author().registeredAt() == null ? null
                                    : io.koubei.core.store.AuthorStats.nanos(item.author().registeredAt()),
                            item.channel());
        }
        Map<String, io.koubei.core.store.AuthorStats> out = new java.util.TreeMap<>();
        acc.forEach((k, v) -> out.put(k, v.build()));
        return out;
    }

    protected Map<String, io.koubei.core.store.AuthorStats> authorStats(FeedbackFilter filter,
            io.koubei.core.feedback.AuthorMarks marks) {
        Map<String, io.koubei.core.store.AuthorStats> out = new java.util.TreeMap<>();
        store().authorStats(filter, marks).forEach(s -> out.put(s.authorId(), s));
        return out;
    }

    @Test
    void authorStatsAreTheItemsOwnFiguresPerAuthor() {
        List<AnalyzedFeedback> items = authorFixture();
        store().upsert(items);
        io.koubei.core.feedback.AuthorMarks marks = io.koubei.core.feedback.AuthorMarks.DEFAULT;
        FeedbackFilter window = FeedbackFilter.builder().from(BASE.plus(Duration.ofDays(5)).plusNanos(1))
                .to(BASE.plus(Duration.ofDays(35)).plusNanos(1)).official(false).build();
        Map<String, io.koubei.core.store.AuthorStats> expected = expectedAuthorStats(items, window, marks, true);
        assertThat(expected).hasSizeGreaterThan(8);
        assertThat(expected.values()).anyMatch(s -> s.beta()).anyMatch(s -> s.technical() > 0)
                .anyMatch(s -> s.replies() > 0).anyMatch(s -> s.level() != null).anyMatch(s -> s.registeredAt() != null)
                .anyMatch(s -> s.channels().size() > 1);
        assertThat(authorStats(window, marks)).isEqualTo(expected);
        assertThat(authorStats(FeedbackFilter.ALL, marks)).isEqualTo(expectedAuthorStats(items, FeedbackFilter.ALL, marks, true));
    }

    @Test
    void authorStatsUnderOtherMarksCountTheItemsAsUnmarked() {
        List<AnalyzedFeedback> items = authorFixture();
        store().upsert(items);
        io.koubei.core.feedback.AuthorMarks other = new io.koubei.core.feedback.AuthorMarks(Set.of("拍照"), Set.of(), Set.of());
        Map<String, io.koubei.core.store.AuthorStats> stats = authorStats(FeedbackFilter.ALL, other);
        assertThat(stats).isEqualTo(expectedAuthorStats(items, FeedbackFilter.ALL, other, false));
        assertThat(stats.values()).allMatch(s -> s.unmarked() == s.items() && s.technical() == 0 && !s.beta());
    }

    /** Re-sending the same items, and the detectors' verdicts, leave the figures as they were: nothing is counted up. */
    @Test
    void authorStatsAreIdempotentUnderResentItemsAndVerdicts() {
        List<AnalyzedFeedback> items = authorFixture();
        store().upsert(items);
        io.koubei.core.feedback.AuthorMarks marks = io.koubei.core.feedback.AuthorMarks.DEFAULT;
        Map<String, io.koubei.core.store.AuthorStats> before = authorStats(FeedbackFilter.ALL, marks);
        store().upsert(items);
        store().upsert(items.subList(0, 50));
        Map<String, Verdicts> verdicts = new LinkedHashMap<>();
        items.subList(0, 80).forEach(f -> verdicts.put(f.id(), new Verdicts(Set.of(ASTROTURF), Segment.CORE)));
        store().updateVerdicts(verdicts);
        assertThat(authorStats(FeedbackFilter.ALL, marks)).isEqualTo(before);
        // a re-sent item that changed (now a reply, another author level) replaces its old figures
        AnalyzedFeedback first = items.get(0);
        AnalyzedFeedback changed = new AnalyzedFeedback(first.item().toBuilder().replyTo("au-001").build(),
                first.analysis(), first.week(), first.day());
        List<AnalyzedFeedback> now = new ArrayList<>(items);
        now.set(0, changed);
        store().upsert(List.of(changed));
        assertThat(authorStats(FeedbackFilter.ALL, marks)).isEqualTo(expectedAuthorStats(now, FeedbackFilter.ALL, marks, true));
    }

    // ---------------------------------------------------------------- helpers

    /** Ids of all matches, sorted by id (for assertions that are about membership, not order). */
    protected List<String> matchingIds(FeedbackFilter filter) {
        return store().search(new SearchQuery(filter, 0, SearchQuery.MAX_LIMIT)).items().stream()
                .map(AnalyzedFeedback::id).sorted().collect(Collectors.toList());
    }

    protected List<Map.Entry<List<String>, Long>> aggregate(FeedbackFilter filter, Dimension... groupBy) {
        return store().aggregate(new AggregateQuery(filter, List.of(groupBy))).stream()
                .map(b -> Map.entry(b.key(), b.stats().count())).collect(Collectors.toList());
    }

    /** Collects a readable mismatch instead of failing at once, so one run shows every broken case. */
    protected static void expectEqual(List<String> mismatches, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            mismatches.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    protected static List<String> ids(List<AnalyzedFeedback> items) {
        return items.stream().map(AnalyzedFeedback::id).collect(Collectors.toList());
    }

    private static AnalyzedFeedback rewritten(AnalyzedFeedback a, String text) {
        return new AnalyzedFeedback(a.item().toBuilder().text(text).build(), a.analysis(), a.week(), a.day());
    }
}
