package io.koubei.analysis.speed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the response clock runs. {@link #ALWAYS} (the default) counts every minute; otherwise only minutes between
 * {@code open} and {@code close} on working days that are not holidays, in the team's zone. Speed durations
 * (first response, resolution, SLA) are all measured with {@link #elapsed}.
 */
public record BusinessHours(ZoneId zone, boolean alwaysOn, LocalTime open, LocalTime close, Set<DayOfWeek> workDays,
        Set<LocalDate> holidays) {

    public static final BusinessHours ALWAYS = always(ZoneId.of("Asia/Shanghai"));

    public BusinessHours {
        workDays = workDays == null || workDays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : Set.copyOf(workDays);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        if (!alwaysOn && (open == null || close == null || !open.isBefore(close))) {
            throw new IllegalArgumentException("business hours need open < close, got " + open + "–" + close);
        }
    }

    public static BusinessHours always(ZoneId zone) {
        return new BusinessHours(zone, true, null, null, null, null);
    }

    /** Business time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration elapsed(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOn) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!workDays.contains(day.getDayOfWeek()) || holidays.contains(day)) {
                continue;
            }
            Instant dayOpen = ZonedDateTime.of(day, open, zone).toInstant();
            Instant dayClose = ZonedDateTime.of(day, close, zone).toInstant();
            Instant a = from.isAfter(dayOpen) ? from : dayOpen;
            Instant b = to.isBefore(dayClose) ? to : dayClose;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /**
     * The instant at which {@code budget} of business time has passed since {@code start} (the SLA deadline).
     * Searches at most 366 days ahead.
     */
    public Instant deadline(Instant start, Duration budget) {
        if (alwaysOn) {
            return start.plus(budget);
        }
        Duration left = budget;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < 366; i++, day = day.plusDays(1)) {
            if (!workDays.contains(day.getDayOfWeek()) || holidays.contains(day)) {
                continue;
            }
            Instant dayOpen = ZonedDateTime.of(day, open, zone).toInstant();
            Instant dayClose = ZonedDateTime.of(day, close, zone).toInstant();
            Instant a = start.isAfter(dayOpen) ? start : dayOpen;
            if (!dayClose.isAfter(a)) {
                continue;
            }
            Duration available = Duration.between(a, dayClose);
            if (available.compareTo(left) >= 0) {
                return a.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no business time within a year of " + start);
    }
}
