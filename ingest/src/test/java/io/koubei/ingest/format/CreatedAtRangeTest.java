package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, finding 7: year 0 and year 10000 were accepted and made week keys ({@code -1-W52}, {@code 9999-W52}) that
 * every week filter then refused. createdAt is required, so a time outside 1970–2100 rejects the line.
 */
class CreatedAtRangeTest {
    private static final String LINE = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"%s\",\"createdAt\":%s,\"text\":\"好评\"}";

    @TempDir
    Path dir;

    @Test
    void timesOutsideTheSupportedYearsAreRejectedNamingTheField() throws IOException {
        Path file = dir.resolve("years.jsonl");
        Files.write(file, List.of(
                LINE.formatted("y0", "\"0000-06-01T00:00:00Z\""),
                LINE.formatted("y10000", "\"+10000-01-01T00:00:00Z\""),
                LINE.formatted("y1969", "\"1969-12-31T23:59:59Z\""),
                LINE.formatted("millis1900", "-2208988800000"),
                LINE.formatted("y1970", "\"1970-01-01T00:00:00Z\""),
                LINE.formatted("y2100", "\"2100-12-31T23:59:59Z\""),
                LINE.formatted("y2101", "\"2101-01-01T00:00:00Z\"")));

        List<ParseResult> results = RoundTripTest.readAll(file, ColumnMapping.NONE, FormatOptions.standard());

        assertThat(results).filteredOn(ParseResult::valid).extracting(ParseResult::line).containsExactly(5L, 6L);
        assertThat(BadRowsTest.rejections(results)).containsExactly(
                "years.jsonl:1: createdAt: 0000-06-01T00:00:00Z is outside the supported years 1970–2100",
                "years.jsonl:2: createdAt: +10000-01-01T00:00:00Z is outside the supported years 1970–2100",
                "years.jsonl:3: createdAt: 1969-12-31T23:59:59Z is outside the supported years 1970–2100",
                "years.jsonl:4: createdAt: 1900-01-01T00:00:00Z is outside the supported years 1970–2100",
                "years.jsonl:7: createdAt: 2101-01-01T00:00:00Z is outside the supported years 1970–2100");
    }
}
