package io.koubei.analysis;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * 64-bit SimHash (Charikar) over character 3-gram shingles of a normalised text: NFKC, lower case,
 * whitespace, punctuation and symbols removed (so "太棒了！！" and "太棒了" agree, and emoji or
 * trailing tags do not dominate). Near-duplicate texts get signatures at small Hamming distance.
 *
 * <p>This is Koubei's one near-duplicate signature: the analysis stores it in {@code Analysis.simhash} (of the
 * title and text read together, {@link #ofItem}), and the astroturf clusterer computes the same from the text, so
 * a stored and a computed signature can be compared under one Hamming threshold. (Until 2026-12 the stored one was
 * a different, token-based hash; the clusterer therefore computes from the text rather than trusting stored values.)
 *
 * <p>Each distinct shingle votes once per occurrence with its 64-bit hash (FNV-1a, then the SplitMix64
 * finaliser so that similar shingles do not share bit patterns). Texts shorter than a shingle hash as one
 * shingle; an empty text has signature 0.
 */
public final class SimHash {
    public static final int SHINGLE = 3;

    private SimHash() {
    }

    public static long of(String text) {
        return ofNormalized(normalize(text));
    }

    /** The signature the analysis stores in {@code Analysis.simhash}: the title (if any) and the text read together. */
    public static long ofItem(String title, String text) {
        return of(title == null || title.isBlank() ? text : title + " " + text);
    }

    public static long ofNormalized(String s) {
        if (s.isEmpty()) {
            return 0L;
        }
        Map<String, Integer> shingles = new HashMap<>();
        int[] cps = s.codePoints().toArray();
        if (cps.length <= SHINGLE) {
            shingles.put(s, 1);
        } else {
            for (int i = 0; i + SHINGLE <= cps.length; i++) {
                shingles.merge(new String(cps, i, SHINGLE), 1, Integer::sum);
            }
        }
        int[] votes = new int[64];
        for (Map.Entry<String, Integer> e : shingles.entrySet()) {
            long h = hash(e.getKey());
            int w = e.getValue();
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? w : -w;
            }
        }
        long sig = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                sig |= 1L << bit;
            }
        }
        return sig;
    }

    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The text the signature is computed from; {@link #of} of two texts with equal normal forms is equal. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** A shingle's 64-bit hash (FNV-1a over UTF-16 units, SplitMix64 finaliser). */
    public static long hash(String shingle) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < shingle.length(); i++) {
            char c = shingle.charAt(i);
            h ^= c & 0xff;
            h *= 0x100000001b3L;
            h ^= c >>> 8;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
