package io.koubei.analysis.signals;

import io.koubei.core.privacy.PiiMasker;

/**
 * Sample texts put into evidence are shortened and have personal data masked (phone numbers, Chinese ID
 * numbers, e-mail addresses) by the project's one masker, because evidence is shown in the UI and exported in reports.
 */
public final class SampleText {
    public static final int MAX_CHARS = 120;

    private SampleText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String t = PiiMasker.mask(text);
        return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS) + "…";
    }
}
