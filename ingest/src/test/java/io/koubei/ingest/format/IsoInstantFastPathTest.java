package io.koubei.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantFastPathTest {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

    @Test
    void agreesWithTheStrictIsoFormatterOnValidAndInvalidValues() {
        Random r = new Random(3);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            String frac = switch (r.nextInt(4)) {
                case 0 -> "";
                case 1 -> "." + r.nextInt(1000);
                case 2 -> "." + String.format("%09d", r.nextInt(1_000_000_000));
                default -> ".";
            };
            String offset = switch (r.nextInt(4)) {
                case 0 -> "Z";
                case 1 -> String.format("+%02d:%02d", r.nextInt(20), r.nextInt(61));
                case 2 -> String.format("-%02d:%02d", r.nextInt(20), r.nextInt(61));
                default -> "+0800";
            };
            String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", 1970 + r.nextInt(80), 1 + r.nextInt(13),
                    1 + r.nextInt(31), r.nextInt(25), r.nextInt(61), r.nextInt(61), frac, offset);
            Instant expected;
            try {
                expected = OffsetDateTime.parse(s, REFERENCE).toInstant();
            } catch (DateTimeParseException e) {
                expected = null;
            }
            Instant fast = IsoInstantFastPath.parse(s);
            if (fast != null) {
                accepted++;
                assertThat(fast).as(s).isEqualTo(expected);
            } else if (!offset.equals("+0800") && !frac.equals(".")) { // those two the general reader takes
                assertThat(expected).as("the fast path refused a value ISO accepts: " + s).isNull();
            }
        }
        assertThat(accepted).isGreaterThan(2_000);
    }

    @Test
    void leavesOtherFormsToTheGeneralReader() {
        assertThat(IsoInstantFastPath.parse("2024-05-01 10:00:00+08:00")).isNull();
        assertThat(IsoInstantFastPath.parse("2024-05-01T10:00:00+08:00[Asia/Shanghai]")).isNull();
        assertThat(IsoInstantFastPath.parse("2024-05-01t02:00:00z")).isNull();
        assertThat(IsoInstantFastPath.parse("2024-05-01T10:00:00")).isNull();
        assertThat(IsoInstantFastPath.parse("２０２４-05-01T10:00:00Z")).isNull();
        assertThat(IsoInstantFastPath.parse("2024-05-01T10:00:00.1234567891Z")).isNull();
        assertThat(IsoInstantFastPath.parse("2024-05-01T10:00:00+08:00")).isEqualTo(Instant.parse("2024-05-01T02:00:00Z"));
    }
}
