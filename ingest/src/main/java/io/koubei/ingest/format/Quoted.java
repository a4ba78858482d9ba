package io.koubei.ingest.format;

import io.koubei.core.privacy.PiiMasker;

/**
 * How rejection reasons quote a user's value: shortened, and with personal data (mobile numbers, Chinese ID numbers,
 * emails) masked by the one masker every view and export uses ({@link PiiMasker}), because reasons end up in logs,
 * CLI output and API responses.
 */
final class Quoted {

    private Quoted() {
    }

    static String of(String value) {
        String masked = PiiMasker.mask(value);
        return masked.length() <= 60 ? masked : masked.substring(0, 57) + "...";
    }
}
