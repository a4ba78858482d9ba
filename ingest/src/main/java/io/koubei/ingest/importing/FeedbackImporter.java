package io.koubei.ingest.importing;

import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.ingest.format.FeedbackReader;
import io.koubei.ingest.format.FeedbackReaders;
import io.koubei.ingest.format.InputFormat;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.format.Rejection;
import io.koubei.ingest.format.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Imports a file (or any stream of parse results) into a {@link FeedbackBus}: reads it streaming, publishes the valid
 * items in batches and counts an item as accepted only once the bus acknowledged its batch. Rejected rows are
 * reported, never silently skipped. If the bus fails, the import stops and says from which line; importing the same
 * file again is safe because ids are stable (re-imported items are updated, not duplicated).
 */
public final class FeedbackImporter {

    /** How often a fail-fast import looks at the bus while it waits for a receipt. */
    private static final long FAIL_FAST_POLL_MILLIS = 100;

    private final FeedbackBus bus;

    public FeedbackImporter(FeedbackBus bus) {
        this.bus = bus;
    }

    public ImportSummary importFile(Path file, ImportOptions options) throws IOException {
        return importFile(file, options, ImportProgress.NONE);
    }

    /**
     * @throws io.koubei.ingest.format.MappingException when the file cannot be read at all (unknown format, header
     *                                                   not matching the mapping, empty file, broken workbook)
     */
    public ImportSummary importFile(Path file, ImportOptions options, ImportProgress progress) throws IOException {
        InputFormat format = options.format() != null ? options.format() : InputFormat.detect(file).orElse(null);
        try (FeedbackReader reader = FeedbackReaders.open(file, format, options.mapping(), options.formatOptions())) {
            long total = reader.estimatedRows() >= 0 ? reader.estimatedRows() : estimateRows(file, format);
            Run run = new Run(reader.sourceName(), options, progress, total);
            run.encoding = reader.encoding() == null ? null : reader.encoding().name();
            run.consume(reader);
            return run.finish();
        }
    }

    /** Publishes already parsed results (e.g. from {@link io.koubei.ingest.api.FeedbackRequestParser}). */
    public ImportSummary importResults(String sourceName, Iterator<ParseResult> results, ImportOptions options,
                                       ImportProgress progress, long totalRows) {
        Run run = new Run(sourceName, options, progress, totalRows);
        run.consume(results);
        return run.finish();
    }

    /** Newline count (a cheap pre-pass) for JSONL/CSV; XLSX readers estimate from the sheet dimension. CSV rows with line breaks make it an upper bound. */
    static long estimateRows(Path file, InputFormat format) {
        if (format == null || format == InputFormat.XLSX || format == InputFormat.XLS) {
            return -1;
        }
        long lines = 0;
        boolean trailing = false;
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                trailing = buf[n - 1] != '\n';
            }
        } catch (IOException e) {
            return -1;
        }
        lines += trailing ? 1 : 0;
        return format == InputFormat.CSV ? Math.max(0, lines - 1) : lines;
    }

    private final class Run {
        private final String source;
        private final ImportOptions options;
        private final ImportProgress progress;
        private final long total;
        private final long started = System.nanoTime();
        private final Deque<Batch> inFlight = new ArrayDeque<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();
        private long warned;
        private long warningsOmitted;
        private String encoding;
        private List<FeedbackItem> batch = new ArrayList<>();
        private long batchChars;
        private long firstLine = -1;
        private long lastLine;
        private long read;
        private long accepted;
        private long created;
        private long updated;
        private long deadLettered;
        private long rejected;
        private long omitted;
        private boolean stored = true;
        private String aborted;

        private record Batch(long firstLine, long lastLine, int size, CompletableFuture<PublishReceipt> receipt) {
        }

        Run(String source, ImportOptions options, ImportProgress progress, long total) {
            this.source = source;
            this.options = options;
            this.progress = progress;
            this.total = total;
        }

        void consume(Iterator<ParseResult> results) {
            while (aborted == null && results.hasNext()) {
                ParseResult r = results.next();
                read++;
                lastLine = r.line();
                if (r instanceof ParseResult.Valid v) {
                    if (!v.warnings().isEmpty()) {
                        warned++;
                        for (Warning w : v.warnings()) {
                            if (warnings.size() < options.maxRejectionsKept()) {
                                warnings.add(w);
                            } else {
                                warningsOmitted++;
                            }
                        }
                    }
                    if (batch.isEmpty()) {
                        firstLine = r.line();
                    }
                    batch.add(v.item());
                    batchChars += v.item().text() == null ? 0 : v.item().text().length();
                    if (batch.size() >= options.batchSize() || batchChars >= options.batchChars()) {
                        publish();
                    }
                } else {
                    rejected++;
                    for (Rejection x : ((ParseResult.Invalid) r).rejections()) {
                        if (rejections.size() < options.maxRejectionsKept()) {
                            rejections.add(x);
                        } else {
                            omitted++;
                        }
                    }
                }
                if (read % 1000 == 0) {
                    progress.update(read, total);
                }
            }
            if (aborted == null && !batch.isEmpty()) {
                publish();
            }
            while (!inFlight.isEmpty()) {
                awaitOldest();
            }
        }

        private void publish() {
            while (inFlight.size() >= options.maxInFlight()) {
                awaitOldest();
            }
            if (aborted != null) {
                return;
            }
            List<FeedbackItem> items = batch;
            batch = new ArrayList<>();
            batchChars = 0;
            CompletableFuture<PublishReceipt> f;
            try {
                f = bus.publish(items);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            inFlight.add(new Batch(firstLine, lastLine, items.size(), f));
        }

        private void awaitOldest() {
            Batch b = inFlight.poll();
            try {
                PublishReceipt r = await(b);
                accepted += r.accepted();
                created += r.created();
                updated += r.updated();
                deadLettered += r.failed();
                stored &= r.stored();
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                String why = e instanceof TimeoutException
                        ? "no acknowledgement within " + options.receiptTimeout().toSeconds() + " s"
                        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                abort(b, why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort(b, "interrupted");
            }
            progress.update(read, total);
        }

        /**
         * The batch's receipt, waiting at most {@code receiptTimeout}; with {@code failFast}, no longer than it takes
         * the bus to report the store unavailable (then the batch counts as not acknowledged).
         */
        private PublishReceipt await(Batch b) throws ExecutionException, TimeoutException, InterruptedException {
            if (!options.failFast()) {
                return b.receipt().get(options.receiptTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + options.receiptTimeout().toNanos();
            while (true) {
                try {
                    return b.receipt().get(FAIL_FAST_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException slice) {
                    String down = bus.storeUnavailable();
                    if (down != null) {
                        throw new ExecutionException(new StoreUnavailableException(down));
                    }
                    if (System.nanoTime() > deadline) {
                        throw slice;
                    }
                }
            }
        }

        private void abort(Batch b, String why) {
            if (aborted == null) {
                aborted = String.format("the bus did not acknowledge the %d items of lines %d–%d (%s); nothing from line %d on"
                        + " is confirmed; running the same import again is safe (items are updated, not duplicated)",
                        b.size(), b.firstLine(), b.lastLine(), why, b.firstLine());
            }
        }

        ImportSummary finish() {
            progress.update(read, total);
            return new ImportSummary(source, read, accepted, created, updated, deadLettered, rejected, rejections, omitted,
                    warned, warnings, warningsOmitted, encoding,
                    stored, Duration.ofNanos(System.nanoTime() - started), aborted);
        }
    }
}
