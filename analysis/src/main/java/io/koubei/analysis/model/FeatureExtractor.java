package io.koubei.analysis.model;

import io.koubei.analysis.sentiment.RuleResult;
import io.koubei.analysis.text.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Features of the trainable model: words, word bigrams within a clause and character 1–3-grams, as binary
 * presence hashed into 2^bits signed buckets and L2-normalised (a bag of n-grams; presence beats counts on
 * short reviews); plus one dense feature, the built-in rules' score. The model also starts from the rules'
 * score as a fixed margin (see {@link LinearSentimentModel}), so it learns what the lexicon misses rather
 * than relearning it.
 */
public final class FeatureExtractor {
    /** Dense features before the hashed ones: 0 = the rules' score. */
    public static final int DENSE = 1;
    private static final int MAX_CHAR_GRAM = 3;

    private final int bits;

    public FeatureExtractor(int bits) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("hash bits must be in 10..24: " + bits);
        }
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public int dimensions() {
        return 1 << bits;
    }

    /** Feature names present in a text; used for explanation and, hashed, for the model. */
    public Set<String> names(RuleResult r, String normalizedText) {
        Set<String> f = new HashSet<>();
        List<Token> tokens = r.tokens();
        String prev = null;
        for (Token t : tokens) {
            if (t.isPunct()) {
                prev = null;
                continue;
            }
            String term = t.term();
            f.add("w:" + term);
            if (prev != null) {
                f.add("b:" + prev + "|" + term);
            }
            prev = term;
        }
        int n = normalizedText.length();
        StringBuilder g = new StringBuilder(2 + MAX_CHAR_GRAM);
        for (int i = 0; i < n; i++) {
            if (!Character.isLetterOrDigit(normalizedText.charAt(i))) {
                continue;
            }
            g.setLength(0);
            g.append("c:");
            for (int k = 0; k < MAX_CHAR_GRAM && i + k < n; k++) {
                char ck = normalizedText.charAt(i + k);
                if (!Character.isLetterOrDigit(ck)) {
                    break;
                }
                g.append(ck);
                f.add(g.toString());
            }
        }
        return f;
    }

    public SparseVector vectorize(RuleResult r, Set<String> names) {
        Map<Integer, Float> acc = new HashMap<>(names.size() * 2);
        for (String name : names) {
            acc.merge(bucket(name), sign(name), Float::sum);
        }
        acc.values().removeIf(v -> v == 0f); // two names cancelling in one bucket
        float inv = acc.isEmpty() ? 0f : (float) (1 / Math.sqrt(acc.size()));
        int[] index = new int[acc.size() + DENSE];
        float[] value = new float[acc.size() + DENSE];
        index[0] = 0;
        value[0] = (float) r.score();
        int k = DENSE;
        for (var e : acc.entrySet()) {
            index[k] = e.getKey();
            value[k++] = e.getValue() * inv;
        }
        return new SparseVector(index, value);
    }

    public static String denseName(int d) {
        return "lexicon score";
    }

    /** 64-bit FNV-1a over UTF-16 code units with a final mix: stable across JVMs (models are files). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    int bucket(String name) {
        long h = hash(name);
        return DENSE + (int) ((h & 0x7fffffffL) % (dimensions() - DENSE));
    }

    float sign(String name) {
        return (hash(name) & (1L << 40)) != 0 ? 1f : -1f;
    }
}
