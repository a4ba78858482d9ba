package io.koubei.dashboard.thisweek;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Eight weeks of feedback ending with the last complete week (relative to today, Asia/Shanghai), written here:
 * <ul>
 *   <li>survey {@code nps-q}: 60 NPS answers a week, 30 promoters / 15 passives / 15 detractors (NPS 25); the last
 *       week 27 / 15 / 18 (NPS 15)</li>
 *   <li>social {@code weibo}: 60 positive and 40 service complaints a week; in the last week the hidden problem:
 *       35 battery complaints surge from none (25 positive, 40 service)</li>
 *   <li>review {@code tmall}: 40 star reviews a week, none in the last week (a silent source)</li>
 *   <li>review {@code jd}: 40 star reviews a week, 5 in the last week (a source that nearly stopped)</li>
 *   <li>social {@code weibo}, competitor {@code rival-r9}: 10 posts a week</li>
 * </ul>
 */
public final class ThisWeekFixture {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int WEEKS = 8;
    public static final String POSITIVE = "屏幕很漂亮，手感好，非常满意";
    public static final String SERVICE = "客服态度太差了，等了三天没人理";
    public static final String BATTERY = "电池续航太差了，半天就没电，很失望";

    private ThisWeekFixture() {
    }

    /** Monday of the last complete ISO week. */
    public static LocalDate lastMonday() {
        return LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    }

    public static String week(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The week key {@code offset} weeks from the last complete week (0 = last complete week). */
    public static String week(int offset) {
        return week(lastMonday().plusWeeks(offset));
    }

    public static int promoters(int offset) {
        return offset == 0 ? 27 : 30;
    }

    public static int detractors(int offset) {
        return offset == 0 ? 18 : 15;
    }

    public static List<String> lines() {
        List<String> out = new ArrayList<>();
        for (int offset = -(WEEKS - 1); offset <= 0; offset++) {
            LocalDate wednesday = lastMonday().plusWeeks(offset).plusDays(2);
            String at = wednesday + "T10:00:00+08:00";
            String w = "w" + (offset + WEEKS);
            for (int i = 0; i < 60; i++) {
                int score = i < promoters(offset) ? 9 + i % 2 : i < promoters(offset) + 15 ? 7 + i % 2 : i % 7;
                String text = score >= 9 ? POSITIVE : score >= 7 ? "还可以吧" : "信号不好，经常断网";
                out.add(line("nps-q", "survey", "nova-x1", w + "s" + i, at, text, ",\"rating\":{\"scale\":\"nps\",\"value\":" + score + "}"));
            }
            int positive = offset == 0 ? 25 : 60;
            for (int i = 0; i < 100; i++) {
                String text = i < positive ? POSITIVE : i < positive + 40 ? SERVICE : BATTERY;
                out.add(line("weibo", "social", "nova-x1", w + "p" + i, at, text, ""));
            }
            for (int i = 0; i < 10; i++) {
                out.add(line("weibo", "social", "rival-r9", w + "r" + i, at, i < 5 ? POSITIVE : SERVICE, ""));
            }
            for (int i = 0; i < (offset == 0 ? 5 : 40); i++) {
                out.add(line("jd", "review", "nova-x1", w + "j" + i, at, POSITIVE, ",\"rating\":{\"scale\":\"stars\",\"value\":5}"));
            }
            if (offset < 0) {
                for (int i = 0; i < 40; i++) {
                    out.add(line("tmall", "review", "nova-x1", w + "t" + i, at, i < 30 ? POSITIVE : SERVICE,
                            ",\"rating\":{\"scale\":\"stars\",\"value\":" + (i < 30 ? 5 : 1) + "}"));
                }
            }
        }
        return out;
    }

    private static String line(String source, String channel, String product, String id, String at, String text, String extra) {
        return "{\"source\":\"" + source + "\",\"channel\":\"" + channel + "\",\"product\":\"" + product
                + "\",\"externalId\":\"" + id + "\",\"createdAt\":\"" + at + "\",\"text\":\"" + text + "\"" + extra + "}";
    }
}
