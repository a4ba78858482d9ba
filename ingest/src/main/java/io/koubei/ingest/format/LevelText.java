package io.koubei.ingest.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Member levels as forums show them: {@code Lv7}, {@code LV.7}, {@code Level 7}, {@code 7级}, {@code 等级：7}, {@code 七级}. */
final class LevelText {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern CHINESE = Pattern.compile("(?:等级|级别)?[:：]?\\s*([零一二两三四五六七八九十]{1,3})\\s*级");

    private LevelText() {
    }

    /** The level, or null when the text holds no single whole number. */
    static Integer read(String text) {
        String t = CountText.normalise(text);
        Matcher chinese = CHINESE.matcher(t);
        if (chinese.matches()) {
            return ChineseNumerals.parse(chinese.group(1));
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.find()) {
            return null;
        }
        String number = m.group();
        if (m.find() || number.contains(".") || number.length() > 9) {
            return null; // two numbers, or a fraction: which one is the level is not clear
        }
        return Integer.valueOf(number);
    }
}
