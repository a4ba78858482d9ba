package io.koubei.analysis.eval;

import io.koubei.analysis.model.LabelledText;
import io.koubei.core.feedback.Polarity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads labelled CSV files (UTF-8, header row). Errors name the file, line and column. */
public final class LabelledCsv {
    private LabelledCsv() {
    }

    public static List<LabelledText> read(Path file, String textColumn, String labelColumn, LabelType type, boolean excludeNeutral)
            throws IOException {
        List<LabelledText> out = new ArrayList<>();
        for (CSVRecord r : records(file, List.of(textColumn, labelColumn))) {
            Polarity p;
            try {
                p = type.parse(r.get(labelColumn), excludeNeutral);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (r.getRecordNumber() + 1) + ": " + e.getMessage(), e);
            }
            String text = r.get(textColumn);
            if (p != null && text != null && !text.isBlank()) {
                out.add(new LabelledText(text, p));
            }
        }
        return out;
    }

    /** All records, after checking the named columns exist. */
    public static List<CSVRecord> records(Path file, List<String> requiredColumns) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String c : requiredColumns) {
                if (!header.containsKey(c)) {
                    throw new IllegalArgumentException(file + ": no column '" + c + "' (columns: " + header.keySet() + ")");
                }
            }
            List<CSVRecord> out = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (!r.isConsistent() && r.size() < header.size()) {
                    throw new IllegalArgumentException(file + " line " + parser.getCurrentLineNumber() + ": expected " + header.size()
                            + " columns, got " + r.size());
                }
                out.add(r);
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
    }
}
