package io.koubei.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Words SmartCN must not split (客服, 好用, 续航) or cannot know (Redmi K70 Pro, X443): a trie searched by
 * longest match. Entries are normalised (half-width, lower case, single spaces); an entry with spaces also
 * matches its spaceless spelling. Latin entries only match on Latin word boundaries. Immutable once built.
 */
public final class DomainDictionary {
    private final Node root;
    private final int size;

    private DomainDictionary(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public boolean contains(String word) {
        String w = canonical(word);
        Node n = root;
        for (int i = 0; i < w.length() && n != null; i++) {
            n = n.child(w.charAt(i));
        }
        return n != null && n.word != null;
    }

    /**
     * Longest entry starting at {@code start} in normalised text {@code t}, or null. A run of whitespace in the
     * text matches one space of an entry.
     */
    public Match longestMatch(char[] t, int start) {
        Node n = root;
        int i = start;
        Match best = null;
        boolean latinStart = isLatin(t[start]);
        if (latinStart && start > 0 && isLatin(t[start - 1])) {
            return null;
        }
        while (i < t.length) {
            char c = t[i];
            int next = i + 1;
            if (Character.isWhitespace(c)) {
                c = ' ';
                while (next < t.length && Character.isWhitespace(t[next])) {
                    next++;
                }
            }
            Node child = n.child(c);
            if (child == null && c == ' ' && n != root) {
                i = next; // "Neo 3" also matches an entry written "neo3"
                continue;
            }
            n = child;
            if (n == null) {
                break;
            }
            i = next;
            if (n.word != null && c != ' ') {
                boolean latinEnd = isLatin(t[i - 1]);
                if (!latinEnd || i >= t.length || !isLatin(t[i])) {
                    best = new Match(n.word, start, i);
                }
            }
        }
        return best;
    }

    static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    public record Match(String word, int start, int end) {
    }

    static String canonical(String word) {
        String w = TextNormalizer.normalizeToString(word.strip()).toLowerCase(Locale.ROOT);
        return w.replaceAll("\\s+", " ");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects entries from resources, files and code, then freezes them into a trie. */
    public static final class Builder {
        private final TreeMap<String, String> entries = new TreeMap<>();

        public Builder add(String word) {
            if (word == null) {
                return this;
            }
            String w = canonical(word);
            if (w.isEmpty() || w.startsWith("#")) {
                return this;
            }
            entries.put(w, w);
            if (w.indexOf(' ') >= 0) {
                entries.putIfAbsent(w.replace(" ", ""), w);
            }
            return this;
        }

        public Builder addAll(Collection<String> words) {
            words.forEach(this::add);
            return this;
        }

        /** One word per line; '#' starts a comment; anything after a tab is ignored. */
        public Builder addLines(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    int tab = line.indexOf('\t');
                    add(tab >= 0 ? line.substring(0, tab) : line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Builder addFile(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                return addLines(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dictionary " + file, e);
            }
        }

        public DomainDictionary build() {
            MutableNode root = new MutableNode();
            entries.forEach((key, word) -> {
                MutableNode n = root;
                for (int i = 0; i < key.length(); i++) {
                    n = n.kids.computeIfAbsent(key.charAt(i), k -> new MutableNode());
                }
                n.word = word;
            });
            return new DomainDictionary(root.freeze(), entries.size());
        }
    }

    private static final class MutableNode {
        final TreeMap<Character, MutableNode> kids = new TreeMap<>();
        String word;

        Node freeze() {
            char[] keys = new char[kids.size()];
            Node[] nodes = new Node[kids.size()];
            int i = 0;
            for (var e : kids.entrySet()) {
                keys[i] = e.getKey();
                nodes[i++] = e.getValue().freeze();
            }
            return new Node(keys, nodes, word);
        }
    }

    private static final class Node {
        final char[] keys;
        final Node[] kids;
        final String word;

        Node(char[] keys, Node[] kids, String word) {
            this.keys = keys;
            this.kids = kids;
            this.word = word;
        }

        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? kids[i] : null;
        }
    }

    /** All entries, for diagnostics. */
    public static List<String> readWords(InputStream in) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    out.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
