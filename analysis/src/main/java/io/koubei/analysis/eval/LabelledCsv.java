package io.koubei.analysis.eval;

import io.koubei.analysis.model.LabelledText;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.text.TextEncoding;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A labelled CSV file with a header row, decoded once, its encoding detected as the importer detects it
 * ({@link TextEncoding}): UTF-8 with or without a byte-order mark, UTF-16 with one, or GB18030 (the superset of the GBK
 * that Chinese Excel writes); the result says when it was not UTF-8. A row that
 * cannot be used (missing columns, an unreadable label) is skipped and reported with its file and line, as the
 * importer does: one bad row does not void an evaluation.
 */
public final class LabelledCsv {
    private static final int REPORTED = 10;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();

    /** Usual names of a text column, in order of preference, when the file has no {@code text} column. */
    public static final List<String> TEXT_COLUMNS = List.of("text", "review", "content", "comment", "sentence", "body",
            "评论", "内容", "文本", "评价");
    /** Usual names of a label column when the file has no {@code label} column. */
    public static final List<String> LABEL_COLUMNS = List.of("label", "sentiment", "polarity", "stars", "rating", "star",
            "score", "标签", "情感", "极性", "星级", "评分");

    private final Path file;
    private final String text;
    private final Charset encoding;
    private final List<String> columns;

    private LabelledCsv(Path file, String text, Charset encoding) throws IOException {
        this.file = file;
        this.text = text;
        this.encoding = encoding;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            this.columns = parser.getHeaderNames();
        }
    }

    /** Reads and decodes a file; its rows are parsed when asked for. */
    public static LabelledCsv open(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        // the importer's detection: a byte-order mark (UTF-8, UTF-16), else UTF-8 unless the bytes are GB18030/GBK;
        // the mark is dropped, or it would be part of the first column's name
        TextEncoding.Decoded decoded = TextEncoding.decode(bytes);
        return new LabelledCsv(file, decoded.text(), decoded.charset());
    }

    /** Labelled examples of the named columns (see {@link #labelled}). */
    public static Labelled read(Path file, String textColumn, String labelColumn, LabelType type, boolean excludeNeutral)
            throws IOException {
        return open(file).labelled(textColumn, labelColumn, type, excludeNeutral);
    }

    public Path file() {
        return file;
    }

    public Charset encoding() {
        return encoding;
    }

    /**
     * The column to read: the one asked for, or when none was asked for, the first of {@code usual} the file has
     * (case-insensitive); the first usual name (which the error will then mention) when it has none.
     */
    public String column(String requested, List<String> usual) {
        if (requested != null) {
            return requested;
        }
        for (String candidate : usual) {
            for (String name : columns) {
                if (name.strip().equalsIgnoreCase(candidate)) {
                    return name;
                }
            }
        }
        return usual.get(0);
    }

    /**
     * Rows with the line each starts on (quoted texts may span lines), the rows skipped and the file's encoding.
     */
    public record Records(Path file, List<CSVRecord> records, List<Long> lines, List<Skipped> skipped, Charset encoding) {
        /** Skips record {@code i} for a reason. */
        public Skipped skip(int i, String reason) {
            return new Skipped(file, lines.get(i), reason);
        }
    }

    /** A row left out, and why. */
    public record Skipped(Path file, long line, String reason) {
        @Override
        public String toString() {
            return file + " line " + line + ": " + reason;
        }
    }

    /** Labelled examples of a file, the rows skipped (in file order) and the encoding. */
    public record Labelled(List<LabelledText> examples, List<Skipped> skipped, Charset encoding) {
        /** What the evaluation output says about the file beyond its figures: skipped rows and a non-UTF-8 encoding. */
        public Map<String, Object> notes(String key) {
            return LabelledCsv.notes(key, skipped, encoding);
        }
    }

    /** {@code <key>SkippedRows} when rows were skipped and {@code <key>Encoding} when the file was not UTF-8. */
    public static Map<String, Object> notes(String key, List<Skipped> skipped, Charset encoding) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!skipped.isEmpty()) {
            out.put(key + "SkippedRows", skipped.size());
        }
        if (!encoding.equals(StandardCharsets.UTF_8)) {
            out.put(key + "Encoding", encoding.name());
        }
        return out;
    }

    /** Skipped rows sorted by line: column-count and label problems are found in two passes. */
    public static List<Skipped> inFileOrder(List<Skipped> skipped) {
        List<Skipped> sorted = new ArrayList<>(skipped);
        sorted.sort(Comparator.comparingLong(Skipped::line));
        return sorted;
    }

    public Labelled labelled(String textColumn, String labelColumn, LabelType type, boolean excludeNeutral) throws IOException {
        Records parsed = records(List.of(textColumn, labelColumn));
        List<LabelledText> out = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>(parsed.skipped());
        for (int i = 0; i < parsed.records().size(); i++) {
            CSVRecord r = parsed.records().get(i);
            Polarity p;
            try {
                p = type.parse(r.get(labelColumn), excludeNeutral);
            } catch (IllegalArgumentException e) {
                skipped.add(parsed.skip(i, e.getMessage()));
                continue;
            }
            String t = r.get(textColumn);
            if (p != null && t != null && !t.isBlank()) {
                out.add(new LabelledText(t, p));
            }
        }
        return new Labelled(out, inFileOrder(skipped), encoding);
    }

    /** All usable records, after checking the named columns exist; rows with too few columns are skipped. */
    public Records records(List<String> requiredColumns) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String c : requiredColumns) {
                if (!header.containsKey(c)) {
                    throw new IllegalArgumentException(file + ": no column '" + c + "' (columns: " + header.keySet() + ")");
                }
            }
            int needed = requiredColumns.stream().mapToInt(header::get).max().orElse(-1) + 1;
            List<CSVRecord> out = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            long line = parser.getCurrentLineNumber() + 1; // the header's lines are behind us
            for (CSVRecord r : parser) {
                if (r.size() < needed) {
                    skipped.add(new Skipped(file, line, "expected " + header.size() + " columns, got " + r.size()));
                } else {
                    out.add(r);
                    lines.add(line);
                }
                line = parser.getCurrentLineNumber() + 1;
            }
            return new Records(file, out, lines, skipped, encoding);
        }
    }

    /** Prints the first skipped rows and how many more there were. */
    public static void report(List<Skipped> skipped, PrintStream err) {
        for (int i = 0; i < Math.min(REPORTED, skipped.size()); i++) {
            err.println("skipped: " + skipped.get(i));
        }
        if (skipped.size() > REPORTED) {
            err.println("skipped: … and " + (skipped.size() - REPORTED) + " more rows");
        }
    }
}
