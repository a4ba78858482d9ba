package io.koubei.ingest.importing;

/** Called as rows are read and acknowledged, e.g. to draw a progress bar. Called on the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (read, total) -> { };

    /**
     * @param rowsRead  rows read so far (valid and rejected)
     * @param totalRows estimated rows in the file (line count for JSONL/CSV, sheet size for XLSX), or -1 when unknown
     */
    void update(long rowsRead, long totalRows);
}
