package io.koubei.ingest.connect.rss;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Dates as feeds write them: RFC 822 ({@code pubDate}, with the usual liberties) and RFC 3339 (Atom, {@code dc:date}). */
final class FeedDates {
    private static final List<DateTimeFormatter> RFC822 = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH));

    private FeedDates() {
    }

    /** The instant, or null when the text is none of the known forms. */
    static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.trim().replaceAll("\\s+", " ");
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notIso) {
            // RFC 822 next
        }
        for (DateTimeFormatter f : RFC822) {
            try {
                return ZonedDateTime.parse(v, f).toInstant();
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }
}
