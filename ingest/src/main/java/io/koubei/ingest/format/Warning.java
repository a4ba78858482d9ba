package io.koubei.ingest.format;

/**
 * Something about an accepted row that could not be read exactly: an optional field that was normalised (a plain
 * date read as midnight in a zone, {@code 1.2万} read as 12000) or dropped because its meaning was unclear. The row
 * still landed. {@link #toString()} gives {@code file:line: field: what was done}, the shape of {@link Rejection}.
 *
 * @param source  file name, or {@code <request>} for HTTP bodies
 * @param line    1-based line (JSONL, CSV) or row (XLSX/XLS)
 * @param field   v1 field path such as {@code author.level}
 * @param message what was read and what was done with it
 */
public record Warning(String source, long line, String field, String message) {

    @Override
    public String toString() {
        return source + ":" + line + ": " + field + ": " + message;
    }
}
