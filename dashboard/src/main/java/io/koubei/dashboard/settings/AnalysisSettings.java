package io.koubei.dashboard.settings;

import io.koubei.analysis.aspects.AspectTaxonomy;
import io.koubei.analysis.sentiment.SentimentLexicon;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analyzer's editable files, in the analysis module's own formats (analysis/README.md, "Deployment files"):
 * {@code aspects.tsv} (id, name, terms), {@code dictionary/<name>.txt} (one entry per line) and
 * {@code sentiment-lexicon.tsv} (word, weight in [−3, 3]). Parsing here is stricter than the analyzer's and says
 * which line is wrong.
 */
public final class AnalysisSettings {
    /** The dictionaries the settings page edits (any other *.txt in the folder is still read by the analyzer). */
    public static final List<String> DICTIONARIES = List.of("products", "competitors", "features", "slang");
    static final Pattern ASPECT_ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final int MAX_ENTRY = 60;

    /** One aspect as the form shows it: terms comma-separated. */
    public record AspectRow(String id, String name, String terms) {
    }

    public record LexiconEntry(String word, double weight, Double builtIn) {
    }

    private final SettingsFiles files;
    private final SentimentLexicon builtInLexicon = SentimentLexicon.builtIn();

    public AnalysisSettings(SettingsFiles files) {
        this.files = files;
    }

    // ---- aspect taxonomy

    public boolean taxonomyCustomised() {
        return files.readText(files.aspects()).isPresent();
    }

    public static List<AspectRow> rows(AspectTaxonomy taxonomy) {
        return taxonomy.ids().stream().map(taxonomy::aspect)
                .map(a -> new AspectRow(a.id(), a.name(), String.join(",", a.terms()))).toList();
    }

    /** Validates the form's rows (blank rows are ignored) into the file's content. */
    public static String taxonomyFile(List<String> ids, List<String> names, List<String> terms) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> termOwner = new HashMap<>();
        Set<String> seen = new HashSet<>();
        StringBuilder tsv = new StringBuilder("# aspect-id<TAB>display name<TAB>terms (written by the Koubei settings page)\n");
        int rows = Math.max(ids.size(), Math.max(names.size(), terms.size()));
        int kept = 0;
        for (int i = 0; i < rows; i++) {
            String id = at(ids, i);
            String name = at(names, i);
            String termText = at(terms, i);
            if (id.isEmpty() && name.isEmpty() && termText.isEmpty()) {
                continue;
            }
            int row = i + 1;
            if (!ASPECT_ID.matcher(id).matches()) {
                problems.add(Problem.of("settings.error.aspectId", row, id));
            } else if (!seen.add(id)) {
                problems.add(Problem.of("settings.error.aspectDuplicate", row, id));
            }
            if (name.isEmpty() || name.length() > 40 || hasControl(name)) {
                problems.add(Problem.of("settings.error.aspectName", row, id));
            }
            List<String> list = new ArrayList<>();
            for (String t : termText.split("[,，、]")) {
                String term = t.strip().toLowerCase(Locale.ROOT);
                if (term.isEmpty()) {
                    continue;
                }
                if (term.length() > MAX_ENTRY || hasControl(term)) {
                    problems.add(Problem.of("settings.error.term", row, term));
                    continue;
                }
                String owner = termOwner.putIfAbsent(term, id);
                if (owner != null && !owner.equals(id)) {
                    problems.add(Problem.of("settings.error.termTwice", row, term, owner));
                }
                if (!list.contains(term)) {
                    list.add(term);
                }
            }
            if (list.isEmpty()) {
                problems.add(Problem.of("settings.error.noTerms", row, id));
            }
            tsv.append(id).append('\t').append(name).append('\t').append(String.join(",", list)).append('\n');
            kept++;
        }
        if (kept == 0) {
            problems.add(Problem.of("settings.error.noAspects"));
        }
        Problem.throwIfAny(problems);
        return tsv.toString();
    }

    public Path taxonomyPath() {
        return files.aspects();
    }

    // ---- dictionaries

    public String dictionary(String name) {
        return files.readText(files.dictionary(checkDictionary(name))).orElse("");
    }

    public Path dictionaryPath(String name) {
        return files.dictionary(checkDictionary(name));
    }

    /** One entry per line; '#' lines are comments. Entries must be short and contain no tabs or control characters. */
    public static String dictionaryFile(String name, String text) {
        checkDictionary(name);
        List<Problem> problems = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Set<String> seen = new HashSet<>();
        String[] lines = normalise(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#") && (line.length() > MAX_ENTRY || hasControl(line))) {
                problems.add(Problem.of("settings.error.dictionaryEntry", i + 1, abbreviate(line), MAX_ENTRY));
                continue;
            }
            if (line.startsWith("#") || seen.add(line.toLowerCase(Locale.ROOT))) {
                out.append(line).append('\n');
            }
        }
        Problem.throwIfAny(problems);
        return out.toString();
    }

    private static String checkDictionary(String name) {
        if (!DICTIONARIES.contains(name)) {
            throw new IllegalArgumentException("unknown dictionary '" + name + "' (expected one of " + DICTIONARIES + ")");
        }
        return name;
    }

    // ---- sentiment lexicon overrides

    public Path lexiconPath() {
        return files.lexicon();
    }

    /** The override file as the form shows it: "word weight" per line. */
    public String lexiconText() {
        return files.readText(files.lexicon()).map(t -> t.replace('\t', ' ')).orElse("");
    }

    public List<LexiconEntry> lexiconEntries() {
        String text = files.readText(files.lexicon()).orElse("");
        List<LexiconEntry> out = new ArrayList<>();
        for (var e : parseLexicon(text).entrySet()) {
            out.add(new LexiconEntry(e.getKey(), e.getValue(), builtInLexicon.weight(e.getKey())));
        }
        return out;
    }

    /** "word weight" (space or tab) per line; the weight must be a number in [−3, 3]; a word only once. */
    public static String lexiconFile(String text) {
        StringBuilder out = new StringBuilder("# word<TAB>weight in [-3, 3], overriding built-in weights (0 = no sentiment)\n");
        parseLexicon(text).forEach((w, v) -> out.append(w).append('\t').append(format(v)).append('\n'));
        return out.toString();
    }

    static Map<String, Double> parseLexicon(String text) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Double> entries = new LinkedHashMap<>();
        String[] lines = normalise(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int row = i + 1;
            int cut = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
            if (cut <= 0) {
                problems.add(Problem.of("settings.error.lexiconLine", row, abbreviate(line)));
                continue;
            }
            String word = line.substring(0, cut).strip().toLowerCase(Locale.ROOT);
            String weight = line.substring(cut + 1).strip();
            double w;
            try {
                w = Double.parseDouble(weight.replace('−', '-'));
            } catch (NumberFormatException e) {
                problems.add(Problem.of("settings.error.weight", row, weight));
                continue;
            }
            if (!(w >= -3 && w <= 3)) {
                problems.add(Problem.of("settings.error.weight", row, weight));
                continue;
            }
            if (word.length() > MAX_ENTRY || hasControl(word) || word.contains("\t")) {
                problems.add(Problem.of("settings.error.lexiconLine", row, abbreviate(line)));
                continue;
            }
            if (entries.put(word, w) != null) {
                problems.add(Problem.of("settings.error.lexiconDuplicate", row, word));
            }
        }
        Problem.throwIfAny(problems);
        return entries;
    }

    // ----

    Optional<String> read(Path file) {
        return files.readText(file);
    }

    void write(Path file, String content) {
        files.writeText(file, content);
    }

    void delete(Path file) {
        files.delete(file);
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i).strip();
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
