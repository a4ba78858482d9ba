package io.koubei.dashboard.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts alerts to a webhook in the payload format its receiver expects: generic JSON (the whole alert), or the
 * bot formats of WeCom (企业微信), DingTalk (钉钉), Feishu (飞书) and Slack.
 */
public final class WebhookNotifier implements AlertNotifier {
    public enum Format { GENERIC, WECOM, DINGTALK, FEISHU, SLACK }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final URI url;
    private final Format format;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookNotifier(String url, String format) {
        this.url = URI.create(url);
        this.format = Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String name() {
        return format.name().toLowerCase(Locale.ROOT) + " " + url.getHost();
    }

    static Object payload(Format format, Alert alert, String text) {
        return switch (format) {
            case GENERIC -> Map.of("kind", "koubei.alert", "alert", alert, "text", text);
            case WECOM -> Map.of("msgtype", "markdown", "markdown", Map.of("content", text));
            case DINGTALK -> Map.of("msgtype", "markdown", "markdown", Map.of("title", alert.title(), "text", text));
            case FEISHU -> Map.of("msg_type", "text", "content", Map.of("text", text));
            case SLACK -> Map.of("text", text);
        };
    }

    @Override
    public void send(Alert alert, String text) {
        post(JSON.writeValueAsString(payload(format, alert, text)));
    }

    /** Sends arbitrary text (e.g. the weekly report in Markdown) in this target's format. */
    public void sendText(String title, String text) {
        Object body = switch (format) {
            case GENERIC -> new LinkedHashMap<>(Map.of("kind", "koubei.report", "title", title, "text", text));
            case WECOM -> Map.of("msgtype", "markdown", "markdown", Map.of("content", text));
            case DINGTALK -> Map.of("msgtype", "markdown", "markdown", Map.of("title", title, "text", text));
            case FEISHU -> Map.of("msg_type", "text", "content", Map.of("text", text));
            case SLACK -> Map.of("text", text);
        };
        post(JSON.writeValueAsString(body));
    }

    private void post(String body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook " + url.getHost() + " answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook " + url.getHost() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
