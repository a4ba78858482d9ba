package io.koubei.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.koubei.core.store.StoreUnavailableException;
import java.io.IOException;

/**
 * One request to Elasticsearch, retrying transient failures (HTTP 429/502/503/504, connection refused or reset) with
 * the config's backoff; then {@link StoreUnavailableException}, which callers turn into backpressure or a 503. The
 * feedback store and the state store both go through here.
 */
public final class ElasticsearchRetry {

    /** A request that may fail with an I/O error. */
    @FunctionalInterface
    public interface Request<T> {
        T run() throws IOException;
    }

    private ElasticsearchRetry() {
    }

    public static <T> T call(ElasticsearchStoreConfig config, String what, Request<T> request) {
        for (int attempt = 0; ; attempt++) {
            Exception failure;
            try {
                return request.run();
            } catch (ElasticsearchException e) {
                if (!isTransient(e.status())) {
                    throw e;
                }
                failure = e;
            } catch (IOException e) {
                failure = e; // connection refused / reset / timeout: the node is down or overloaded
            }
            if (attempt >= config.retry().maxRetries()) {
                throw new StoreUnavailableException("Elasticsearch at " + config.url() + " unavailable for " + what
                        + " after " + attempt + " retries: " + failure.getMessage(), failure);
            }
            try {
                Thread.sleep(config.retry().delay(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while backing off", e);
            }
        }
    }

    static boolean isTransient(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
