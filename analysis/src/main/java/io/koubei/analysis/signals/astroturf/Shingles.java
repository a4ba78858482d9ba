package io.koubei.analysis.signals.astroturf;

import io.koubei.analysis.SimHash;
import java.util.Arrays;

/** Character 3-gram shingles of a normalised text as sorted distinct 64-bit hashes, and their Jaccard index. */
final class Shingles {
    private Shingles() {
    }

    static long[] of(String normalized) {
        int[] cps = normalized.codePoints().toArray();
        if (cps.length == 0) {
            return new long[0];
        }
        if (cps.length <= SimHash.SHINGLE) {
            return new long[] {SimHash.hash(normalized)};
        }
        long[] out = new long[cps.length - SimHash.SHINGLE + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = SimHash.hash(new String(cps, i, SimHash.SHINGLE));
        }
        Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[n++] = out[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
