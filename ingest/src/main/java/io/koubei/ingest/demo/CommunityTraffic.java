package io.koubei.ingest.demo;

import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.Polarity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The product's own community forum: threads and replies, enthusiasts writing detailed reports, mass users asking
 * and complaining, staff answering. Carries the "core users complain after an update" scenario.
 */
final class CommunityTraffic {
    private static final double THREADS_PER_WEEK = 560;
    private static final double CORE_SHARE = 0.45;
    private static final long THREAD_BASE = 8_800_000L;
    private static final String POST_SOURCE_KEY = DemoPlan.SRC_COMMUNITY + "#post";
    private static final long POST_BASE = 52_000_000L;
    // BATTERY, CHARGING, SCREEN, CAMERA, PERFORMANCE, HEAT, SIGNAL, SYSTEM, DESIGN, PRICE, SERVICE, LOGISTICS,
    // AFTER_SALES, QUALITY
    private static final double[] CORE_MIX = {14, 6, 8, 12, 12, 8, 10, 20, 4, 1, 1, 0, 1, 6};
    private static final double[] MASS_MIX = {12, 7, 7, 10, 9, 6, 8, 12, 6, 5, 4, 3, 6, 5};

    private final DemoWorld world;
    private final DemoPlan plan;
    private final Random r;
    /** Weekly volumes draw from their own stream, so calm and scenario runs share the background volumes. */
    private final Random volumes;
    private final DemoSampler pick;
    private final List<DemoAuthors.Core> complainers = new ArrayList<>();

    CommunityTraffic(DemoWorld world) {
        this.world = world;
        this.plan = world.plan;
        this.r = world.random("community");
        this.volumes = world.random("community-volume");
        this.pick = new DemoSampler(r);
        // A fixed group of enthusiasts repeats the post-update complaint week after week.
        List<DemoAuthors.Core> core = world.authors.core();
        int n = Math.max(8, core.size() / 5);
        for (int i = 0; i < n; i++) {
            complainers.add(core.get((i * 7 + 3) % core.size()));
        }
    }

    void generate() {
        for (int week = 1; week <= plan.weeks(); week++) {
            int threads = plan.weeklyVolume(THREADS_PER_WEEK, volumes);
            for (int i = 0; i < threads; i++) {
                backgroundThread(week);
            }
            if (plan.coreComplaintWeek(week)) {
                coreComplaints(week);
            }
        }
    }

    private void backgroundThread(int week) {
        Instant at = plan.calendar.randomTimeIn(week, r);
        String version = plan.versionAt(at, r);
        boolean core = pick.chance(CORE_SHARE);
        if (core) {
            DemoAuthors.Core who = world.authors.pickCore(r);
            Polarity p = pick.polarity(35, 25, 40);
            DemoAspect aspect = pick.aspect(CORE_MIX, p);
            String text = world.ours.corePost(aspect, p, version, r);
            String title = titlePrefix(p) + aspect.label() + (p == Polarity.POSITIVE ? "体验分享" : "问题") + " · " + version;
            thread(at, title, text, version, who.forum(), aspect, p, AuthorGroup.CORE, null, 0.3);
        } else {
            Polarity p = pick.polarity(38, 30, 32);
            DemoAspect aspect = pick.aspect(MASS_MIX, p);
            String text = world.ours.massPost(aspect, p, r);
            if (r.nextInt(200) == 0) {
                text = text + DemoPersonalData.contactLine(r);
            }
            String title = text.length() > 14 ? text.substring(0, 14) : text;
            thread(at, title, text, version, world.authors.massForumUser(r), aspect, p, AuthorGroup.MASS, null, 0.25);
        }
    }

    /** After OTA 2.1.0 enthusiasts report standby drain with the always-on display, again and again. */
    private void coreComplaints(int week) {
        int since = week - DemoPlan.OTA_WEEK;
        double base = since == 0 ? 30 : since == 1 ? 55 : Math.max(32, 50 - 4 * since);
        int n = plan.scaled(base, 3);
        Instant release = plan.otaTime();
        for (int i = 0; i < n; i++) {
            Instant at = since == 0
                    ? release.plusSeconds(7200 + (long) (r.nextDouble() * (plan.calendar.weekStart(week + 1)
                    .getEpochSecond() - release.getEpochSecond() - 7200)))
                    : plan.calendar.randomTimeIn(week, r);
            String version = laterOf(plan.versionAt(at, r), DemoPlan.OTA_VERSION);
            DemoAuthors.Core who = DemoTexts.pick(complainers, r);
            int drain = 8 + r.nextInt(12);
            int before = 2 + r.nextInt(3);
            String title = DemoTexts.pick(List.of("【反馈】%s 息屏显示待机耗电异常", "升级%s后息屏显示掉电严重",
                    "%s 息屏显示耗电问题还有人遇到吗", "息屏显示一晚掉电太多，求官方跟进（%s）"), r).formatted(version);
            String text = DemoTexts.pick(List.of(
                    "升级%s后开着息屏显示，待机一晚电量掉了%d%%，之前只掉%d%%。关掉息屏显示就正常，实测待机功耗明显变高，已经提交日志。",
                    "%s的息屏显示是负优化吧？晚上11点到早上7点电量掉了%d%%，2.0.5时代只有%d%%，续航直接少了半天。",
                    "第N次反馈：%s 息屏显示耗电，一晚电量掉%d%%（以前%d%%）。后台耗电排行里看不到异常，应该是息屏显示的刷新策略问题。",
                    "老用户了，%s之后息屏显示让续航变得很差，待机一晚-%d%%，对比同事没升级的机器只有-%d%%，希望内测版尽快修复。"), r)
                    .formatted(version, drain, before);
            thread(at, title, text, version, who.forum(), DemoAspect.BATTERY, Polarity.NEGATIVE, AuthorGroup.CORE,
                    ScenarioType.CORE_COMPLAINT_AFTER_UPDATE, 0.5);
        }
    }

    private void thread(Instant at, String title, String text, String version, Author author, DemoAspect aspect,
                        Polarity p, AuthorGroup group, ScenarioType scenario, double officialReplyBase) {
        String ext = world.nextExternalId(DemoPlan.SRC_COMMUNITY, THREAD_BASE);
        int replies = 0;
        while (r.nextDouble() < (scenario != null ? 0.6 : 0.42) && replies < 12) {
            replies++;
        }
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_COMMUNITY, Channel.COMMUNITY, ext, at, text, DemoPlan.PRODUCT,
                        author)
                .title(title).productVersion(version).url("https://bbs.xinghe.example/thread-" + ext)
                .interactions(new Interactions(r.nextInt(group == AuthorGroup.CORE ? 60 : 15), 0, replies))
                .build();
        String parent = world.add(item, aspect, p, group, scenario);
        if (parent == null) {
            return;
        }
        Instant last = at;
        for (int i = 0; i < replies; i++) {
            last = last.plusSeconds(60 + (long) (DemoWorld.logNormalMinutes(90, 1.2, r) * 60));
            userReply(parent, last, aspect, p, version, scenario);
        }
        double chance = p == Polarity.NEGATIVE ? officialReplyBase + 0.2 : p == Polarity.NEUTRAL
                ? officialReplyBase + 0.1 : officialReplyBase * 0.3;
        if (r.nextDouble() < chance) {
            Instant replyAt = DemoCalendar.officeTimeAfter(at, DemoWorld.logNormalMinutes(150, 1.0, r), r);
            staffReply(parent, replyAt, aspect);
        }
    }

    private void userReply(String parent, Instant at, DemoAspect aspect, Polarity p, String version,
                           ScenarioType scenario) {
        boolean core = scenario != null || r.nextBoolean();
        Author author = core ? (scenario != null ? DemoTexts.pick(complainers, r) : world.authors.pickCore(r)).forum()
                : world.authors.massForumUser(r);
        String text;
        DemoAspect about = null;
        if (scenario == ScenarioType.CORE_COMPLAINT_AFTER_UPDATE) {
            text = "+1，%s之后息屏显示的续航也变差了，一晚掉%d%%".formatted(version, 7 + r.nextInt(10));
            about = aspect;
        } else if (r.nextInt(4) == 0) {
            // only some replies restate the aspect: most just agree, so a busy thread does not swamp its aspect's series
            text = DemoTexts.pick(p == Polarity.NEGATIVE ? List.of("同样的问题，", "我也是，", "+1，")
                    : p == Polarity.POSITIVE ? List.of("同感，", "确实，", "+1，") : List.of("同问，", "插个楼，"), r)
                    + DemoTexts.clause(aspect, p, r) + "。";
            about = aspect;
        } else {
            text = DemoTexts.pick(p == Polarity.NEGATIVE ? List.of("+1，我也遇到了", "蹲一个解决方案", "顶上去让官方看到")
                    : List.of("确实不错", "学到了，感谢分享", "支持一下"), r);
        }
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_COMMUNITY, Channel.COMMUNITY,
                        world.nextExternalId(POST_SOURCE_KEY, POST_BASE), at, text, DemoPlan.PRODUCT, author)
                .productVersion(version).replyTo(parent).interactions(new Interactions(r.nextInt(8), 0, 0)).build();
        world.add(item, about, p, core ? AuthorGroup.CORE : AuthorGroup.MASS, scenario);
    }

    private void staffReply(String parent, Instant at, DemoAspect aspect) {
        Author staff = DemoTexts.pick(List.of(DemoAuthors.FORUM_STAFF_1, DemoAuthors.FORUM_STAFF_2,
                DemoAuthors.FORUM_STAFF_3), r);
        String text = DemoTexts.pick(List.of(
                "感谢反馈！%s相关的问题已记录并同步给研发团队，麻烦在【设置-反馈】里提交一下日志，反馈编号FB%d。",
                "您好，%s的问题我们已经复现，会在后续版本优化，感谢支持星河！",
                "收到，%s这个点已经拉了专项跟进，有进展会在本帖回复。"), r).formatted(aspect.label(), 10000 + r.nextInt(90000));
        FeedbackItem item = DemoWorld.item(DemoPlan.SRC_COMMUNITY, Channel.COMMUNITY,
                        world.nextExternalId(POST_SOURCE_KEY, POST_BASE), at, text, DemoPlan.PRODUCT, staff)
                .replyTo(parent).build();
        world.add(item, aspect, Polarity.NEUTRAL, AuthorGroup.OFFICIAL, null);
    }

    private static String titlePrefix(Polarity p) {
        return switch (p) {
            case POSITIVE -> "【体验】";
            case NEGATIVE -> "【反馈】";
            default -> "【求助】";
        };
    }

    static String laterOf(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
