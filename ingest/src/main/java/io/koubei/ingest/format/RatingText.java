package io.koubei.ingest.format;

import io.koubei.core.feedback.RatingScale;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ratings written as text in exports: {@code 4星}, {@code 五星}, {@code ★★★★☆}, {@code 9分}, {@code 4/5}, {@code 4 stars}.
 * Stars and "/5" imply the stars scale; {@code 分} (points) and "/10" do not imply one.
 */
final class RatingText {

    private static final Pattern GLYPHS = Pattern.compile("[★☆⭐✩✰✭\\s]+");
    private static final Pattern WITH_UNIT = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?|[零一二两三四五六七八九十]{1,3})\\s*(颗星|星级|星|stars?|分|points?|pts?|/\\s*([0-9]+)|out of\\s*([0-9]+))?");

    /** A score followed by its label, as survey tools export the ends of a scale: {@code 10 - Extremely likely}, {@code 0（不可能）}. */
    private static final Pattern LABELLED = Pattern.compile("([0-9]{1,2}(?:\\.[0-9]+)?)\\s*(?:[-–—:：]\\s*|[(（\\[【]).*[^0-9\\s].*");

    /** A value, and the scale the text implies, or null when it implies none. */
    record Reading(double value, RatingScale impliedScale) {
    }

    private RatingText() {
    }

    /** The rating in {@code text}, or null when it is not one of these forms. */
    static Reading read(String text) {
        String t = CountText.normalise(text).toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        if (GLYPHS.matcher(t).matches()) {
            long filled = t.chars().filter(c -> c == '★').count() + t.codePoints().filter(c -> c == 0x2B50).count();
            return new Reading(filled, RatingScale.STARS);
        }
        Matcher m = WITH_UNIT.matcher(t);
        if (!m.matches()) {
            Matcher l = LABELLED.matcher(t);
            return l.matches() ? new Reading(Double.parseDouble(l.group(1)), null) : null;
        }
        String number = m.group(1);
        Double value;
        if (Character.isDigit(number.charAt(0))) {
            value = Double.valueOf(number);
        } else {
            Integer n = ChineseNumerals.parse(number);
            value = n == null ? null : n.doubleValue();
        }
        if (value == null) {
            return null;
        }
        String unit = m.group(2);
        String outOf = m.group(3) != null ? m.group(3) : m.group(4);
        RatingScale implied = null;
        if (unit != null && (unit.contains("星") || unit.startsWith("star") || "5".equals(outOf))) {
            implied = RatingScale.STARS;
        }
        return new Reading(value, implied);
    }
}
