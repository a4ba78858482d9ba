package io.koubei.ingest.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * Everything fixed about the demo world: products, sources, release calendar and where each scenario sits.
 * Week numbers are 1-based within the dataset; with the default options week 1 is 2026-W36 and week 12 is 2026-W47.
 */
final class DemoPlan {
    static final String PRODUCT = "nova-x1";
    static final String PRODUCT_NAME = "星河 X1";
    static final String PRODUCT_TAG = "星河X1";
    static final String RIVAL = "rival-r9";
    static final String RIVAL_NAME = "极光 R9";
    static final String RIVAL_TAG = "极光R9";
    static final String BRAND = "星河";
    static final String RIVAL_BRAND = "极光";

    static final String SRC_COMMUNITY = "xinghe-community";
    static final String SRC_WEIBO = "weibo";
    static final String SRC_JD = "jd";
    static final String SRC_TMALL = "tmall";
    static final String SRC_SURVEY = "nps-2026q4";
    static final String SRC_TICKETS = "zendesk";

    /** Week of the astroturf burst and its start time (Thursday 20:00) and length. */
    static final int ASTROTURF_WEEK = 5;
    static final int ASTROTURF_POSTS = 220;
    static final int ASTROTURF_MINUTES = 110;
    /** OTA after which core users complain about standby drain with the always-on display (息屏显示). */
    static final int OTA_WEEK = 6;
    static final String OTA_VERSION = "2.1.0";
    static final String CORE_DETAIL = "息屏显示";
    /** Launch week: new edition and OTA 2.2.0; social glows while heat tickets climb in weeks 8–10. */
    static final int LAUNCH_WEEK = 8;
    static final String LAUNCH_VERSION = "2.2.0";
    static final DemoAspect DIVERGENCE_ASPECT = DemoAspect.HEAT;
    static final int DIVERGENCE_WEEKS = 3;
    /** How many of the last weeks the quiet source is nearly silent, and its remaining share of volume. */
    static final int QUIET_WEEKS = 3;
    static final double QUIET_SHARE = 0.04;
    static final String QUIET_SOURCE = SRC_TMALL;
    /** Fixed accounts that write most replies under the official account's posts. */
    static final int COCOON_ACCOUNTS = 10;
    static final double COCOON_SHARE = 0.78;

    /** Release calendar: week, day, time, version. */
    private record Release(int week, DayOfWeek day, LocalTime time, String version, String type, String name) {
    }

    private static final List<Release> RELEASES = List.of(
            new Release(1, DayOfWeek.MONDAY, LocalTime.of(0, 0), "2.0.3", "ota", "星河 OS 2.0.3（数据起点的现行版本）"),
            new Release(3, DayOfWeek.TUESDAY, LocalTime.of(10, 0), "2.0.5", "ota", "OTA 2.0.5 稳定性更新"),
            new Release(OTA_WEEK, DayOfWeek.TUESDAY, LocalTime.of(10, 0), OTA_VERSION, "ota",
                    "OTA 2.1.0 功耗与息屏显示更新"),
            new Release(LAUNCH_WEEK, DayOfWeek.TUESDAY, LocalTime.of(19, 30), LAUNCH_VERSION, "launch",
                    "星河 X1 焕新版发布会 · 星河 OS 2.2.0"),
            new Release(11, DayOfWeek.TUESDAY, LocalTime.of(10, 0), "2.2.1", "ota", "OTA 2.2.1 温控优化"));

    final DemoOptions options;
    final DemoCalendar calendar;
    final boolean scenarios;
    private final Instant[] releaseAt;

    DemoPlan(DemoOptions options) {
        this.options = options;
        this.calendar = new DemoCalendar(options.firstMonday(), options.weeks());
        this.scenarios = options.scenariosEnabled();
        this.releaseAt = new Instant[RELEASES.size()];
        for (int i = 0; i < releaseAt.length; i++) {
            Release rel = RELEASES.get(i);
            // releases after the window never happen; the first one predates the window
            releaseAt[i] = i == 0 ? calendar.weekStart(1).minusSeconds(30L * 86400)
                    : rel.week() > weeks() ? Instant.MAX : releaseTime(rel.week(), rel.day(), rel.time());
        }
    }

    int weeks() {
        return options.weeks();
    }

    /** Scaled count, at least {@code min} when the base is positive. */
    int scaled(double base, int min) {
        if (base <= 0) {
            return 0;
        }
        return Math.max(min, (int) Math.round(base * options.scale()));
    }

    /** Weekly volume with 3% noise (clipped at two standard deviations), scaled: lively, yet no false alarms. */
    int weeklyVolume(double base, Random r) {
        double noise = Math.max(-2, Math.min(2, r.nextGaussian()));
        return scaled(base * (1 + 0.03 * noise), 1);
    }

    boolean isQuietWeek(int week) {
        return scenarios && week > weeks() - QUIET_WEEKS;
    }

    /** Week index relative to the launch (0 = launch week), or -1 when scenarios are off or before launch. */
    int weeksSinceLaunch(int week) {
        return scenarios && week >= LAUNCH_WEEK ? week - LAUNCH_WEEK : -1;
    }

    boolean coreComplaintWeek(int week) {
        return scenarios && week >= OTA_WEEK;
    }

    Instant releaseTime(int week, DayOfWeek day, LocalTime time) {
        return calendar.monday(week).with(day).atTime(time).atZone(DemoCalendar.ZONE).toInstant();
    }

    Instant astroturfStart() {
        return releaseTime(ASTROTURF_WEEK, DayOfWeek.THURSDAY, LocalTime.of(20, 0));
    }

    /** Releases inside the window (all releases are part of the world, also in calm mode). */
    List<DemoEvent> events() {
        List<DemoEvent> events = new java.util.ArrayList<>();
        for (Release rel : RELEASES) {
            if (rel.week() <= weeks() && rel.week() > 1) {
                events.add(new DemoEvent(rel.type(), rel.name(), PRODUCT, rel.version(),
                        releaseTime(rel.week(), rel.day(), rel.time())));
            }
        }
        if (weeks() >= 11) {
            // 双十一 price cut on our phone
            events.add(new DemoEvent("price_change", "双十一直降 300 元", PRODUCT, null,
                    releaseTime(11, DayOfWeek.WEDNESDAY, LocalTime.of(0, 0))));
        }
        events.sort(java.util.Comparator.comparing(DemoEvent::at));
        return events;
    }

    /** The newest version released at time t. */
    String latestVersionAt(Instant t) {
        int i = releaseIndexAt(t);
        return RELEASES.get(i).version();
    }

    /**
     * Version a user runs at time t: the newest release needs about a week to reach most devices, and some users
     * stay one version behind.
     */
    String versionAt(Instant t, Random r) {
        int i = releaseIndexAt(t);
        String current = RELEASES.get(i).version();
        String previous = RELEASES.get(Math.max(0, i - 1)).version();
        double days = (t.getEpochSecond() - releaseAt[i].getEpochSecond()) / 86400.0;
        double adoption = Math.min(0.85, 0.25 + 0.09 * days);
        return r.nextDouble() < adoption ? current : previous;
    }

    private int releaseIndexAt(Instant t) {
        int found = 0;
        for (int i = 1; i < releaseAt.length; i++) {
            if (!releaseAt[i].isAfter(t)) {
                found = i;
            }
        }
        return found;
    }

    Instant launchTime() {
        return releaseAt[releaseIndex(LAUNCH_VERSION)];
    }

    Instant otaTime() {
        return releaseAt[releaseIndex(OTA_VERSION)];
    }

    private static int releaseIndex(String version) {
        for (int i = 0; i < RELEASES.size(); i++) {
            if (RELEASES.get(i).version().equals(version)) {
                return i;
            }
        }
        throw new IllegalStateException("no release " + version);
    }
}
