package io.koubei.analysis.signals.astroturf;

/**
 * MinHash signature of a shingle set: for each of {@code n} seeded hash functions, the minimum over the
 * set. Two sets agree on a position with probability equal to their Jaccard index, so bands of the
 * signature find similar short texts that SimHash scatters (one changed character in a 25-character post
 * moves ~15 of 64 SimHash bits, but keeps Jaccard near 0.8).
 */
final class MinHash {
    private MinHash() {
    }

    static long[] signature(long[] shingles, int n) {
        long[] sig = new long[n];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long s : shingles) {
            // Shingle hashes are already well mixed: one multiply-xorshift per function is enough.
            for (int i = 0; i < n; i++) {
                long h = (s ^ SEEDS[i % SEEDS.length] * (i / SEEDS.length + 1)) * 0x9e3779b97f4a7c15L;
                h = (h ^ (h >>> 29)) & Long.MAX_VALUE;
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    private static final long[] SEEDS = seeds(256);

    private static long[] seeds(int n) {
        long[] out = new long[n];
        long z = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < n; i++) {
            z += 0x9e3779b97f4a7c15L;
            long x = z;
            x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
            x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
            out[i] = x ^ (x >>> 31);
        }
        return out;
    }
}
