package io.koubei.ingest.connect;

import io.koubei.core.feedback.Channel;
import java.time.Duration;
import java.util.Map;

/**
 * One entry of {@code sources.yml}, with every {@code ${NAME}} already read from the environment.
 *
 * @param file     the file it came from (for error messages)
 * @param name     the source's name: every item's {@code source} and the key of its cursor and status
 * @param type     the connector ({@code rss}, {@code appstore}, {@code github}, {@code discourse})
 * @param schedule how often {@code koubei serve} runs it
 * @param product  product set on every item, or null
 * @param channel  channel set on every item, or null for the connector's default
 * @param settings every other key (the connector's own: {@code url}, {@code appId}, {@code token}, {@code baseUrl}…)
 */
public record SourceConfig(String file, String name, String type, Duration schedule, String product, Channel channel,
                           Map<String, String> settings) {

    public SourceConfig {
        settings = Map.copyOf(settings);
    }

    /** A setting the connector cannot do without. */
    public String required(String key) {
        String v = settings.get(key);
        if (v == null || v.isBlank()) {
            throw new SourcesFileException(file, name, key, "is required for type " + type);
        }
        return v.trim();
    }

    public String optional(String key, String fallback) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** {@code baseUrl} without a trailing slash, or the connector's public endpoint. */
    public String baseUrl(String publicEndpoint) {
        String v = optional("baseUrl", publicEndpoint);
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** A positive whole number setting. */
    public int intSetting(String key, int fallback, int min, int max) {
        String v = optional(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new SourcesFileException(file, name, key, "must be between " + min + " and " + max + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SourcesFileException(file, name, key, "must be a whole number, got '" + v + "'");
        }
    }

    /** An error about this source's key, naming the file, the source and the key. */
    public SourcesFileException problem(String key, String what) {
        return new SourcesFileException(file, name, key, what);
    }
}
