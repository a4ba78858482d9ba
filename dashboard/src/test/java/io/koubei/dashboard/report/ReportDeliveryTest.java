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
}
