package io.koubei.ingest.connect;

import io.koubei.ingest.format.FeedbackJsonCodec;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportProgress;
import io.koubei.ingest.importing.ImportSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a source once: fetch a page after the stored cursor, validate its records with the same decoder every
 * import uses, publish them through the {@link FeedbackImporter}, and only when the bus acknowledged them store the
 * page's next cursor; repeat while the connector says there is more. So a crash or a failure never skips an item
 * (the page is fetched again), and a page fetched twice updates its items instead of duplicating them (stable ids,
 * {@code source:externalId}, and the store upserts).
 *
 * <p>A page that fails transiently is retried with exponential backoff; a 429 waits what {@code Retry-After} asked;
 * refused credentials stop the run at once with the cursor unchanged. The outcome is recorded in {@link SourceStatuses}.
 */
public final class SourceRunner {
    private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);
    private static final int PROBLEMS_KEPT = 20;

    private final FeedbackImporter importer;
    private final SourceStatuses statuses;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final FeedbackJsonCodec codec;
    private final int maxPagesPerRun;

    public SourceRunner(FeedbackImporter importer, SourceStatuses statuses) {
        this(importer, statuses, RetryPolicy.defaults(), Sleeper.REAL, Clock.systemUTC(), FormatOptions.standard(), 1_000);
    }

    public SourceRunner(FeedbackImporter importer, SourceStatuses statuses, RetryPolicy retry, Sleeper sleeper,
                        Clock clock, FormatOptions formatOptions, int maxPagesPerRun) {
        this.importer = importer;
        this.statuses = statuses;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.codec = new FeedbackJsonCodec(formatOptions);
        this.maxPagesPerRun = maxPagesPerRun;
    }

    public SyncResult run(SourceConfig config, Connector connector) {
        String name = config.name();
        String cursor = statuses.update(name, config.type(), s -> s.started(config.type(), clock.instant().toString())).cursor();
        Counts counts = new Counts();
        String error = null;
        try {
            for (int page = 1; ; page++) {
                Page p = fetch(connector, cursor, name);
                ImportSummary s = publish(config, connector, p.records(), counts);
                if (!s.complete()) {
                    error = "the items of page " + page + " were not stored (" + s.abortedReason() + "); the cursor was kept";
                    break;
                }
                counts.add(p.records().size(), s);
                if (p.nextCursor() != null && !p.nextCursor().equals(cursor)) {
                    cursor = p.nextCursor();
                    String saved = cursor;
                    statuses.update(name, config.type(), st -> st.withCursor(saved));
                }
                if (!p.more()) {
                    break;
                }
                if (page >= maxPagesPerRun) {
                    log.info("Source {}: stopped after {} pages; the next run goes on from the cursor", name, page);
                    break;
                }
            }
        } catch (ConnectorException e) {
            error = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted; the next run goes on from the cursor";
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.warn("Source {} failed", name, e);
        }
        SyncResult result = new SyncResult(name, config.type(), counts.pages, counts.fetched, counts.created,
                counts.updated, counts.rejected, counts.warnings, counts.problems, cursor, error);
        statuses.update(name, config.type(), st -> st.finished(result, clock.instant().toString()));
        if (error != null) {
            log.warn("Source {} ({}): {}", name, config.type(), error);
        }
        return result;
    }

    /** One page, retried on transient failures and rate limits; refused credentials and permanent errors are thrown at once. */
    Page fetch(Connector connector, String cursor, String name) throws ConnectorException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return connector.fetch(cursor);
            } catch (ConnectorException e) {
                if (!e.retryable() || attempt >= retry.maxAttempts()) {
                    if (e.retryable()) {
                        throw new ConnectorException(e.kind(), e.getMessage() + " (gave up after " + attempt
                                + " attempts; the next run goes on from the cursor)", e.retryAfter(), e);
                    }
                    throw e;
                }
                // the vendor's Retry-After wins (429, also 503), else exponential backoff
                Duration wait = e.retryAfter() != null ? e.retryAfter() : retry.backoff(attempt);
                if (e.retryAfter() != null && e.retryAfter().compareTo(retry.maxRetryAfter()) > 0) {
                    throw new ConnectorException(e.kind(), e.getMessage() + " (longer than the "
                            + retry.maxRetryAfter().toMinutes() + " min this run waits; the next run goes on from the cursor)",
                            e.retryAfter(), e);
                }
                log.info("Source {}: {}; attempt {} of {} in {} ms", name, e.getMessage(), attempt + 1,
                        retry.maxAttempts(), wait.toMillis());
                sleeper.sleep(wait);
            }
        }
    }

    private ImportSummary publish(SourceConfig config, Connector connector, List<ObjectNode> records, Counts counts) {
        List<ParseResult> results = new ArrayList<>(records.size());
        for (ObjectNode r : records) {
            r.put("source", config.name());
            if (config.channel() != null) {
                r.put("channel", config.channel().wireName());
            } else if (!r.hasNonNull("channel")) {
                r.put("channel", connector.defaultChannel().wireName());
            }
            if (config.product() != null) {
                r.put("product", config.product());
            }
            results.add(codec.decode(r, config.name(), ++counts.record));
        }
        return importer.importResults(config.name(), results.iterator(), ImportOptions.defaults(), ImportProgress.NONE,
                results.size());
    }

    private static final class Counts {
        int pages;
        long record;
        long fetched;
        long created;
        long updated;
        long rejected;
        long warnings;
        final List<String> problems = new ArrayList<>();

        void add(int records, ImportSummary s) {
            pages++;
            fetched += records;
            created += s.created();
            updated += s.updated();
            rejected += s.rejected();
            warnings += s.warningCount();
            s.rejections().stream().limit(Math.max(0, PROBLEMS_KEPT - problems.size())).forEach(r -> problems.add(r.toString()));
            s.warnings().stream().limit(Math.max(0, PROBLEMS_KEPT - problems.size())).forEach(w -> problems.add("warning: " + w));
        }
    }
}
