package io.koubei.ingest.demo;

import io.koubei.core.time.CalendarKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

/** Week arithmetic of the dataset (1-based week numbers) and realistic times of day in Asia/Shanghai. */
final class DemoCalendar {
    static final ZoneId ZONE = CalendarKeys.DEFAULT_ZONE;

    /** Relative activity per hour of day: quiet at night, peaks at lunch and in the evening. */
    private static final double[] HOUR_WEIGHTS = {
        2, 1, 0.6, 0.4, 0.3, 0.4, 1, 2.5, 4, 5, 5.5, 6, 7, 6.5, 5.5, 5, 5, 5.5, 6, 7.5, 8.5, 9, 8, 5
    };
    private static final double[] HOUR_CUMULATIVE = cumulative(HOUR_WEIGHTS);
    /** Office hours weighting used for staff activity (ticket handling). */
    private static final double[] OFFICE_WEIGHTS = {
        0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 4, 6, 6, 6, 3, 5, 6, 6, 6, 5, 3, 2, 1.5, 1, 0.6, 0.3
    };
    private static final double[] OFFICE_CUMULATIVE = cumulative(OFFICE_WEIGHTS);

    private final LocalDate firstMonday;
    private final int weeks;
    private final CalendarKeys keys = CalendarKeys.defaultZone();

    DemoCalendar(LocalDate firstMonday, int weeks) {
        this.firstMonday = firstMonday;
        this.weeks = weeks;
    }

    int weeks() {
        return weeks;
    }

    LocalDate monday(int week) {
        return firstMonday.plusWeeks(week - 1L);
    }

    Instant weekStart(int week) {
        return monday(week).atStartOfDay(ZONE).toInstant();
    }

    /** First instant after the data window: export time of the dataset. */
    Instant end() {
        return weekStart(weeks + 1);
    }

    String weekKey(int week) {
        return keys.week(weekStart(week));
    }

    /** A random instant in the week, weighted by the usual hour-of-day activity. */
    Instant randomTimeIn(int week, Random rnd) {
        return at(monday(week).plusDays(rnd.nextInt(7)), pickHour(HOUR_CUMULATIVE, rnd), rnd);
    }

    /** Delay until a staff member acts: the next office-weighted hour at or after {@code from}. */
    static Instant officeTimeAfter(Instant from, double minMinutes, Random rnd) {
        Instant t = from.plusSeconds((long) (minMinutes * 60));
        int hour = t.atZone(ZONE).getHour();
        // Outside office hours the reply waits, with the probability set by the office weight of that hour.
        int guard = 0;
        while (rnd.nextDouble() * 6 > OFFICE_WEIGHTS[hour] && guard++ < 24) {
            t = t.plusSeconds(3600);
            hour = t.atZone(ZONE).getHour();
        }
        return t;
    }

    static int pickOfficeHour(Random rnd) {
        return pickHour(OFFICE_CUMULATIVE, rnd);
    }

    private static Instant at(LocalDate day, int hour, Random rnd) {
        return day.atTime(hour, rnd.nextInt(60), rnd.nextInt(60)).atZone(ZONE).toInstant();
    }

    private static int pickHour(double[] cumulative, Random rnd) {
        double r = rnd.nextDouble() * cumulative[cumulative.length - 1];
        for (int h = 0; h < cumulative.length; h++) {
            if (r < cumulative[h]) {
                return h;
            }
        }
        return cumulative.length - 1;
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }
}
