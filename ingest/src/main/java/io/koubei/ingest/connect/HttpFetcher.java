package io.koubei.ingest.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * GET requests for connectors (java.net.http), with the status codes turned into {@link ConnectorException} kinds:
 * 401/403 are credential problems, 429 (and GitHub's 403 with {@code x-ratelimit-remaining: 0}) a rate limit with the
 * wait the vendor asked for ({@code Retry-After} in seconds or as a date, or {@code x-ratelimit-reset}), 5xx and
 * network errors transient, other 4xx permanent. Messages name the URL without its query (which may carry keys).
 */
public class HttpFetcher {
    private static final String USER_AGENT = "Koubei/0.1 (+https://github.com/koubei)";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Clock clock;

    public HttpFetcher() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), Duration.ofSeconds(60), Clock.systemUTC());
    }

    public HttpFetcher(HttpClient client, Duration requestTimeout, Clock clock) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /** A successful (2xx) response. */
    public record Response(int status, HttpHeaders headers, String body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public Response get(URI uri, Map<String, String> headers) throws ConnectorException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().header("User-Agent", USER_AGENT);
        headers.forEach(b::header);
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT,
                    "cannot reach " + where(uri) + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "interrupted while reading " + where(uri), null, e);
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            return new Response(status, r.headers(), r.body());
        }
        throw failure(uri, status, r.headers(), r.body());
    }

    ConnectorException failure(URI uri, int status, HttpHeaders h, String body) {
        String what = "HTTP " + status + " from " + where(uri);
        Duration wait = retryAfter(h);
        if (status == 429 || (status == 403 && "0".equals(h.firstValue("x-ratelimit-remaining").orElse(null)))) {
            return new ConnectorException(ConnectorException.Kind.RATE_LIMITED,
                    what + ": rate limited" + (wait == null ? "" : ", asked to wait " + wait.toSeconds() + " s"), wait, null);
        }
        if (status == 401 || status == 403) {
            return new ConnectorException(ConnectorException.Kind.AUTH, what + ": the credentials were refused (missing,"
                    + " invalid or expired token?); the cursor was kept" + detail(body), null, null);
        }
        if (status >= 500 || status == 408) {
            return new ConnectorException(ConnectorException.Kind.TRANSIENT, what + detail(body), wait, null);
        }
        return new ConnectorException(ConnectorException.Kind.PERMANENT, what + detail(body), null, null);
    }

    /** {@code Retry-After} (seconds or an HTTP date), else GitHub's {@code x-ratelimit-reset} (epoch seconds). */
    Duration retryAfter(HttpHeaders h) {
        Optional<String> ra = h.firstValue("Retry-After");
        if (ra.isPresent()) {
            String v = ra.get().trim();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return positive(Duration.between(clock.instant(), at));
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
        Optional<String> reset = h.firstValue("x-ratelimit-reset");
        if (reset.isPresent()) {
            try {
                return positive(Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get().trim()))));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Scheme, host and path: no query string, which may carry keys. */
    public static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }
}
