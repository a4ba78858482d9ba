package io.koubei.ingest.demo;

import io.koubei.core.feedback.Author;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The people of the demo world: a few hundred enthusiasts who post often (old accounts, high forum level), a pool of
 * occasional users, a stream of one-off users, official accounts, fan accounts and, when asked, freshly registered
 * astroturf accounts. Names come from the project's own syllables.
 */
final class DemoAuthors {
    private static final List<String> NAME_HEADS = List.of("爱吃", "不吃", "喜欢", "路过的", "快乐的", "认真的",
            "熬夜的", "早起的", "会飞的", "安静的");
    private static final List<String> NAME_TAILS = List.of("柠檬", "橙子", "土豆", "可乐", "猫", "鱼", "星星", "月亮",
            "风", "树", "小熊", "兔子", "咸鱼", "西瓜");
    private static final List<String> CORE_HANDLES = List.of("刷机狂人", "功耗党", "帧率控", "基带研究员", "星河老粉",
            "内测组", "数码老炮", "极客", "拆机师傅", "续航测试员");
    private static final List<String> SURNAMES = List.of("张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴",
            "徐", "孙", "马", "朱", "胡", "郭");

    static final Author FORUM_STAFF_1 = official("xc-staff-01", "星河社区-小星", 10, 5200);
    static final Author FORUM_STAFF_2 = official("xc-staff-02", "星河社区-阿河", 10, 3100);
    static final Author FORUM_STAFF_3 = official("xc-staff-03", "星河产品经理-老周", 10, 18800);
    static final Author WEIBO_OFFICIAL = official("wb-1000001", "星河手机", null, 2_350_000);
    static final Author WEIBO_SERVICE = official("wb-1000002", "星河客服", null, 386_000);

    /** Enthusiast: forum account plus the weight with which they post. */
    record Core(Author forum, Author weibo, double activity) {
    }

    private final Instant epoch;
    private final List<Core> core = new ArrayList<>();
    private final double[] coreCumulative;
    private final List<Author> forumRegulars = new ArrayList<>();
    private final List<Author> weiboRegulars = new ArrayList<>();
    private final List<Author> fans = new ArrayList<>();
    private int oneOffCounter;

    DemoAuthors(DemoPlan plan, Random r) {
        this.epoch = plan.calendar.weekStart(1);
        int coreCount = plan.scaled(300, 30);
        coreCumulative = new double[coreCount];
        double sum = 0;
        for (int i = 0; i < coreCount; i++) {
            String handle = DemoTexts.pick(CORE_HANDLES, r) + (100 + i);
            Instant registered = daysBefore(700 + r.nextInt(1500), r);
            Author forum = new Author(String.format("xc-%05d", 10 + i), handle, 200 + r.nextInt(8000), registered,
                    7 + r.nextInt(4), r.nextInt(5) == 0, false);
            Author weibo = new Author(String.format("wb-2%07d", 1000 + i), handle, 300 + r.nextInt(20000),
                    daysBefore(900 + r.nextInt(2000), r), null, r.nextInt(4) == 0, false);
            // Zipf-like: a handful write a lot, most enthusiasts a few posts a week
            double activity = 1.0 / Math.pow(i + 1, 0.7);
            core.add(new Core(forum, weibo, activity));
            sum += activity;
            coreCumulative[i] = sum;
        }
        for (int i = 0; i < plan.scaled(8000, 200); i++) {
            forumRegulars.add(new Author(String.format("xc-%07d", 200_000 + i), casualName(r), r.nextInt(200),
                    daysBefore(30 + r.nextInt(1400), r), 1 + r.nextInt(5), false, false));
        }
        for (int i = 0; i < plan.scaled(15000, 300); i++) {
            weiboRegulars.add(weiboUser(String.format("wb-3%07d", i), r));
        }
        for (int i = 0; i < DemoPlan.COCOON_ACCOUNTS; i++) {
            fans.add(new Author(String.format("wb-4%07d", 77 + i), "星河铁粉" + NAME_TAILS.get(i % NAME_TAILS.size()),
                    800 + r.nextInt(3000), daysBefore(1200 + r.nextInt(800), r), null, false, false));
        }
    }

    private static Author official(String id, String name, Integer level, int followers) {
        return new Author(id, name, followers, Instant.parse("2019-03-01T02:00:00Z"), level, true, true);
    }

    List<Core> core() {
        return core;
    }

    List<Author> fans() {
        return fans;
    }

    /** An enthusiast picked by activity: the most active are picked far more often. */
    Core pickCore(Random r) {
        double x = r.nextDouble() * coreCumulative[coreCumulative.length - 1];
        int lo = 0;
        int hi = coreCumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (coreCumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return core.get(lo);
    }

    /** Mass forum user: 30% returning regulars, otherwise someone posting for the first (and likely last) time. */
    Author massForumUser(Random r) {
        if (r.nextInt(10) < 3) {
            return DemoTexts.pick(forumRegulars, r);
        }
        return new Author(String.format("xc-%07d", 500_000 + oneOffCounter++), casualName(r), r.nextInt(20),
                daysBefore(r.nextInt(700), r), 1 + r.nextInt(3), false, false);
    }

    Author massWeiboUser(Random r) {
        if (r.nextInt(10) < 3) {
            return DemoTexts.pick(weiboRegulars, r);
        }
        return weiboUser(String.format("wb-5%07d", oneOffCounter++), r);
    }

    /** A freshly registered account with almost no followers and a default-looking name. */
    Author astroturfAccount(Instant postAt, Random r) {
        Instant registered = postAt.minusSeconds(86400L * (1 + r.nextInt(20)) + r.nextInt(86400));
        String name = r.nextBoolean() ? "用户" + (7_000_000_000L + r.nextInt(1_000_000_000))
                : casualName(r) + r.nextInt(10);
        return new Author(String.format("wb-6%07d", oneOffCounter++), name, r.nextInt(25), registered, null, false,
                false);
    }

    Author ticketCustomer(Random r) {
        String name = DemoTexts.pick(SURNAMES, r) + (r.nextBoolean() ? "先生" : "女士");
        return new Author(String.format("zd-%07d", 100_000 + oneOffCounter++), name, null, null, null, null, null);
    }

    Author respondent() {
        return new Author(String.format("r-%07d", 300_000 + oneOffCounter++), null, null, null, null, null, null);
    }

    /** E-commerce reviewers are shown with masked nicknames such as {@code j***7}. */
    Author reviewer(String source, Random r) {
        char first = (char) ('a' + r.nextInt(26));
        String name = first + "***" + r.nextInt(10);
        return new Author(String.format("%s-%07d", source, 700_000 + oneOffCounter++), name, null, null,
                1 + r.nextInt(5), null, null);
    }

    private Author weiboUser(String id, Random r) {
        boolean kol = r.nextInt(60) == 0;
        int followers = kol ? 100_000 + r.nextInt(1_900_000)
                : (int) Math.min(90_000, Math.exp(5 + 1.4 * r.nextGaussian()));
        return new Author(id, casualName(r), followers, daysBefore(60 + r.nextInt(3000), r), null, kol, false);
    }

    private String casualName(Random r) {
        return DemoTexts.pick(NAME_HEADS, r) + DemoTexts.pick(NAME_TAILS, r) + r.nextInt(10000);
    }

    private Instant daysBefore(int days, Random r) {
        return epoch.minusSeconds(86400L * days + r.nextInt(86400));
    }
}
