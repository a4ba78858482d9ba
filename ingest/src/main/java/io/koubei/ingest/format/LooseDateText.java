package io.koubei.ingest.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as exports and profile pages write them, for optional date fields only: {@code 2024-02-01},
 * {@code 2024/2/1 10:15}, {@code 2024.02.01}, {@code 2024年2月1日 10:15:30}, and epoch seconds. A local value has no
 * zone: the caller places it in one and says so.
 */
final class LooseDateText {

    private static final Pattern LOCAL = Pattern.compile(
            "([0-9]{4})\\s*[-/.年]\\s*([0-9]{1,2})\\s*[-/.月]\\s*([0-9]{1,2})\\s*[日号]?"
                    + "(?:(?:\\s+|T|\\s*[日号]?\\s*)([0-9]{1,2})[:：时]([0-9]{1,2})(?:[:：分]([0-9]{1,2})(?:\\.([0-9]{1,9}))?秒?)?分?)?");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{9,10}");

    /** What the text holds: an instant (epoch seconds) or a local date-time ({@code dateOnly} when no time was given). */
    record Reading(Instant instant, LocalDateTime local, boolean dateOnly) {
    }

    private LooseDateText() {
    }

    /** The reading, or null when the text is none of these forms or not a real date (2024-02-30). */
    static Reading read(String text) {
        String t = CountText.normalise(text);
        if (EPOCH_SECONDS.matcher(t).matches()) {
            return new Reading(Instant.ofEpochSecond(Long.parseLong(t)), null, false);
        }
        Matcher m = LOCAL.matcher(t);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return new Reading(null, date.atStartOfDay(), true);
            }
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            return new Reading(null, date.atTime(time), false);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
