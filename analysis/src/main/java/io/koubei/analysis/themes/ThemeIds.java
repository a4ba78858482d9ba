package io.koubei.analysis.themes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Theme ids derived from the canonical word alone, so the same theme gets the same id in every run. */
public final class ThemeIds {
    private ThemeIds() {
    }

    public static String of(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "th-" + HexFormat.of().formatHex(h, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
