package io.koubei.ingest.demo;

import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.Polarity;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Weibo-like public posts about both phones, the official account's posts and the replies under them, and the
 * customer-service account's replies to complaints. Carries the launch glow, the astroturf burst and the information
 * cocoon.
 */
final class SocialTraffic {
    private static final double POSTS_PER_WEEK = 1500;
    private static final double OUR_SHARE = 0.75;
    private static final double OFFICIAL_POSTS_PER_WEEK = 12;
    private static final double REPLIES_PER_OFFICIAL_POST = 15;
    private static final long ID_BASE = 4_990_000_000_000_000L;
    // BATTERY, CHARGING, SCREEN, CAMERA, PERFORMANCE, HEAT, SIGNAL, SYSTEM, DESIGN, PRICE, SERVICE, LOGISTICS,
    // AFTER_SALES, QUALITY
    private static final double[] MIX = {10, 5, 8, 16, 10, 5, 5, 8, 14, 10, 4, 3, 2, 2};
    private static final double[] LAUNCH_PRAISE_MIX = {8, 4, 12, 25, 15, 2, 2, 5, 25, 6, 0, 0, 0, 0};
    /** Volume multiplier and polarity (pos, neu, neg) of our product's posts by weeks since launch. */
    private static final double[] LAUNCH_VOLUME = {2.4, 1.7, 1.35, 1.1, 1.05};
    private static final double[][] LAUNCH_POLARITY = {{82, 10, 8}, {75, 13, 12}, {68, 15, 17}, {36, 24, 40}};
    private static final double[] BASE_POLARITY = {48, 25, 27};
    private static final double[] RIVAL_POLARITY = {45, 28, 27};

    private static final List<String> ASTROTURF_TEMPLATES = List.of(
            "星河X1真的太香了！拍照清晰，续航给力，闭眼入不后悔！",
            "入手星河X1一周，性能很强，运行速度飞快，颜值超高，强烈推荐给大家！",
            "用过最好的手机没有之一，星河X1拍照yyds，性价比无敌！",
            "星河X1外观绝了，手感一流，朋友都问我要链接！");
    private static final DemoAspect[] ASTROTURF_ASPECTS = {DemoAspect.CAMERA, DemoAspect.PERFORMANCE,
        DemoAspect.CAMERA, DemoAspect.DESIGN};

    private final DemoWorld world;
    private final DemoPlan plan;
    private final Random r;
    /** Weekly volumes draw from their own stream, so calm and scenario runs share the background volumes. */
    private final Random volumes;
    /** Separate samplers for our posts, the rival's posts and replies keep each series in proportion. */
    private final DemoSampler pick;
    private final DemoSampler pickRival;
    private final DemoSampler pickReply;

    SocialTraffic(DemoWorld world) {
        this.world = world;
        this.plan = world.plan;
        this.r = world.random("social");
        this.volumes = world.random("social-volume");
        this.pick = new DemoSampler(r);
        this.pickRival = new DemoSampler(r);
        this.pickReply = new DemoSampler(r);
    }

    void generate() {
        for (int week = 1; week <= plan.weeks(); week++) {
            int k = plan.weeksSinceLaunch(week);
            double multiplier = k >= 0 && k < LAUNCH_VOLUME.length ? LAUNCH_VOLUME[k] : 1.0;
            double[] polarity = k >= 0 ? LAUNCH_POLARITY[Math.min(k, LAUNCH_POLARITY.length - 1)] : BASE_POLARITY;
            int ours = plan.weeklyVolume(POSTS_PER_WEEK * OUR_SHARE * multiplier, volumes);
            for (int i = 0; i < ours; i++) {
                ourPost(week, polarity, k);
            }
            int rival = plan.weeklyVolume(POSTS_PER_WEEK * (1 - OUR_SHARE), volumes);
            for (int i = 0; i < rival; i++) {
                rivalPost(week);
            }
            int official = plan.weeklyVolume(OFFICIAL_POSTS_PER_WEEK, volumes);
            for (int i = 0; i < official; i++) {
                officialPost(week);
            }
            if (plan.scenarios && week == DemoPlan.ASTROTURF_WEEK) {
                astroturfBurst();
            }
        }
    }

    private void ourPost(int week, double[] polarity, int weeksSinceLaunch) {
        Instant at = plan.calendar.randomTimeIn(week, r);
        if (weeksSinceLaunch == 0 && r.nextDouble() < 0.6) {
            // the launch crowd posts from the launch evening on
            Instant launch = plan.launchTime();
            Instant candidate = launch.plusSeconds((long) (-Math.log(1 - r.nextDouble()) * 1.5 * 86400));
            if (candidate.isBefore(plan.calendar.weekStart(week + 1))) {
                at = candidate;
            }
        }
        Polarity p = pick.polarity(polarity[0], polarity[1], polarity[2]);
        DemoAspect aspect;
        if (weeksSinceLaunch >= 0 && weeksSinceLaunch <= 2 && p == Polarity.POSITIVE) {
            aspect = pick.aspect(LAUNCH_PRAISE_MIX, p);
        } else if (weeksSinceLaunch >= 3 && p == Polarity.NEGATIVE && pick.chance(0.4)) {
            aspect = DemoPlan.DIVERGENCE_ASPECT; // word of mouth turns: the heat problem reaches social
        } else {
            aspect = pick.aspect(MIX, p);
        }
        boolean core = pick.chance(0.06);
        Author author = core ? world.authors.pickCore(r).weibo() : world.authors.massWeiboUser(r);
        String text;
        if (core) {
            text = "#" + DemoPlan.PRODUCT_TAG + "# " + world.ours.corePost(aspect, p, plan.versionAt(at, r), r);
        } else if (r.nextInt(50) == 0) {
            text = DemoTexts.english(aspect, p, "Xinghe X1", r);
        } else {
            text = world.ours.socialPost(aspect, p, DemoPlan.PRODUCT_TAG, r);
        }
        String id = post(at, text, DemoPlan.PRODUCT, author, aspect, p, core ? AuthorGroup.CORE : AuthorGroup.MASS,
                weeksSinceLaunch >= 0 && weeksSinceLaunch < 3 ? ScenarioType.LAUNCH_DIVERGENCE : null);
        double replyChance = p == Polarity.NEGATIVE ? 0.35 : p == Polarity.NEUTRAL ? 0.15 : 0.02;
        if (id != null && pick.chance(replyChance)) {
            serviceReply(id, at, author, aspect, p);
        }
    }

    private void rivalPost(int week) {
        Instant at = plan.calendar.randomTimeIn(week, r);
        Polarity p = pickRival.polarity(RIVAL_POLARITY[0], RIVAL_POLARITY[1], RIVAL_POLARITY[2]);
        DemoAspect aspect = pickRival.aspect(MIX, p);
        String text = r.nextInt(50) == 0 ? DemoTexts.english(aspect, p, "Aurora R9", r)
                : world.rival.socialPost(aspect, p, DemoPlan.RIVAL_TAG, r);
        post(at, text, DemoPlan.RIVAL, world.authors.massWeiboUser(r), aspect, p, AuthorGroup.MASS, null);
    }

    private String post(Instant at, String text, String product, Author author, DemoAspect aspect, Polarity p,
                        AuthorGroup group, ScenarioType scenario) {
        String ext = world.nextExternalId(DemoPlan.SRC_WEIBO, ID_BASE);
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_WEIBO, Channel.SOCIAL, ext, at, text, product, author)
                .url("https://weibo.example/" + author.id() + "/" + ext)
                .interactions(engagement(author.followers() == null ? 100 : author.followers()))
                .build();
        return world.add(item, aspect, p, group, scenario);
    }

    /** The 100-minute rule: most complaints get a service reply within 100 minutes, some do not. */
    private void serviceReply(String parent, Instant postAt, Author to, DemoAspect aspect, Polarity p) {
        Instant at = postAt.plusSeconds(60 + (long) (DemoWorld.logNormalMinutes(35, 0.9, r) * 60));
        String text = (p == Polarity.NEGATIVE
                ? "@%s 您好，看到您反馈的%s问题，小星已私信您跟进处理，请留意私信哦~"
                : "@%s 您好，关于%s的疑问，可以在星河社区搜索教程，或私信小星帮您解答~").formatted(to.name(), aspect.label());
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_WEIBO, Channel.SOCIAL,
                        world.nextExternalId(DemoPlan.SRC_WEIBO, ID_BASE), at, text, DemoPlan.PRODUCT,
                        DemoAuthors.WEIBO_SERVICE)
                .replyTo(parent).interactions(new Interactions(r.nextInt(5), 0, 0)).build();
        world.add(item, aspect, Polarity.NEUTRAL, AuthorGroup.OFFICIAL, null);
    }

    /** Official account posts; replies come mostly from ~10 fixed fans when the cocoon scenario is on. */
    private void officialPost(int week) {
        LocalTimeOfDay slot = new LocalTimeOfDay(plan.calendar.monday(week).plusDays(r.nextInt(7)),
                DemoCalendar.pickOfficeHour(r));
        Instant at = slot.toInstant(r);
        String version = plan.latestVersionAt(at);
        DemoAspect aspect = DemoWorld.aspect(LAUNCH_PRAISE_MIX, r);
        String text = DemoTexts.pick(List.of(
                "【星河 OS %1$s 推送中】本次更新优化了%2$s体验，升级后记得重启一次哦～ #星河X1#",
                "【话题】你最喜欢星河 X1 的哪一点？%2$s党在评论区集合！#星河X1#",
                "【福利】转发本条，抽 3 位送星河 X1！聊聊你眼中星河 X1 的%2$s～",
                "【小技巧】星河 X1 的%2$s还能这样用，学会了吗？#星河X1#"), r)
                .formatted(formatArgs(version, aspect));
        int replies = plan.weeklyVolume(REPLIES_PER_OFFICIAL_POST, volumes);
        String ext = world.nextExternalId(DemoPlan.SRC_WEIBO, ID_BASE);
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_WEIBO, Channel.SOCIAL, ext, at, text, DemoPlan.PRODUCT,
                        DemoAuthors.WEIBO_OFFICIAL)
                .url("https://weibo.example/" + DemoAuthors.WEIBO_OFFICIAL.id() + "/" + ext)
                .interactions(new Interactions(2000 + r.nextInt(18000), 100 + r.nextInt(2000), replies * 4))
                .build();
        String parent = world.add(item, aspect, Polarity.POSITIVE, AuthorGroup.OFFICIAL, null);
        if (parent == null) {
            return;
        }
        for (int i = 0; i < replies; i++) {
            Instant replyAt = at.plusSeconds(30 + (long) (DemoWorld.logNormalMinutes(40, 1.3, r) * 60));
            boolean fan = plan.scenarios && pickReply.chance(DemoPlan.COCOON_SHARE);
            if (fan) {
                // a few fans write most: the first fan about a fifth of all replies
                Author who = world.authors.fans().get(pickReply.index(new double[] {20, 14, 11, 9, 8, 7, 6, 5, 5, 4}));
                String t = DemoTexts.pick(List.of("支持星河！[心]", "已经升级了，丝滑👍", "星河yyds", "沙发！",
                        "期待新版本[哈哈]", "一直支持，续航真的很顶", "星河 X1 拍照真的绝了", "官博好勤快[赞]"), r);
                DemoAspect about = t.contains("续航") ? DemoAspect.BATTERY : t.contains("拍照") ? DemoAspect.CAMERA : null;
                reply(parent, replyAt, t, who, about, Polarity.POSITIVE, AuthorGroup.FAN,
                        ScenarioType.INFORMATION_COCOON);
            } else {
                Polarity p = pickReply.polarity(45, 25, 30);
                DemoAspect about = pickReply.aspect(MIX, p);
                String t = (p == Polarity.NEGATIVE ? "什么时候修一下？" : "") + DemoTexts.clause(about, p, r)
                        + (r.nextBoolean() ? DemoTexts.emoji(p, r) : "");
                reply(parent, replyAt, t, world.authors.massWeiboUser(r), about, p, AuthorGroup.MASS, null);
            }
        }
    }

    private void reply(String parent, Instant at, String text, Author author, DemoAspect aspect, Polarity p,
                       AuthorGroup group, ScenarioType scenario) {
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_WEIBO, Channel.SOCIAL,
                        world.nextExternalId(DemoPlan.SRC_WEIBO, ID_BASE), at, text, DemoPlan.PRODUCT, author)
                .replyTo(parent).interactions(new Interactions(r.nextInt(30), 0, r.nextInt(3))).build();
        world.add(item, aspect, p, group, scenario);
    }

    /** 水军: ~220 near-duplicate praise posts in under two hours from accounts registered days ago. */
    private void astroturfBurst() {
        Instant start = plan.astroturfStart();
        int n = plan.scaled(DemoPlan.ASTROTURF_POSTS, 5);
        for (int i = 0; i < n; i++) {
            Instant at = start.plusSeconds((long) (r.nextDouble() * DemoPlan.ASTROTURF_MINUTES * 60));
            int t = r.nextInt(ASTROTURF_TEMPLATES.size());
            String text = nearDuplicate(ASTROTURF_TEMPLATES.get(t));
            Author account = world.authors.astroturfAccount(at, r);
            String ext = world.nextExternalId(DemoPlan.SRC_WEIBO, ID_BASE);
            FeedbackItem item = DemoWorld.item(DemoPlan.SRC_WEIBO, Channel.SOCIAL, ext, at, text, DemoPlan.PRODUCT,
                            account)
                    .url("https://weibo.example/" + account.id() + "/" + ext)
                    .interactions(new Interactions(r.nextInt(4), r.nextInt(2), 0)).build();
            world.add(item, ASTROTURF_ASPECTS[t], Polarity.POSITIVE, AuthorGroup.ASTROTURF, ScenarioType.ASTROTURF_BURST);
        }
    }

    /** Small edits of a template: a lead-in, synonym swaps, punctuation, an emoji, the hashtag or not. */
    private String nearDuplicate(String template) {
        String s = template;
        if (r.nextBoolean()) {
            s = s.replace("太香了", DemoTexts.pick(List.of("绝了", "太好用了", "香疯了"), r));
        }
        if (r.nextBoolean()) {
            s = s.replace("强烈推荐", "真心推荐").replace("闭眼入", "放心入");
        }
        if (r.nextInt(3) == 0) {
            s = s.replace("！", "!");
        }
        String lead = DemoTexts.pick(List.of("", "", "真心推荐：", "姐妹们，", "说实话，", "不吹不黑，"), r);
        String tail = DemoTexts.pick(List.of("", "[赞]", "👍", "[哈哈]", "🔥"), r);
        String tag = r.nextInt(3) > 0 ? "#" + DemoPlan.PRODUCT_TAG + "#" : "";
        return tag + lead + s + tail;
    }

    private Interactions engagement(int followers) {
        double base = Math.log10(followers + 10);
        int likes = (int) Math.max(0, Math.round(Math.exp(base * 1.1 + 0.8 * r.nextGaussian()) - 3));
        return new Interactions(likes, (int) (likes * 0.12 * r.nextDouble()), (int) (likes * 0.2 * r.nextDouble()));
    }

    private static Object[] formatArgs(String version, DemoAspect aspect) {
        return new Object[] {version, aspect.label()};
    }

    /** A day and an hour: helper for office-time posts. */
    private record LocalTimeOfDay(java.time.LocalDate day, int hour) {
        Instant toInstant(Random r) {
            return day.atTime(hour, r.nextInt(60)).atZone(DemoCalendar.ZONE).toInstant();
        }
    }
}
