package io.koubei.analysis.signals.astroturf;

import java.time.Duration;

/**
 * How near-duplicates are found.
 *
 * @param maxHamming    two SimHash signatures within this Hamming distance are duplicates (0–15); found with
 *                      {@code maxHamming + 1} bands, so by pigeonhole no such pair is missed
 * @param minJaccard    two texts whose 3-gram sets have at least this Jaccard index are duplicates too
 *                      (short texts: see {@link MinHash}); candidates from MinHash LSH, verified exactly
 * @param minHashBands  LSH bands; with {@code minHashRows} rows each, pairs at Jaccard 0.5 are found with
 *                      probability ≈ 1 − (1 − 0.5^rows)^bands (20 × 3: at 0.4 0.73, at 0.5 0.93, at 0.6 0.99)
 * @param minHashRows   rows per band
 * @param linkWindow    only items posted within this time of each other are linked (a campaign is
 *                      concentrated in time; it also keeps the work near-linear)
 * @param minTextChars  texts with fewer normalised characters are skipped ("好评", "不错" are naturally identical)
 */
public record NearDuplicateParams(int maxHamming, double minJaccard, int minHashBands, int minHashRows,
        Duration linkWindow, int minTextChars) {

    public static final NearDuplicateParams DEFAULTS =
            new NearDuplicateParams(3, 0.4, 20, 3, Duration.ofHours(6), 10);

    public NearDuplicateParams {
        if (maxHamming < 0 || maxHamming > 15) {
            throw new IllegalArgumentException("maxHamming must be 0..15: " + maxHamming);
        }
        if (minJaccard <= 0 || minJaccard > 1 || minHashBands < 1 || minHashRows < 1 || minTextChars < 1) {
            throw new IllegalArgumentException("invalid near-duplicate parameters");
        }
        if (linkWindow == null || linkWindow.isNegative() || linkWindow.isZero()) {
            throw new IllegalArgumentException("linkWindow must be positive");
        }
    }
}
