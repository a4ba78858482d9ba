package io.koubei.analysis;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** 64-bit simhash of a token list: near-duplicate texts differ in few bits. */
public final class SimHash {
    private SimHash() {
    }

    public static long of(List<String> tokens) {
        if (tokens.isEmpty()) {
            return 0L;
        }
        int[] v = new int[64];
        for (String t : tokens) {
            long h = fnv(t);
            for (int b = 0; b < 64; b++) {
                v[b] += ((h >>> b) & 1L) == 1L ? 1 : -1;
            }
        }
        long out = 0;
        for (int b = 0; b < 64; b++) {
            if (v[b] > 0) {
                out |= 1L << b;
            }
        }
        return out;
    }

    static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return h;
    }
}
