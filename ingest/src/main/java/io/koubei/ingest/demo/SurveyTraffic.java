package io.koubei.ingest.demo;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The quarterly NPS survey of our phone's owners: a 0–10 score, a comment that matches it, and brand-tracking fields
 * (first recommendation, awareness, preference) plus the respondent's user group and tenure. Two weeks after the launch
 * detractors grow and name heat most often.
 */
final class SurveyTraffic {
    private static final double RESPONSES_PER_WEEK = 320;
    /** Weights for scores 0..10: baseline NPS about +17. */
    private static final double[] SCORES = {3, 2, 2, 3, 4, 6, 7, 12, 17, 22, 22};
    /** After the heat problem spreads: NPS about −3. */
    private static final double[] SCORES_LATE = {6, 3, 3, 4, 6, 8, 8, 12, 15, 17, 18};
    // BATTERY, CHARGING, SCREEN, CAMERA, PERFORMANCE, HEAT, SIGNAL, SYSTEM, DESIGN, PRICE, SERVICE, LOGISTICS,
    // AFTER_SALES, QUALITY
    private static final double[] MIX = {14, 5, 7, 14, 10, 5, 7, 9, 8, 9, 4, 2, 4, 2};
    private static final List<String> GROUPS = List.of("学生", "商务", "摄影爱好者", "游戏玩家", "普通用户", "普通用户");
    private static final List<String> TENURE = List.of("<3个月", "3-12个月", ">1年");

    private final DemoWorld world;
    private final DemoPlan plan;
    private final Random r;
    /** Weekly volumes draw from their own stream, so calm and scenario runs share the background volumes. */
    private final Random volumes;
    private final DemoSampler pick;

    SurveyTraffic(DemoWorld world) {
        this.world = world;
        this.plan = world.plan;
        this.r = world.random("survey");
        this.volumes = world.random("survey-volume");
        this.pick = new DemoSampler(r);
    }

    void generate() {
        for (int week = 1; week <= plan.weeks(); week++) {
            boolean late = plan.weeksSinceLaunch(week) >= 2;
            int n = plan.weeklyVolume(RESPONSES_PER_WEEK, volumes);
            for (int i = 0; i < n; i++) {
                response(week, late);
            }
        }
    }

    private void response(int week, boolean late) {
        Instant at = plan.calendar.randomTimeIn(week, r);
        int score = pick.index(late ? SCORES_LATE : SCORES);
        Polarity p = score >= 9 ? Polarity.POSITIVE : score >= 7
                ? (r.nextBoolean() ? Polarity.NEUTRAL : Polarity.POSITIVE) : Polarity.NEGATIVE;
        DemoAspect aspect = late && score <= 6 && pick.chance(0.45)
                ? DemoPlan.DIVERGENCE_ASPECT : pick.aspect(MIX, p);
        String text;
        if (r.nextInt(16) == 0) {
            text = DemoTexts.pick(List.of("无", "没什么说的", "暂无建议"), r);
            aspect = null;
            p = Polarity.NEUTRAL;
        } else {
            text = world.ours.npsComment(aspect, score, p, r);
        }
        String ext = world.nextExternalId(DemoPlan.SRC_SURVEY, 900_000L);
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_SURVEY, Channel.SURVEY, ext, at, text, DemoPlan.PRODUCT,
                        world.authors.respondent())
                .productVersion(plan.versionAt(at, r))
                .rating(new Rating(RatingScale.NPS, score))
                .fields(brandFields(score))
                .build();
        world.add(item, aspect, p, AuthorGroup.MASS, null);
    }

    /** Promoters mostly name our brand first; detractors mostly the rival's. */
    private Map<String, String> brandFields(int score) {
        double ours = score >= 9 ? 0.75 : score >= 7 ? 0.42 : 0.12;
        String first = r.nextDouble() < ours ? DemoPlan.BRAND
                : DemoTexts.pick(List.of(DemoPlan.RIVAL_BRAND, DemoPlan.RIVAL_BRAND, "晨曦", "其他"), r);
        String prefer = r.nextDouble() < 0.15 ? DemoTexts.pick(List.of(DemoPlan.BRAND, DemoPlan.RIVAL_BRAND, "晨曦"), r)
                : first;
        Map<String, String> f = new TreeMap<>();
        f.put("firstRecommend", first);
        f.put("aware", r.nextInt(3) == 0 ? "星河,极光,晨曦" : "星河,极光");
        f.put("prefer", prefer);
        f.put("userGroup", DemoTexts.pick(GROUPS, r));
        f.put("tenure", DemoTexts.pick(TENURE, r));
        f.put("question", "你有多大可能把星河 X1 推荐给朋友？(0-10)");
        return f;
    }
}
