package io.koubei.analysis.model;

import io.koubei.analysis.sentiment.RuleResult;
import io.koubei.analysis.text.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Features of the trainable model: words (with a marker inside a negation's reach), word bigrams, character
 * 1–3-grams, hashed into 2^bits signed buckets and L2-normalised; plus four dense features from the built-in
 * rules (score, positive mass, negative mass, no cue). The model also starts from the rules' score as a fixed
 * margin (see {@link LinearSentimentModel}), so it learns what the lexicon misses rather than relearning it.
 */
public final class FeatureExtractor {
    public static final int DENSE = 4;
    private static final int NEGATION_SCOPE = 3;

    private final int bits;
    private final int mask;

    public FeatureExtractor(int bits) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("hash bits must be in 10..24: " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
    }

    public int bits() {
        return bits;
    }

    public int dimensions() {
        return 1 << bits;
    }

    /** Feature name → count; used for explanation and, hashed, for the model. */
    public Map<String, Integer> names(RuleResult r, String normalizedText, java.util.function.Predicate<String> isNegator) {
        Map<String, Integer> f = new HashMap<>();
        List<Token> tokens = r.tokens();
        String prev = null;
        int negatedUntil = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct()) {
                prev = null;
                negatedUntil = -1;
                continue;
            }
            String term = t.term();
            f.merge("w:" + term, 1, Integer::sum);
            if (i <= negatedUntil) {
                f.merge("nw:" + term, 1, Integer::sum);
            }
            if (isNegator.test(term)) {
                negatedUntil = i + NEGATION_SCOPE;
            }
            if (prev != null) {
                f.merge("b:" + prev + "|" + term, 1, Integer::sum);
            }
            prev = term;
        }
        int n = normalizedText.length();
        for (int i = 0; i < n; i++) {
            char c = normalizedText.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            StringBuilder g = new StringBuilder(4).append("c:");
            for (int k = 0; k < 3 && i + k < n; k++) {
                char ck = normalizedText.charAt(i + k);
                if (!Character.isLetterOrDigit(ck)) {
                    break;
                }
                g.append(ck);
                f.merge(g.toString(), 1, Integer::sum);
            }
        }
        return f;
    }

    public SparseVector vectorize(RuleResult r, Map<String, Integer> names) {
        Map<Integer, Float> acc = new HashMap<>(names.size() * 2);
        for (var e : names.entrySet()) {
            long h = hash(e.getKey());
            int idx = DENSE + (int) ((h & 0x7fffffffL) % (dimensions() - DENSE));
            float sign = (h & (1L << 40)) != 0 ? 1f : -1f;
            acc.merge(idx, sign * (float) (1 + Math.log(e.getValue())), Float::sum);
        }
        double norm = 0;
        for (float v : acc.values()) {
            norm += v * v;
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        int[] index = new int[acc.size() + DENSE];
        float[] value = new float[acc.size() + DENSE];
        double[] dense = dense(r);
        for (int d = 0; d < DENSE; d++) {
            index[d] = d;
            value[d] = (float) dense[d];
        }
        int k = DENSE;
        for (var e : acc.entrySet()) {
            index[k] = e.getKey();
            value[k++] = e.getValue() * inv;
        }
        return new SparseVector(index, value);
    }

    public static double[] dense(RuleResult r) {
        return new double[] {
            r.score(), Math.tanh(r.positiveMass() / 2), Math.tanh(r.negativeMass() / 2), r.cues().isEmpty() ? 1 : 0
        };
    }

    public static String denseName(int d) {
        return switch (d) {
            case 0 -> "lexicon score";
            case 1 -> "lexicon positive mass";
            case 2 -> "lexicon negative mass";
            default -> "no lexicon cue";
        };
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

    int mask() {
        return mask;
    }
}
