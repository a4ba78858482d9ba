package io.koubei.analysis.text;

import java.util.regex.Pattern;

/** Masks personal data (mainland mobile numbers, Chinese ID numbers, e-mail addresses) in text that is shown. */
public final class PiiMasker {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])");

    private PiiMasker() {
    }

    /** Every pattern needs '@' or a run of digits: most texts skip the regular expressions. */
    static boolean mayContainPii(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            digits = c >= '0' && c <= '9' ? digits + 1 : 0;
            if (digits >= 7) {
                return true;
            }
        }
        return false;
    }

    public static String mask(String text) {
        if (text == null || !mayContainPii(text)) {
            return text;
        }
        String out = EMAIL.matcher(text).replaceAll("[email]");
        out = ID_NUMBER.matcher(out).replaceAll("[id]");
        return MOBILE.matcher(out).replaceAll("[phone]");
    }
}
