package io.koubei.ingest.importing;

import io.koubei.ingest.format.ColumnMapping;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.InputFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to import a file.
 *
 * @param format            null to detect it from the file extension
 * @param mapping           column mapping for foreign CSV/XLSX exports ({@link ColumnMapping#NONE} by default)
 * @param formatOptions     limits, zone, encoding and defaults (the CLI's --source / --channel)
 * @param batchSize         items per publish (default 5,000: the embedded store commits once per batch, and a commit
 *                          per few hundred items costs more than analysing them)
 * @param batchChars        a batch is also published once its texts reach this many characters (default 4,000,000),
 *                          which bounds memory when texts are long
 * @param maxInFlight       batches published but not yet acknowledged (default 2: parsing overlaps storing)
 * @param receiptTimeout    how long to wait for one batch's acknowledgement before giving up (default 10 min)
 * @param maxRejectionsKept rejections (and, apart, warnings) kept in the summary; the rest are only counted (default 10,000)
 * @param failFast          give up on a batch as soon as the bus reports the store unavailable, instead of waiting
 *                          up to {@code receiptTimeout} (the ingest API: its client gets 503 + Retry-After at once)
 */
public record ImportOptions(InputFormat format, ColumnMapping mapping, FormatOptions formatOptions, int batchSize,
                            long batchChars, int maxInFlight, Duration receiptTimeout, int maxRejectionsKept,
                            boolean failFast) {

    public ImportOptions {
        mapping = mapping == null ? ColumnMapping.NONE : mapping;
        formatOptions = formatOptions == null ? FormatOptions.standard() : formatOptions;
        if (batchSize < 1 || batchChars < 1 || maxInFlight < 1 || maxRejectionsKept < 0) {
            throw new IllegalArgumentException("batchSize, batchChars and maxInFlight must be ≥ 1");
        }
        receiptTimeout = receiptTimeout == null ? Duration.ofMinutes(10) : receiptTimeout;
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, ColumnMapping.NONE, FormatOptions.standard(), 5_000, 4_000_000, 2,
                Duration.ofMinutes(10), 10_000, false);
    }

    public ImportOptions withFormat(InputFormat v) {
        return new ImportOptions(v, mapping, formatOptions, batchSize, batchChars, maxInFlight, receiptTimeout, maxRejectionsKept, failFast);
    }

    public ImportOptions withMapping(ColumnMapping v) {
        return new ImportOptions(format, v, formatOptions, batchSize, batchChars, maxInFlight, receiptTimeout, maxRejectionsKept, failFast);
    }

    public ImportOptions withFormatOptions(FormatOptions v) {
        return new ImportOptions(format, mapping, v, batchSize, batchChars, maxInFlight, receiptTimeout, maxRejectionsKept, failFast);
    }

    public ImportOptions withBatchSize(int v) {
        return new ImportOptions(format, mapping, formatOptions, v, batchChars, maxInFlight, receiptTimeout, maxRejectionsKept, failFast);
    }

    public ImportOptions withBatchChars(long v) {
        return new ImportOptions(format, mapping, formatOptions, batchSize, v, maxInFlight, receiptTimeout, maxRejectionsKept, failFast);
    }

    public ImportOptions withMaxInFlight(int v) {
        return new ImportOptions(format, mapping, formatOptions, batchSize, batchChars, v, receiptTimeout, maxRejectionsKept, failFast);
    }

    public ImportOptions withReceiptTimeout(Duration v) {
        return new ImportOptions(format, mapping, formatOptions, batchSize, batchChars, maxInFlight, v, maxRejectionsKept, failFast);
    }

    public ImportOptions withMaxRejectionsKept(int v) {
        return new ImportOptions(format, mapping, formatOptions, batchSize, batchChars, maxInFlight, receiptTimeout, v, failFast);
    }

    /** A value for rows that lack the field (e.g. {@code --source weibo}); the row's own value always wins. */
    public ImportOptions withDefault(String field, String value) {
        Map<String, String> d = new LinkedHashMap<>(formatOptions.defaults());
        if (value == null) {
            d.remove(field);
        } else {
            d.put(field, value);
        }
        return withFormatOptions(formatOptions.withDefaults(d));
    }

    /** See {@code failFast}. */
    public ImportOptions withFailFast(boolean v) {
        return new ImportOptions(format, mapping, formatOptions, batchSize, batchChars, maxInFlight, receiptTimeout, maxRejectionsKept, v);
    }
}
