package io.koubei.ingest.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts as platforms display them: {@code 1.2万} (10⁴), {@code 3亿} (10⁸), {@code 1.5k}, {@code 2.3w}, {@code 3,456},
 * {@code 10万+}, full-width digits. Display abbreviations are rounded figures, so the result is rounded to a whole number.
 */
final class CountText {

    private static final Pattern COUNT = Pattern.compile(
            "([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?\\s*(百万|千万|万|亿|千|k|w|m)?\\s*(\\+)?");

    /** A count read from text; {@code atLeast} when the text said so ({@code 10万+}). */
    record Reading(long value, boolean atLeast) {
    }

    private CountText() {
    }

    /** The count, or null when {@code text} is not a count in one of these forms (negative numbers are not). */
    static Reading read(String text) {
        String t = normalise(text).toLowerCase(Locale.ROOT);
        Matcher m = COUNT.matcher(t);
        if (!m.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
        String unit = m.group(3);
        long factor = unit == null ? 1 : switch (unit) {
            case "千", "k" -> 1_000L;
            case "万", "w" -> 10_000L;
            case "m", "百万" -> 1_000_000L;
            case "千万" -> 10_000_000L;
            case "亿" -> 100_000_000L;
            default -> throw new IllegalStateException(unit);
        };
        BigDecimal value = number.multiply(BigDecimal.valueOf(factor));
        if (unit == null && value.stripTrailingZeros().scale() > 0) {
            return null; // "1.5" people is not a count; only an abbreviation is a rounded figure
        }
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            return null;
        }
        return new Reading(value.setScale(0, RoundingMode.HALF_UP).longValueExact(), m.group(4) != null);
    }

    /** NFKC (full-width digits and punctuation become ASCII; ，becomes ,), trimmed. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }
}
