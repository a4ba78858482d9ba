package io.koubei.analysis.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Deterministic k-fold split: indices shuffled with a seed, then dealt round-robin into k folds. */
public final class KFold {
    private KFold() {
    }

    /** fold[i] = the fold (0..k-1) row i is tested in. */
    public static int[] assign(int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("folds must be between 2 and the number of rows (" + n + "): " + k);
        }
        List<Integer> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed));
        int[] fold = new int[n];
        for (int pos = 0; pos < n; pos++) {
            fold[idx.get(pos)] = pos % k;
        }
        return fold;
    }
}
