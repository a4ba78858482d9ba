package io.koubei.ingest.demo;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import java.time.Instant;
import java.util.Random;

/**
 * E-commerce reviews with 1–5 stars on two stores, for both phones. The text follows the stars. Carries the
 * quiet-channel scenario (the tmall store's reviews nearly stop) and the late heat complaints after the launch.
 */
final class ReviewTraffic {
    private static final double JD_OURS = 260;
    private static final double JD_RIVAL = 170;
    private static final double TMALL_OURS = 230;
    /** Star weights for 1..5. */
    private static final double[] OUR_STARS = {12, 6, 9, 18, 55};
    private static final double[] OUR_STARS_AFTER_LAUNCH = {19, 8, 9, 16, 48};
    private static final double[] RIVAL_STARS = {10, 5, 9, 20, 56};
    // BATTERY, CHARGING, SCREEN, CAMERA, PERFORMANCE, HEAT, SIGNAL, SYSTEM, DESIGN, PRICE, SERVICE, LOGISTICS,
    // AFTER_SALES, QUALITY
    private static final double[] MIX = {12, 4, 10, 14, 10, 4, 4, 3, 12, 10, 2, 10, 2, 10};

    private final DemoWorld world;
    private final DemoPlan plan;
    private final Random r;
    /** Weekly volumes draw from their own stream, so calm and scenario runs share the background volumes. */
    private final Random volumes;
    /** One sampler per store and product, so each series keeps its own proportions. */
    private final java.util.Map<String, DemoSampler> samplers = new java.util.HashMap<>();

    ReviewTraffic(DemoWorld world) {
        this.world = world;
        this.plan = world.plan;
        this.r = world.random("review");
        this.volumes = world.random("review-volume");
    }

    void generate() {
        for (int week = 1; week <= plan.weeks(); week++) {
            int k = plan.weeksSinceLaunch(week);
            double[] ourStars = k >= 1 ? OUR_STARS_AFTER_LAUNCH : OUR_STARS;
            emit(DemoPlan.SRC_JD, DemoPlan.PRODUCT, world.ours, plan.weeklyVolume(JD_OURS, volumes), week, ourStars, k);
            emit(DemoPlan.SRC_JD, DemoPlan.RIVAL, world.rival, plan.weeklyVolume(JD_RIVAL, volumes), week, RIVAL_STARS, -1);
            double tmall = TMALL_OURS * (plan.isQuietWeek(week) ? DemoPlan.QUIET_SHARE : 1.0);
            emit(DemoPlan.SRC_TMALL, DemoPlan.PRODUCT, world.ours, plan.weeklyVolume(tmall, volumes), week, ourStars, k);
        }
    }

    private void emit(String source, String product, DemoTexts texts, int count, int week, double[] starWeights,
                      int weeksSinceLaunch) {
        DemoSampler pick = samplers.computeIfAbsent(source + "/" + product, k -> new DemoSampler(r));
        for (int i = 0; i < count; i++) {
            Instant at = plan.calendar.randomTimeIn(week, r);
            int stars = 1 + pick.index(starWeights);
            Polarity p = polarityFor(stars, pick);
            DemoAspect aspect = weeksSinceLaunch >= 1 && p == Polarity.NEGATIVE && pick.chance(0.4)
                    ? DemoPlan.DIVERGENCE_ASPECT : pick.aspect(MIX, p);
            String text = r.nextInt(70) == 0
                    ? DemoTexts.english(aspect, p, DemoPlan.PRODUCT.equals(product) ? "Xinghe X1" : "Aurora R9", r)
                    : texts.review(aspect, p, DemoWorld.aspect(MIX, r), r);
            String ext = world.nextExternalId(source, "jd".equals(source) ? 130_000_000_000L : 420_000_000_000L);
            FeedbackItem item = DemoWorld.item(source, Channel.REVIEW, ext, at, text, product,
                            world.authors.reviewer(source, r))
                    .rating(new Rating(RatingScale.STARS, stars))
                    .interactions(new Interactions(r.nextInt(r.nextInt(10) == 0 ? 200 : 6), 0, r.nextInt(3)))
                    .build();
            ScenarioType scenario = DemoPlan.QUIET_SOURCE.equals(source) && plan.isQuietWeek(week)
                    ? ScenarioType.CHANNEL_QUIET : null;
            world.add(item, aspect, p, AuthorGroup.MASS, scenario);
        }
    }

    private Polarity polarityFor(int stars, DemoSampler pick) {
        return switch (stars) {
            case 5 -> r.nextInt(20) == 0 ? Polarity.NEUTRAL : Polarity.POSITIVE;
            case 4 -> r.nextInt(4) == 0 ? Polarity.NEUTRAL : Polarity.POSITIVE;
            case 3 -> pick.polarity(20, 50, 30);
            default -> Polarity.NEGATIVE;
        };
    }
}
