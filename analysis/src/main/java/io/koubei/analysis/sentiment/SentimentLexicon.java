package io.koubei.analysis.sentiment;

import io.koubei.analysis.text.ResourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The built-in model's knowledge: sentiment words with weights, negators, degree adverbs, contrast markers
 * and emoticons. Built-in resources first, then a deployment's own files on top (later entries override).
 */
public final class SentimentLexicon {
    public enum ContrastKind { AFTER, CONCEDE }

    /** @param earlier multiplier of the sentence's earlier clauses (AFTER only) */
    public record Contrast(ContrastKind kind, double weight, double earlier) {
    }

    private final Map<String, Double> words;
    private final Set<String> negators;
    private final Map<String, Double> degrees;
    private final Map<String, Contrast> contrasts;
    private final Map<String, Double> emoticons;
    private final Map<String, Integer> attributes;
    private final Map<String, Entry> entries;

    /** Everything the rules know about one word, found with a single lookup (the rules' hot path). */
    public record Entry(Double weight, boolean negator, Double degree, Contrast contrast, Integer attribute) {
    }

    /** Adjectives of quantity: +1 high, −1 low. Their polarity comes from the attribute they describe. */
    private static final Map<String, Integer> QUANTITY = Map.ofEntries(
            Map.entry("高", 1), Map.entry("大", 1), Map.entry("多", 1), Map.entry("长", 1), Map.entry("强", 1),
            Map.entry("足", 1), Map.entry("快", 1), Map.entry("重", 1), Map.entry("低", -1), Map.entry("小", -1),
            Map.entry("少", -1), Map.entry("短", -1), Map.entry("弱", -1), Map.entry("慢", -1), Map.entry("轻", -1),
            Map.entry("偏高", 1), Map.entry("偏低", -1), Map.entry("偏大", 1), Map.entry("偏小", -1),
            // change verbs act on attributes the same way (功耗降低 good, 噪点增加 bad), and 明显 means "much of it"
            Map.entry("提升", 1), Map.entry("提高", 1), Map.entry("增加", 1), Map.entry("增大", 1), Map.entry("增强", 1),
            Map.entry("加大", 1), Map.entry("上升", 1), Map.entry("升高", 1), Map.entry("变大", 1), Map.entry("变多", 1),
            Map.entry("降低", -1), Map.entry("减少", -1), Map.entry("缩短", -1), Map.entry("下降", -1), Map.entry("减小", -1),
            Map.entry("减轻", -1), Map.entry("缩小", -1), Map.entry("变小", -1), Map.entry("变少", -1), Map.entry("减慢", -1),
            Map.entry("明显", 1), Map.entry("十足", 1), Map.entry("充足", 1), Map.entry("不够", -1), Map.entry("不足", -1));

    private SentimentLexicon(Builder b) {
        this.words = Map.copyOf(b.words);
        this.negators = Set.copyOf(b.negators);
        this.degrees = Map.copyOf(b.degrees);
        this.contrasts = Map.copyOf(b.contrasts);
        this.emoticons = Map.copyOf(b.emoticons);
        this.attributes = Map.copyOf(b.attributes);
        Set<String> all = new HashSet<>(words.keySet());
        all.addAll(negators);
        all.addAll(degrees.keySet());
        all.addAll(contrasts.keySet());
        all.addAll(attributes.keySet());
        Map<String, Entry> e = new HashMap<>();
        for (String w : all) {
            e.put(w, new Entry(weight(w), negators.contains(w), degrees.get(w), contrasts.get(w), attributeSign(w)));
        }
        this.entries = Map.copyOf(e);
    }

    /** Null when the rules know nothing about the word. */
    public Entry entry(String word) {
        return entries.get(word);
    }

    /** +1 when more of this attribute is good (性价比), −1 when bad (油耗), null when not an attribute. */
    public Integer attributeSign(String noun) {
        Integer s = attributes.get(noun);
        return s == null || s == 0 ? null : s;
    }

    /** +1 for 高/大/多…, −1 for 低/小/少…, null otherwise. */
    public Integer quantity(String adjective) {
        return QUANTITY.get(adjective);
    }

    public static SentimentLexicon builtIn() {
        return builder().loadBuiltIn().build();
    }

    /** Weight of a sentiment word, or null when the word carries none. */
    public Double weight(String word) {
        Double w = words.get(word);
        return w == null || w == 0.0 ? null : w;
    }

    public boolean isNegator(String word) {
        return negators.contains(word);
    }

    public Double degree(String word) {
        return degrees.get(word);
    }

    public Contrast contrast(String word) {
        return contrasts.get(word);
    }

    public Double emoticon(String token) {
        return emoticons.get(token);
    }

    /** Every multi-character word the rules look up, so the segmenter keeps them whole. */
    public Set<String> vocabulary() {
        Set<String> all = new HashSet<>(words.keySet());
        all.addAll(negators);
        all.addAll(degrees.keySet());
        all.addAll(contrasts.keySet());
        all.addAll(attributes.keySet());
        all.removeIf(w -> w.codePointCount(0, w.length()) < 2);
        return all;
    }

    public int size() {
        return words.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Double> words = new HashMap<>();
        private final Set<String> negators = new HashSet<>();
        private final Map<String, Double> degrees = new HashMap<>();
        private final Map<String, Contrast> contrasts = new HashMap<>();
        private final Map<String, Double> emoticons = new HashMap<>();
        private final Map<String, Integer> attributes = new HashMap<>();

        public Builder loadBuiltIn() {
            for (String file : builtInLexiconFiles()) {
                for (String[] r : ResourceFiles.classpathRows(file)) {
                    word(r[0], ResourceFiles.number(r, 1, file));
                }
            }
            ResourceFiles.classpathRows("negators.txt").forEach(r -> negators.add(r[0]));
            for (String[] r : ResourceFiles.classpathRows("degree.tsv")) {
                degrees.put(r[0], ResourceFiles.number(r, 1, "degree.tsv"));
            }
            for (String[] r : ResourceFiles.classpathRows("contrast.tsv")) {
                contrasts.put(r[0], new Contrast(ContrastKind.valueOf(r[1].toUpperCase()), ResourceFiles.number(r, 2, "contrast.tsv"),
                        r.length > 3 ? ResourceFiles.number(r, 3, "contrast.tsv") : 0.6));
            }
            for (String[] r : ResourceFiles.classpathRows("attributes.tsv")) {
                attributes.put(r[0], (int) Math.signum(ResourceFiles.number(r, 1, "attributes.tsv")));
            }
            for (String[] r : ResourceFiles.classpathRows("emoticons.tsv")) {
                emoticons.put(r[0].toLowerCase(), ResourceFiles.number(r, 1, "emoticons.tsv"));
            }
            return this;
        }

        /** The core lexicon, then the domain files listed in lexicon/index.txt, in order (later entries override). */
        static List<String> builtInLexiconFiles() {
            List<String> files = new ArrayList<>();
            files.add("sentiment-lexicon.tsv");
            for (String[] r : ResourceFiles.classpathRows("lexicon/index.txt")) {
                files.add("lexicon/" + r[0]);
            }
            return files;
        }

        /** A deployment lexicon: word&lt;TAB&gt;weight lines, overriding built-in weights. */
        public Builder loadWords(Path file) {
            for (String[] r : ResourceFiles.fileRows(file)) {
                word(r[0], ResourceFiles.number(r, 1, file.toString()));
            }
            return this;
        }

        public Builder word(String word, double weight) {
            if (weight < -3 || weight > 3) {
                throw new IllegalArgumentException("sentiment weight of '" + word + "' must be in [-3, 3]: " + weight);
            }
            words.put(word.toLowerCase(), weight);
            return this;
        }

        public SentimentLexicon build() {
            return new SentimentLexicon(this);
        }
    }
}
