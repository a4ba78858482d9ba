package io.koubei.dashboard.speed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Document ids for the speed collections of the state store. An id is derived from what identifies the record (an
 * event's key, an issue's key, a service day's day, line and product), never from a counter or a clock, so the
 * same record sent to two nodes is the same document and the second write is a conflict, not a copy.
 */
final class StateIds {
    private static final Pattern READABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,119}");

    private StateIds() {
    }

    /** The key itself when it is short and plain (easier to read in the store), else {@code h-} and its SHA-256. */
    static String of(String key) {
        return READABLE.matcher(key).matches() ? key : hashed(key);
    }

    /** Always the SHA-256 of the key: for keys whose spelling is free (an event's sender id, its content). */
    static String hashed(String key) {
        try {
            return "h-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reserved ids (markers) start with an underscore; no record id does. */
    static boolean isRecord(String id) {
        return !id.startsWith("_");
    }
}
