package io.koubei.ingest.format;

/**
 * Why one row (or one field of it) could not be imported. {@link #toString()} gives the human-readable
 * form {@code file:line: field: reason} that CLIs, API responses and logs show.
 *
 * @param source file name, or {@code <request>} for HTTP bodies
 * @param line   1-based line (JSONL, CSV: line where the record starts) or row (XLSX)
 * @param field  v1 field path such as {@code rating.value}, or a pseudo-field in parentheses such as
 *               {@code (json)} or {@code (encoding)} when the whole row is unreadable
 */
public record Rejection(String source, long line, String field, String reason) {

    @Override
    public String toString() {
        return source + ":" + line + ": " + field + ": " + reason;
    }
}
