package io.koubei.analysis.signals;

import java.util.regex.Pattern;

/**
 * Sample texts put into evidence are shortened and have personal data masked (phone numbers, Chinese ID
 * numbers, e-mail addresses), because evidence is shown in the UI and exported in reports.
 */
public final class SampleText {
    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    public static final int MAX_CHARS = 120;

    private SampleText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String t = ID_CARD.matcher(text).replaceAll("[身份证号]");
        t = PHONE.matcher(t).replaceAll("[手机号]");
        t = EMAIL.matcher(t).replaceAll("[邮箱]");
        return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS) + "…";
    }
}
