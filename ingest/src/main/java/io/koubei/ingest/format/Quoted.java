package io.koubei.ingest.format;

import java.util.regex.Pattern;

/**
 * How rejection reasons quote a user's value: shortened, and with personal data (mobile numbers, Chinese ID numbers,
 * emails) masked, because reasons end up in logs, CLI output and API responses.
 */
final class Quoted {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(\\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])");

    private Quoted() {
    }

    static String of(String value) {
        String masked = EMAIL.matcher(value).replaceAll("[email]");
        masked = ID_NUMBER.matcher(masked).replaceAll("[id number]");
        masked = MOBILE.matcher(masked).replaceAll("[phone]");
        return masked.length() <= 60 ? masked : masked.substring(0, 57) + "...";
    }
}
