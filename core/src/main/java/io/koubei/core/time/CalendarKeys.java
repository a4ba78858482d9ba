package io.koubei.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO week and day keys in the team's zone (default Asia/Shanghai). */
public final class CalendarKeys {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** The years Koubei keeps feedback for: createdAt outside them is rejected at ingest, week keys outside them are refused. */
    public static final int MIN_YEAR = 1970;
    public static final int MAX_YEAR = 2100;
    /** The first instant after {@link #MAX_YEAR} (UTC). */
    public static final Instant END = Instant.parse((MAX_YEAR + 1) + "-01-01T00:00:00Z");
    /** The first instant of {@link #MIN_YEAR} (UTC). */
    public static final Instant START = Instant.parse(MIN_YEAR + "-01-01T00:00:00Z");
    private static final Pattern WEEK_KEY = Pattern.compile("(\\d{4})-W(\\d{2})");

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

    /** The Monday of a week key; an {@link IllegalArgumentException} (never a DateTimeException) for no such week. */
    public static LocalDate mondayOf(String weekKey) {
        String[] parts = weekKey.split("-W");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an ISO week key (yyyy-Www): " + weekKey);
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(parts[1]))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("not an ISO week: " + weekKey + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The key when it names a real ISO week of a year from {@link #MIN_YEAR} to {@link #MAX_YEAR} ({@code 2026-W47};
     * a year has 52 or 53 weeks); otherwise an {@link IllegalArgumentException} whose message names {@code param}.
     */
    public static String checkWeek(String param, String weekKey) {
        Matcher m = weekKey == null ? null : WEEK_KEY.matcher(weekKey);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(param + ": expected an ISO week like 2026-W47, got '" + weekKey + "'");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(param + ": year " + year + " in '" + weekKey + "' is outside " + MIN_YEAR
                    + "–" + MAX_YEAR);
        }
        long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(param + ": " + year + " has weeks W01 to W" + weeks + ", got '" + weekKey + "'");
        }
        return weekKey;
    }

    /** Week key {@code offset} weeks after (negative: before) the given one. */
    public static String shiftWeek(String weekKey, int offset) {
        LocalDate monday = mondayOf(weekKey).plusWeeks(offset);
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
