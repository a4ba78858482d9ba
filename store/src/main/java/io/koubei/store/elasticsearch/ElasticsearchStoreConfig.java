package io.koubei.store.elasticsearch;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the Elasticsearch store writes.
 *
 * @param url             e.g. {@code http://127.0.0.1:9200}
 * @param username        basic-auth user, null when security is off
 * @param password        basic-auth password, null when security is off
 * @param indexPrefix     prepended to every index, alias and template name ({@code ""} or e.g. {@code "team1-"})
 * @param retry           how transient failures (429, 503, connection refused) are retried before giving up
 * @param refreshInterval the index refresh interval; each upsert waits for the next refresh (refresh=wait_for),
 *                        so it bounds write latency: 1s for bulk loads, a few hundred ms for interactive use
 */
public record ElasticsearchStoreConfig(
        String url,
        String username,
        String password,
        String indexPrefix,
        RetryPolicy retry,
        Duration refreshInterval) {

    public ElasticsearchStoreConfig {
        Objects.requireNonNull(url, "url");
        indexPrefix = indexPrefix == null ? "" : indexPrefix;
        if (!indexPrefix.equals(indexPrefix.toLowerCase(java.util.Locale.ROOT)) || indexPrefix.matches(".*[\\s,*?\"<>|/\\\\#:].*")) {
            throw new IllegalArgumentException("index prefix must be lower case without spaces or , * ? \" < > | / \\ # : : "
                    + indexPrefix);
        }
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(1) : refreshInterval;
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be positive");
        }
    }

    public ElasticsearchStoreConfig(String url, String username, String password, String indexPrefix) {
        this(url, username, password, indexPrefix, RetryPolicy.DEFAULT, Duration.ofSeconds(1));
    }

    public static ElasticsearchStoreConfig of(String url, String indexPrefix) {
        return new ElasticsearchStoreConfig(url, null, null, indexPrefix);
    }

    public ElasticsearchStoreConfig withRetry(RetryPolicy r) {
        return new ElasticsearchStoreConfig(url, username, password, indexPrefix, r, refreshInterval);
    }

    public ElasticsearchStoreConfig withRefreshInterval(Duration d) {
        return new ElasticsearchStoreConfig(url, username, password, indexPrefix, retry, d);
    }

    @Override
    public String toString() { // never print the password
        return "ElasticsearchStoreConfig[url=" + url + ", username=" + username + ", indexPrefix=" + indexPrefix
                + ", retry=" + retry + ", refreshInterval=" + refreshInterval + "]";
    }

    /** A client for this cluster, with the store's JSON mapper and credentials: every store of this package uses it. */
    public co.elastic.clients.elasticsearch.ElasticsearchClient newClient() {
        return co.elastic.clients.elasticsearch.ElasticsearchClient.of(b -> {
            b.host(url).jsonMapper(new co.elastic.clients.json.jackson.Jackson3JsonpMapper());
            if (username != null) {
                b.usernameAndPassword(username, password);
            }
            return b;
        });
    }
}
