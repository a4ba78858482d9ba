package io.koubei.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the right {@link FeedbackReader} for a file. */
public final class FeedbackReaders {

    private FeedbackReaders() {
    }

    /** Detects the format from the extension; throws {@link MappingException} when it cannot. */
    public static FeedbackReader open(Path file, ColumnMapping mapping, FormatOptions options) throws IOException {
        return open(file, null, mapping, options);
    }

    /**
     * @param format null to detect it from the extension
     * @param mapping {@link ColumnMapping#NONE} when the columns already are v1 field names; its zone, date patterns,
     *                defaults and encoding apply to JSONL too; when it maps columns ({@code columns} or {@code match}),
     *                a JSON file is read as foreign records (an array of objects, or one per line) whose dotted leaf
     *                paths are the columns
     */
    public static FeedbackReader open(Path file, InputFormat format, ColumnMapping mapping, FormatOptions options) throws IOException {
        ColumnMapping m = mapping == null ? ColumnMapping.NONE : mapping;
        String name = file.getFileName().toString();
        InputFormat f = format != null ? format : InputFormat.detect(file).orElseThrow(() -> new MappingException(
                name + ": cannot tell the format from the extension; use .jsonl, .csv, .xlsx or .xls, or name the format"
                        + " (koubei import --format jsonl|csv|xlsx|xls)"));
        switch (f) {
            case JSONL -> {
                InputStream in = Files.newInputStream(file);
                try {
                    if (m.mapsColumns()) {
                        return new MappedJsonReader(in, name, m, options); // a foreign JSON export: array or lines
                    }
                    return new JsonLinesReader(in, name, m.applyTo(options));
                } catch (IOException | RuntimeException e) {
                    in.close();
                    throw e;
                }
            }
            case CSV -> {
                InputStream in = Files.newInputStream(file);
                try {
                    return new CsvFeedbackReader(in, name, m, options);
                } catch (IOException | RuntimeException e) {
                    in.close();
                    throw e;
                }
            }
            case XLSX -> {
                return new XlsxFeedbackReader(file, m, options);
            }
            case XLS -> {
                return new XlsFeedbackReader(file, m, options);
            }
            default -> throw new IllegalStateException(f.toString());
        }
    }
}
