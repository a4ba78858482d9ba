package io.koubei.dashboard.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts alerts to a webhook in the payload format its receiver expects: generic JSON (the whole alert), or the
 * bot formats of WeCom (企业微信), DingTalk (钉钉), Feishu (飞书) and Slack.
 *
 * <p>With a secret, messages are signed as each receiver verifies them (docs/configuration.md "Alerts"):
 * <ul>
 * <li>DingTalk 加签: {@code &timestamp=<ms>&sign=<urlencode(base64(HmacSHA256(key=secret, timestamp+"\n"+secret)))>}
 * appended to the URL;</li>
 * <li>Feishu 签名校验: {@code "timestamp":"<s>","sign":"<base64(HmacSHA256(key=timestamp+"\n"+secret, empty))>"} in
 * the JSON body;</li>
 * <li>generic: {@code X-Koubei-Signature: sha256=<hex(HmacSHA256(key=secret, body))>} and {@code X-Koubei-Timestamp}
 * (seconds; not part of the signed bytes) so a receiver can check Koubei sent it;</li>
 * <li>WeCom and Slack have no signing: the URL's key is the secret.</li>
 * </ul>
 * DingTalk and Feishu answer HTTP 200 even when they refuse a message (a bad signature, a stale timestamp, a keyword
 * missing): their {@code errcode} / {@code code} is read, and anything but 0 is a failed delivery, retried later.
 */
public final class WebhookNotifier implements AlertNotifier {
    public enum Format { GENERIC, WECOM, DINGTALK, FEISHU, SLACK }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final URI url;
    private final Format format;
    private final String secret;
    private final java.time.Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookNotifier(String url, String format) {
        this(url, format, null, java.time.Clock.systemUTC());
    }

    /** @param secret the signing secret (DingTalk 加签 SEC…, Feishu 签名校验, generic), or null/blank: unsigned */
    public WebhookNotifier(String url, String format, String secret, java.time.Clock clock) {
        this.url = URI.create(url);
        this.format = Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        this.secret = secret == null || secret.isBlank() ? null : secret.trim();
        this.clock = clock;
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
        post(payload(format, alert, text));
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
        post(body);
    }

    private void post(Object payload) {
        URI target = url;
        Object signed = payload;
        long now = clock.millis();
        if (secret != null && format == Format.DINGTALK) {
            String sign = base64(hmac(secret.getBytes(StandardCharsets.UTF_8), now + "\n" + secret));
            target = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "timestamp=" + now + "&sign="
                    + URLEncoder.encode(sign, StandardCharsets.UTF_8));
        } else if (secret != null && format == Format.FEISHU) {
            long seconds = now / 1000;
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) payload);
            fields.put("timestamp", String.valueOf(seconds));
            fields.put("sign", base64(hmac((seconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), "")));
            signed = fields;
        }
        String body = JSON.writeValueAsString(signed);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8");
        if (secret != null && format == Format.GENERIC) {
            request.header("X-Koubei-Timestamp", String.valueOf(now / 1000)).header("X-Koubei-Signature",
                    "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body)));
        }
        try {
            HttpResponse<String> r = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook " + url.getHost() + " answered " + r.statusCode());
            }
            String refused = refusal(r.body());
            if (refused != null) {
                throw new IllegalStateException("webhook " + url.getHost() + " refused the message: " + refused);
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook " + url.getHost() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** DingTalk ({@code errcode}) and Feishu ({@code code}, older bots {@code StatusCode}) refuse with HTTP 200. */
    static String refusal(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return null;
        }
        try {
            tools.jackson.databind.JsonNode n = JSON.readTree(body);
            for (String field : new String[] {"errcode", "code", "StatusCode"}) {
                tools.jackson.databind.JsonNode c = n.get(field);
                if (c != null && c.isNumber() && c.asLong() != 0) {
                    tools.jackson.databind.JsonNode msg = n.has("errmsg") ? n.get("errmsg") : n.get("msg");
                    return field + " " + c.asLong() + (msg == null ? "" : " " + msg.asString());
                }
            }
        } catch (RuntimeException e) {
            return null; // not JSON after all: the status code said success
        }
        return null;
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
