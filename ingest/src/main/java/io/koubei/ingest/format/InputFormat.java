package io.koubei.ingest.format;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats format v1 comes in. */
public enum InputFormat {
    JSONL, CSV, XLSX, XLS;

    /** From the file extension: .jsonl/.ndjson/.json, .csv/.tsv/.txt, .xlsx/.xlsm, .xls (Excel 97–2003). */
    public static Optional<InputFormat> detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return Optional.of(XLSX);
        }
        if (name.endsWith(".xls")) {
            return Optional.of(XLS);
        }
        return Optional.empty();
    }

    public static Optional<InputFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "jsonl", "ndjson", "json" -> Optional.of(JSONL);
            case "csv", "tsv" -> Optional.of(CSV);
            case "xlsx", "excel" -> Optional.of(XLSX);
            case "xls" -> Optional.of(XLS);
            default -> Optional.empty();
        };
    }
}
