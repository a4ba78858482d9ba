package io.koubei.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The scheduled weekly report reaches a real SMTP server and a local HTTP receiver in the chosen formats. */
class ReportDeliveryTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path dir;

    @Test
    void scheduledReportIsArchivedAndDeliveredByWebhookAndEmail() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        http.start();
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"))) {
            ReportProperties props = new ReportProperties();
            props.setWebhooks(List.of("http://127.0.0.1:" + http.getAddress().getPort() + "/generic",
                    "dingtalk|http://127.0.0.1:" + http.getAddress().getPort() + "/ding"));
            props.setEmailTo(List.of("pm@test.local"));
            props.setFormats(List.of("html", "md"));
            SpringTemplateEngine engine = ReportTemplates.engine();
            WeeklyReportBuilder builder = new WeeklyReportBuilder(store, CalendarKeys.defaultZone(), 30,
                    WeeklyReportBuilder.ReportNotes.NONE, Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));
            ReportArchive archive = new ReportArchive(dir, new io.koubei.store.state.FileStateStore(dir), builder, engine, CalendarKeys.DEFAULT_ZONE, new PdfReportRenderer(null));
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("archive", archive);
            beans.addBean("mail", sender);
            ReportConfiguration config = new ReportConfiguration(props, beans.getBeanProvider(ReportArchive.class),
                    beans.getBeanProvider(JavaMailSender.class), beans.getBeanProvider(io.koubei.dashboard.platform.state.ClusterLeader.class));

            config.runScheduled();

            assertThat(archive.list()).containsExactlyInAnyOrder("weekly-2026-W47.html", "weekly-2026-W47.md");
            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(0)).contains("koubei.report").contains("口碑周报 2026-W47");
            assertThat(bodies.get(1)).contains("\"msgtype\":\"markdown\"");
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("口碑周报 2026-W47");
            assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).isNotBlank();
        } finally {
            http.stop(0);
        }
    }

    /**
     * Signed report webhooks: a local receiver checks the generic X-Koubei-Signature and DingTalk's 加签 itself (not
     * with Koubei's code) and refuses what does not verify the way DingTalk does (HTTP 200, errcode ≠ 0).
     */
    @Test
    void signedReportWebhooksCarrySignaturesTheReceiverVerifies() throws Exception {
        String secret = "SECreport-0123456789abcdef";
        List<String> verified = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/generic", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String given = ex.getRequestHeaders().getFirst("X-Koubei-Signature");
            String expected = "sha256=" + java.util.HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
            (expected.equals(given) ? verified : refused).add("generic");
            ex.sendResponseHeaders(expected.equals(given) ? 200 : 401, -1);
            ex.close();
        });
        http.createContext("/robot/send", ex -> {
            ex.getRequestBody().readAllBytes();
            java.util.Map<String, String> q = new java.util.HashMap<>();
            for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
            }
            String ts = q.getOrDefault("timestamp", "0");
            String expected = java.util.Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8),
                    (ts + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            boolean ok = expected.equals(q.get("sign")) && Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) < 3_600_000;
            (ok ? verified : refused).add("dingtalk");
            byte[] answer = (ok ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        http.start();
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"))) {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            ReportProperties props = new ReportProperties();
            props.setFormats(List.of("md"));
            props.setSignedWebhooks(List.of(signed(base + "/generic", "generic", secret),
                    signed(base + "/robot/send?access_token=abc", "dingtalk", secret),
                    signed(base + "/robot/send?access_token=abc", "dingtalk", "SECsomebody-else")));
            props.setWebhooks(List.of(base + "/generic")); // the unsigned list stays: refused by this receiver
            WeeklyReportBuilder builder = new WeeklyReportBuilder(store, CalendarKeys.defaultZone(), 30,
                    WeeklyReportBuilder.ReportNotes.NONE, Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));
            ReportArchive archive = new ReportArchive(dir, new io.koubei.store.state.FileStateStore(dir), builder, ReportTemplates.engine(), CalendarKeys.DEFAULT_ZONE,
                    new PdfReportRenderer(null));
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("archive", archive);
            ReportConfiguration config = new ReportConfiguration(props, beans.getBeanProvider(ReportArchive.class),
                    beans.getBeanProvider(JavaMailSender.class), beans.getBeanProvider(io.koubei.dashboard.platform.state.ClusterLeader.class));

            config.runScheduled();

            assertThat(verified).containsExactlyInAnyOrder("generic", "dingtalk");
            assertThat(refused).containsExactlyInAnyOrder("generic", "dingtalk");
        } finally {
            http.stop(0);
        }
    }

    private static ReportProperties.SignedWebhook signed(String url, String format, String secret) {
        ReportProperties.SignedWebhook w = new ReportProperties.SignedWebhook();
        w.setUrl(url);
        w.setFormat(format);
        w.setSecret(secret);
        return w;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
