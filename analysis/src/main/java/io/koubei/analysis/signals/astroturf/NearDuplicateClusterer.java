package io.koubei.analysis.signals.astroturf;

import io.koubei.analysis.SimHash;
import io.koubei.core.feedback.AnalyzedFeedback;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups items whose texts are near-duplicates and that were posted close in time. Leader clustering in time
 * order: an item joins the most similar leader posted at most {@code linkWindow} earlier — similar meaning
 * SimHash Hamming distance ≤ k (banded LSH, exact by pigeonhole) or 3-gram Jaccard ≥ j (MinHash LSH,
 * verified on the exact shingle sets) — else it becomes a leader. Leaders, not single linkage, so a day of
 * similar genuine posts does not chain into one giant cluster; a campaign longer than the link window
 * comes out as several clusters (the detector merges flagged ones).
 *
 * <p>Blind spots: paraphrases that share few characters (rewritten by hand or by a language model) are
 * not near-duplicates; similar genuine posts of the same hours join a campaign's cluster (the detector
 * judges accounts, not the cluster alone); texts under {@code minTextChars} are ignored; which leader an
 * item joins depends on arrival order, so cluster borders are not canonical.
 */
public final class NearDuplicateClusterer {
    private final NearDuplicateParams params;

    public NearDuplicateClusterer(NearDuplicateParams params) {
        this.params = params;
    }

    public NearDuplicateClusterer() {
        this(NearDuplicateParams.DEFAULTS);
    }

    /** Clusters of at least two items, each sorted by time; largest first. Items keep their input identity. */
    public List<List<AnalyzedFeedback>> cluster(Collection<AnalyzedFeedback> input) {
        List<Entry> items = new ArrayList<>();
        for (AnalyzedFeedback f : input) {
            String norm = SimHash.normalize(text(f));
            if (norm.codePointCount(0, norm.length()) < params.minTextChars()) {
                continue;
            }
            long sim = SimHash.ofNormalized(norm); // items analysed before 2026-12 store another hash: compute it
            long[] sh = Shingles.of(norm);
            items.add(new Entry(f, f.item().createdAt().toEpochMilli(), sim, sh,
                    MinHash.signature(sh, params.minHashBands() * params.minHashRows())));
        }
        items.sort(Comparator.comparingLong(Entry::time).thenComparing(e -> e.f.id()));
        int n = items.size();
        long window = params.linkWindow().toMillis();
        int simBands = params.maxHamming() + 1;
        int rows = params.minHashRows();
        int bandCount = simBands + params.minHashBands();
        List<Map<Long, ArrayDeque<Integer>>> index = new ArrayList<>(bandCount);
        for (int b = 0; b < bandCount; b++) {
            index.add(new HashMap<>());
        }
        int[] leaderOf = new int[n];
        int[] seen = new int[n];
        Arrays.fill(seen, -1);
        long[] keys = new long[bandCount];
        for (int i = 0; i < n; i++) {
            Entry e = items.get(i);
            bandKeys(e, simBands, rows, keys);
            int best = -1;
            double bestScore = -1;
            for (int b = 0; b < bandCount; b++) {
                ArrayDeque<Integer> bucket = index.get(b).get(keys[b]);
                if (bucket == null) {
                    continue;
                }
                // Leaders enter in time order: drop those whose window has passed.
                while (!bucket.isEmpty() && e.time - items.get(bucket.peekFirst()).time > window) {
                    bucket.pollFirst();
                }
                for (int leader : bucket) {
                    if (seen[leader] == i) {
                        continue;
                    }
                    seen[leader] = i;
                    Entry l = items.get(leader);
                    double score = similarity(e, l);
                    if (score > bestScore) {
                        bestScore = score;
                        best = leader;
                    }
                }
            }
            if (best >= 0) {
                leaderOf[i] = best;
            } else {
                leaderOf[i] = i;
                for (int b = 0; b < bandCount; b++) {
                    index.get(b).computeIfAbsent(keys[b], k -> new ArrayDeque<>()).addLast(i);
                }
            }
        }
        Map<Integer, List<AnalyzedFeedback>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(leaderOf[i], k -> new ArrayList<>()).add(items.get(i).f);
        }
        List<List<AnalyzedFeedback>> out = new ArrayList<>();
        for (List<AnalyzedFeedback> g : groups.values()) {
            if (g.size() >= 2) {
                out.add(List.copyOf(g));
            }
        }
        out.sort(Comparator.comparingInt((List<AnalyzedFeedback> g) -> -g.size()).thenComparing(g -> g.get(0).id()));
        return out;
    }

    /** Near-duplicate score of an item to a leader, or −1 when neither criterion holds. */
    private double similarity(Entry a, Entry b) {
        int d = SimHash.hamming(a.simhash, b.simhash);
        if (d <= params.maxHamming()) {
            return 2.0 - d / 64.0;
        }
        double j = Shingles.jaccard(a.shingles, b.shingles);
        return j >= params.minJaccard() ? j : -1;
    }

    /** SimHash bands (maxHamming + 1 disjoint bit ranges: a pair within distance k agrees on one), then MinHash bands. */
    private void bandKeys(Entry e, int simBands, int rows, long[] keys) {
        for (int b = 0; b < simBands; b++) {
            int from = b * 64 / simBands;
            int to = (b + 1) * 64 / simBands;
            long mask = to - from == 64 ? -1L : ((1L << (to - from)) - 1) << from;
            keys[b] = (e.simhash & mask) * 31 + b;
        }
        for (int b = 0; b < params.minHashBands(); b++) {
            long key = 1469598103934665603L;
            for (int r = 0; r < rows; r++) {
                key = (key ^ e.minhash[b * rows + r]) * 1099511628211L;
            }
            keys[simBands + b] = key;
        }
    }

    static String text(AnalyzedFeedback f) {
        String t = f.item().text();
        return f.item().title() == null || f.item().title().isBlank() ? t : f.item().title() + " " + t;
    }

    public NearDuplicateParams params() {
        return params;
    }

    private record Entry(AnalyzedFeedback f, long time, long simhash, long[] shingles, long[] minhash) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return f.id() + "@" + Long.toHexString(simhash);
        }
    }
}
