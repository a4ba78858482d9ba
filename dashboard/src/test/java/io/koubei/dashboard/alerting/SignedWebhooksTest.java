package io.koubei.dashboard.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed bot webhooks against local receivers that check them the way the vendors document it, and answer the way
 * the vendors do: HTTP 200 with a non-zero errcode / code when they refuse (a wrong signature, a timestamp more than
 * an hour off). The receivers compute signatures here, independently of WebhookNotifier.
 */
class SignedWebhooksTest {
    static final String SECRET = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";
    static final JsonMapper JSON = JsonMapper.builder().build();
    HttpServer server;
    final List<String> verified = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/robot/send", this::dingTalk);
        server.createContext("/open-apis/bot/v2/hook/", this::feishu);
        server.createContext("/generic", this::generic);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** DingTalk 加签: sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret))), timestamp in ms. */
    void dingTalk(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean ok = false;
        if (q.containsKey("timestamp") && q.containsKey("sign") && "abc".equals(q.get("access_token"))) {
            long ts = Long.parseLong(q.get("timestamp"));
            String expected = Base64.getEncoder().encodeToString(hmac(SECRET.getBytes(StandardCharsets.UTF_8),
                    (ts + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
            ok = Math.abs(System.currentTimeMillis() - ts) < 3_600_000 && expected.equals(q.get("sign"))
                    && JSON.readTree(body).get("msgtype").asString().equals("markdown");
        }
        if (ok) {
            verified.add("dingtalk");
        }
        answer(x, ok ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
    }

    /** Feishu 签名校验: sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty)), timestamp in s. */
    void feishu(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
        boolean ok = false;
        if (body.has("timestamp") && body.has("sign")) {
            long ts = Long.parseLong(body.get("timestamp").asString());
            String expected = Base64.getEncoder().encodeToString(
                    hmac((ts + "\n" + SECRET).getBytes(StandardCharsets.UTF_8), new byte[0]));
            ok = Math.abs(System.currentTimeMillis() / 1000 - ts) < 3600 && expected.equals(body.get("sign").asString())
                    && body.get("msg_type").asString().equals("text");
        }
        if (ok) {
            verified.add("feishu");
        }
        answer(x, ok ? "{\"code\":0,\"data\":{},\"msg\":\"success\"}"
                : "{\"code\":19021,\"data\":{},\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}");
    }

    /** Generic: X-Koubei-Signature: sha256=hex(HmacSHA256(secret, the raw body)). */
    void generic(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String header = x.getRequestHeaders().getFirst("X-Koubei-Signature");
        String expected = "sha256=" + HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8), body));
        boolean ok = header != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
        if (ok) {
            verified.add("generic");
        }
        x.sendResponseHeaders(ok ? 204 : 401, -1);
        x.close();
    }

    @Test
    void dingTalkFeishuAndGenericReceiversAcceptTheSignature() {
        new WebhookNotifier(url("/robot/send?access_token=abc"), "dingtalk", SECRET, Clock.systemUTC())
                .sendText("口碑告警", "**发热** 工单激增");
        new WebhookNotifier(url("/open-apis/bot/v2/hook/xyz"), "feishu", SECRET, Clock.systemUTC())
                .sendText("口碑告警", "发热 工单激增");
        new WebhookNotifier(url("/generic"), "generic", SECRET, Clock.systemUTC()).sendText("口碑告警", "发热 工单激增");
        assertThat(verified).containsExactly("dingtalk", "feishu", "generic");
    }

    @Test
    void aWrongSecretOrAStaleClockIsAFailedDeliveryThoughTheVendorAnswers200() {
        assertThatThrownBy(() -> new WebhookNotifier(url("/robot/send?access_token=abc"), "dingtalk", "SECwrong",
                Clock.systemUTC()).sendText("t", "x")).hasMessageContaining("errcode 310000");
        assertThatThrownBy(() -> new WebhookNotifier(url("/open-apis/bot/v2/hook/xyz"), "feishu", "wrong",
                Clock.systemUTC()).sendText("t", "x")).hasMessageContaining("code 19021");
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        assertThatThrownBy(() -> new WebhookNotifier(url("/robot/send?access_token=abc"), "dingtalk", SECRET, twoHoursAgo)
                .sendText("t", "x")).hasMessageContaining("refused");
        assertThatThrownBy(() -> new WebhookNotifier(url("/open-apis/bot/v2/hook/xyz"), "feishu", SECRET, twoHoursAgo)
                .sendText("t", "x")).hasMessageContaining("refused");
        assertThatThrownBy(() -> new WebhookNotifier(url("/generic"), "generic", null, Clock.systemUTC())
                .sendText("t", "x")).hasMessageContaining("401");
        assertThat(verified).isEmpty();
    }

    @Test
    void refusalsAreReadFromTheVendorsAnswers() {
        assertThat(WebhookNotifier.refusal("{\"errcode\":0,\"errmsg\":\"ok\"}")).isNull();
        assertThat(WebhookNotifier.refusal("{\"code\":0,\"msg\":\"success\"}")).isNull();
        assertThat(WebhookNotifier.refusal("{\"StatusCode\":0,\"StatusMessage\":\"success\"}")).isNull();
        assertThat(WebhookNotifier.refusal("")).isNull();
        assertThat(WebhookNotifier.refusal("ok")).isNull();
        assertThat(WebhookNotifier.refusal("{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}"))
                .contains("310000", "keywords");
    }

    private static void answer(HttpExchange x, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
