package io.koubei.core.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in feedback text before it is shown or exported: mainland mobile numbers, 18-digit
 * resident ID numbers and e-mail addresses. Stores keep the original (needed to answer the user); every view
 * and export goes through here.
 */
public final class PiiMasker {
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])([1-9]\\d{5})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(\\+?86[- ]?)?(1[3-9]\\d)[- ]?(\\d{4})[- ]?(\\d{4})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private PiiMasker() {
    }

    /**
     * Every pattern needs an '@' or at least 11 digits (a mobile number, possibly with separators; an ID number has
     * 17): most texts skip the regular expressions. This is the one masker: views, exports, reports and the opinion
     * snippets the analysis stores all mask the same way.
     */
    static boolean mayContainPii(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= 11) {
                return true;
            }
        }
        return false;
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty() || !mayContainPii(text)) {
            return text;
        }
        String out = replace(ID_NUMBER, text, m -> m.group(1).substring(0, 3) + "*".repeat(11) + m.group(3).substring(m.group(3).length() - 4));
        out = replace(MOBILE, out, m -> (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(4));
        out = replace(EMAIL, out, m -> m.group(1) + "***@" + m.group(2));
        return out;
    }

    private interface Replacement {
        String apply(Matcher m);
    }

    private static String replace(Pattern p, String text, Replacement r) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(r.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
