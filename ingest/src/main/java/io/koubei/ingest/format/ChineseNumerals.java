package io.koubei.ingest.format;

/** Small Chinese numerals as exports write them in levels and ratings: 七, 十, 十二, 二十三, 两. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** 0–99, or null when {@code text} is not such a numeral. */
    static Integer parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 3) {
            return null;
        }
        String t = text.replace('两', '二');
        int ten = t.indexOf('十');
        if (ten < 0) {
            return t.length() == 1 ? digit(t.charAt(0)) : null;
        }
        if (t.indexOf('十', ten + 1) >= 0) {
            return null;
        }
        Integer tens = ten == 0 ? Integer.valueOf(1) : ten == 1 ? digit(t.charAt(0)) : null;
        Integer ones = ten == t.length() - 1 ? Integer.valueOf(0) : ten == t.length() - 2 ? digit(t.charAt(t.length() - 1)) : null;
        if (tens == null || ones == null || tens == 0 || (ten == 0 && t.length() > 2)) {
            return null;
        }
        return tens * 10 + ones;
    }

    private static Integer digit(char c) {
        int i = DIGITS.indexOf(c);
        return i < 0 ? null : i;
    }
}
