package io.koubei.ingest.demo;

import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Shared state of one generation run: plan, people, text composers, per-source id counters and the collected records.
 * Items created after the export time ({@link DemoCalendar#end()}) are dropped, as a real export would not have them.
 */
final class DemoWorld {
    final DemoPlan plan;
    final DemoAuthors authors;
    final DemoTexts ours = new DemoTexts(DemoPlan.PRODUCT_NAME);
    final DemoTexts rival = new DemoTexts(DemoPlan.RIVAL_NAME);
    private final List<DemoRecord> records = new ArrayList<>(60_000);
    private final Map<String, long[]> counters = new HashMap<>();
    private final Instant end;

    DemoWorld(DemoPlan plan) {
        this.plan = plan;
        this.authors = new DemoAuthors(plan, new Random(plan.options.seed() * 31 + 7));
        this.end = plan.calendar.end();
    }

    /** A fresh random stream per part of the world, so parts do not shift each other. */
    Random random(String part) {
        return new Random(plan.options.seed() * 1_000_003L + part.hashCode());
    }

    /** Next external id of a source: numeric strings from a per-source base, like platform ids. */
    String nextExternalId(String source, long base) {
        long[] c = counters.computeIfAbsent(source, k -> new long[] {base});
        return Long.toString(c[0]++);
    }

    Instant end() {
        return end;
    }

    /** Adds the record unless it lies after the export time; returns the item's id for replies, or null. */
    String add(FeedbackItem item, DemoAspect aspect, Polarity polarity, AuthorGroup group, ScenarioType scenario) {
        if (!item.createdAt().isBefore(end)) {
            return null;
        }
        records.add(new DemoRecord(item, aspect, polarity, group, scenario));
        return item.id();
    }

    List<DemoRecord> records() {
        return records;
    }

    static FeedbackItem.Builder item(String source, Channel channel, String externalId, Instant at, String text,
                                     String product, Author author) {
        return FeedbackItem.builder().source(source).channel(channel).externalId(externalId).createdAt(at)
                .text(text).product(product).author(author).lang(isEnglish(text) ? "en" : "zh");
    }

    /** English texts may still carry the Chinese product name; a few CJK characters do not make them Chinese. */
    static boolean isEnglish(String text) {
        int cjk = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= 0x4E00 && ch <= 0x9FFF) {
                cjk++;
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                latin++;
            }
        }
        return cjk <= 3 && latin > 10;
    }

    /** Log-normal minutes with the given median and spread, e.g. reply delays. */
    static double logNormalMinutes(double median, double sigma, Random r) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    /** Index drawn from relative weights. */
    static int weighted(double[] weights, Random r) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Aspect drawn from weights listed in {@link DemoAspect} declaration order. */
    static DemoAspect aspect(double[] weights, Random r) {
        return DemoAspect.values()[weighted(weights, r)];
    }

}
