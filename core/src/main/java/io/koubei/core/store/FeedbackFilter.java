package io.koubei.core.store;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which items a query covers. Null or empty means "no restriction". Values in one set are OR-ed,
 * different fields are AND-ed. {@code terms} are already segmented (by the analysis module) and must
 * all occur in the item's tokens. {@code excludeFlags} drops items carrying any of those flags
 * (weighted metrics exclude {@code astroturf}).
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record FeedbackFilter(
        Instant from,
        Instant to,
        Set<Channel> channels,
        Set<String> sources,
        Set<String> products,
        Set<String> productVersions,
        Set<Polarity> polarities,
        Set<String> aspects,
        Set<String> aspectPolarities,
        Set<Segment> segments,
        Set<NpsClass> npsClasses,
        RatingScale ratingScale,
        Double ratingMin,
        Double ratingMax,
        Set<String> authorIds,
        Set<String> weeks,
        Set<String> days,
        Set<String> ids,
        String replyTo,
        Boolean official,
        Set<String> flags,
        Set<String> excludeFlags,
        List<String> terms) {

    public static final FeedbackFilter ALL = builder().build();

    public FeedbackFilter {
        channels = copy(channels);
        sources = copy(sources);
        products = copy(products);
        productVersions = copy(productVersions);
        polarities = copy(polarities);
        aspects = copy(aspects);
        aspectPolarities = copy(aspectPolarities);
        segments = copy(segments);
        npsClasses = copy(npsClasses);
        authorIds = copy(authorIds);
        weeks = copy(weeks);
        days = copy(days);
        ids = copy(ids);
        flags = copy(flags);
        excludeFlags = copy(excludeFlags);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    private static <T> Set<T> copy(Set<T> s) {
        return s == null ? Set.of() : Set.copyOf(s);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.from = from; b.to = to; b.channels = channels; b.sources = sources; b.products = products;
        b.productVersions = productVersions; b.polarities = polarities; b.aspects = aspects;
        b.aspectPolarities = aspectPolarities; b.segments = segments; b.npsClasses = npsClasses;
        b.ratingScale = ratingScale; b.ratingMin = ratingMin; b.ratingMax = ratingMax; b.authorIds = authorIds;
        b.weeks = weeks; b.days = days; b.ids = ids; b.replyTo = replyTo; b.official = official; b.flags = flags;
        b.excludeFlags = excludeFlags; b.terms = terms;
        return b;
    }

    public static final class Builder {
        private Instant from;
        private Instant to;
        private Set<Channel> channels;
        private Set<String> sources;
        private Set<String> products;
        private Set<String> productVersions;
        private Set<Polarity> polarities;
        private Set<String> aspects;
        private Set<String> aspectPolarities;
        private Set<Segment> segments;
        private Set<NpsClass> npsClasses;
        private RatingScale ratingScale;
        private Double ratingMin;
        private Double ratingMax;
        private Set<String> authorIds;
        private Set<String> weeks;
        private Set<String> days;
        private Set<String> ids;
        private String replyTo;
        private Boolean official;
        private Set<String> flags;
        private Set<String> excludeFlags;
        private List<String> terms;

        public Builder from(Instant v) { from = v; return this; }
        public Builder to(Instant v) { to = v; return this; }
        public Builder channels(Set<Channel> v) { channels = v; return this; }
        public Builder channel(Channel v) { channels = Set.of(v); return this; }
        public Builder sources(Set<String> v) { sources = v; return this; }
        public Builder products(Set<String> v) { products = v; return this; }
        public Builder product(String v) { products = Set.of(v); return this; }
        public Builder productVersions(Set<String> v) { productVersions = v; return this; }
        public Builder polarities(Set<Polarity> v) { polarities = v; return this; }
        public Builder polarity(Polarity v) { polarities = Set.of(v); return this; }
        public Builder aspects(Set<String> v) { aspects = v; return this; }
        public Builder aspectPolarities(Set<String> v) { aspectPolarities = v; return this; }
        public Builder segments(Set<Segment> v) { segments = v; return this; }
        public Builder npsClasses(Set<NpsClass> v) { npsClasses = v; return this; }
        public Builder ratingScale(RatingScale v) { ratingScale = v; return this; }
        public Builder ratingMin(Double v) { ratingMin = v; return this; }
        public Builder ratingMax(Double v) { ratingMax = v; return this; }
        public Builder authorIds(Set<String> v) { authorIds = v; return this; }
        public Builder weeks(Set<String> v) { weeks = v; return this; }
        public Builder week(String v) { weeks = Set.of(v); return this; }
        public Builder days(Set<String> v) { days = v; return this; }
        public Builder ids(Set<String> v) { ids = v; return this; }
        public Builder replyTo(String v) { replyTo = v; return this; }
        public Builder official(Boolean v) { official = v; return this; }
        public Builder flags(Set<String> v) { flags = v; return this; }
        public Builder excludeFlags(Set<String> v) { excludeFlags = v; return this; }
        public Builder terms(List<String> v) { terms = v; return this; }

        public FeedbackFilter build() {
            return new FeedbackFilter(from, to, channels, sources, products, productVersions, polarities, aspects,
                    aspectPolarities, segments, npsClasses, ratingScale, ratingMin, ratingMax, authorIds, weeks, days,
                    ids, replyTo, official, flags, excludeFlags, terms);
        }
    }
}
