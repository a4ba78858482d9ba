package io.koubei.analysis.signals;

import io.koubei.core.time.CalendarKeys;
import java.util.ArrayList;
import java.util.List;

/** Week-key arithmetic for detectors (ISO keys such as {@code 2026-W47}). */
public final class Weeks {
    private Weeks() {
    }

    /** The {@code count} weeks ending just before {@code week} (exclusive), oldest first. */
    public static List<String> before(String week, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = count; i >= 1; i--) {
            out.add(CalendarKeys.shiftWeek(week, -i));
        }
        return out;
    }

    /** The {@code count} weeks ending with {@code week} (inclusive), oldest first. */
    public static List<String> endingAt(String week, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            out.add(CalendarKeys.shiftWeek(week, -i));
        }
        return out;
    }

    /** Inclusive range from..to, oldest first; empty when to is before from. */
    public static List<String> range(String from, String to) {
        List<String> out = new ArrayList<>();
        String w = from;
        while (w.compareTo(to) <= 0 && out.size() < 1000) {
            out.add(w);
            w = CalendarKeys.shiftWeek(w, 1);
        }
        return out;
    }
}
