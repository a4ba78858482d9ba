package io.koubei.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;

/** ISO week and day keys in the team's zone (default Asia/Shanghai). */
public final class CalendarKeys {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;

    public CalendarKeys(ZoneId zone) {
        this.zone = zone;
    }

    public static CalendarKeys defaultZone() {
        return new CalendarKeys(DEFAULT_ZONE);
    }

    public ZoneId zone() {
        return zone;
    }

    /** e.g. {@code 2026-W47}; the week-based year, so 2027-01-01 may belong to 2026-W53. */
    public String week(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        return String.format("%d-W%02d", z.get(IsoFields.WEEK_BASED_YEAR), z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public String day(Instant t) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(t.atZone(zone));
    }

    /** First instant (Monday 00:00 in the zone) of an ISO week key. */
    public Instant weekStart(String weekKey) {
        return mondayOf(weekKey).atStartOfDay(zone).toInstant();
    }

    public static LocalDate mondayOf(String weekKey) {
        String[] parts = weekKey.split("-W");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an ISO week key (yyyy-Www): " + weekKey);
        }
        int year = Integer.parseInt(parts[0]);
        int week = Integer.parseInt(parts[1]);
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Week key {@code offset} weeks after (negative: before) the given one. */
    public static String shiftWeek(String weekKey, int offset) {
        LocalDate monday = mondayOf(weekKey).plusWeeks(offset);
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
