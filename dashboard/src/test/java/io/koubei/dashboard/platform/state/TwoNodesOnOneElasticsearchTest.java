package io.koubei.dashboard.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.dashboard.KoubeiApplication;
import io.koubei.dashboard.access.Role;
import io.koubei.dashboard.access.UserDirectory;
import io.koubei.dashboard.report.ReportArchive;
import io.koubei.dashboard.report.ReportFormat;
import io.koubei.dashboard.settings.ProductSettings;
import io.koubei.dashboard.settings.SettingsService;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two whole Koubei applications on one real Elasticsearch node and one real Kafka broker, as docs/deploy.md draws
 * them behind a load balancer (issue 19 item 3): what one node saves (settings, users, the report archive, the
 * items it imports) the other reads; exactly one node runs scheduled work, and when it dies the other takes over
 * within the lease's time to live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOnOneElasticsearchTest {
    private static final String ADMIN_TOKEN = "two-nodes-admin-token-0123456789";

    @TempDir
    static Path dir;

    private EmbeddedKafkaKraftBroker broker;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;

    @BeforeAll
    void startTwoNodes() {
        ElasticsearchNode es = ElasticsearchNode.shared();
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "1",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        List<String> shared = List.of(
                "--koubei.store=elasticsearch",
                "--koubei.elasticsearch.url=" + es.url(),
                "--koubei.elasticsearch.index-prefix=two-nodes-" + unique + "-",
                "--koubei.bus=kafka",
                "--koubei.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--koubei.kafka.topic=two-nodes-" + unique,
                "--koubei.kafka.dead-letter-topic=two-nodes-dlq-" + unique,
                "--koubei.kafka.group-id=two-nodes-" + unique,
                "--koubei.cluster.lease-ttl=PT6S",
                "--koubei.settings.refresh-seconds=1");
        nodeA = start(dir.resolve("a"), shared);
        nodeB = start(dir.resolve("b"), shared);
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext ctx : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (ctx != null) {
                ctx.close();
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void itemsImportedOnOneNodeAreCountedOnTheOther() throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        DemoDataGenerator.writeJsonl(file, DemoOptions.defaults().withScale(0.01));
        long items = Files.lines(file).filter(l -> !l.isBlank()).count();
        nodeA.getBean(FeedbackImporter.class).importFile(file, ImportOptions.defaults());
        awaitTrue("node B counts every item node A imported", Duration.ofSeconds(60),
                () -> body(nodeB, "/api/v1/count", bearer()).contains("\"count\":" + items));
    }

    @Test
    void settingsSavedOnOneNodeApplyOnTheOtherWithinSeconds() throws Exception {
        nodeA.getBean(SettingsService.class).saveProducts(ProductSettings.parse("星河 X1\nnova-x1", "rival-r9"));
        awaitTrue("node B sees node A's products", Duration.ofSeconds(10),
                () -> nodeB.getBean(SettingsService.class).ourProducts().contains("星河 X1"));
    }

    @Test
    void aUserCreatedOnOneNodeSignsInOnTheOther() throws Exception {
        String password = nodeA.getBean(UserDirectory.class).create("lin", Role.ANALYST, null, "test");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("lin:" + password).getBytes(StandardCharsets.UTF_8));
        assertThat(status(nodeB, "/api/v1/count", basic)).isEqualTo(200);
        assertThat(status(nodeB, "/api/v1/count", "Basic " + Base64.getEncoder()
                .encodeToString("lin:wrong".getBytes(StandardCharsets.UTF_8)))).isEqualTo(401);
    }

    @Test
    void aReportArchivedOnOneNodeIsServedByTheOther() throws Exception {
        Path generated = nodeA.getBean(ReportArchive.class).generate("2026-W47", null, ReportFormat.MD);
        String name = generated.getFileName().toString();
        assertThat(nodeB.getBean(ReportArchive.class).list()).contains(name);
        Path served = nodeB.getBean(ReportArchive.class).find(name).orElseThrow();
        assertThat(served).startsWith(dir.resolve("b"));
        assertThat(Files.readAllBytes(served)).isEqualTo(Files.readAllBytes(generated));
    }

    @Test
    void aLifecycleEventPostedToOneNodeIsSeenOnTheOtherAndIsOneEventWhenResentThere() throws Exception {
        String event = "{\"eventId\":\"two-nodes-e1\",\"itemId\":\"weibo:two-nodes\",\"type\":\"opened\","
                + "\"at\":\"2026-11-03T10:00:00+08:00\",\"department\":\"客服\"}";
        assertThat(post(nodeA, "/api/v1/speed/events", "application/x-ndjson", event).body()).contains("\"accepted\":1");
        assertThat(post(nodeB, "/api/v1/speed/events", "application/x-ndjson", event).body())
                .as("the same event re-sent through the other node").contains("\"accepted\":0").contains("\"duplicates\":1");
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            var metrics = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(body(node, "/api/v1/speed/metrics", bearer()));
            assertThat(metrics.path("dataQuality").path("events").asInt()).as("events known to each node").isEqualTo(1);
        }
        assertThat(post(nodeB, "/api/v1/speed/releases", "application/json",
                "{\"product\":\"nova-x1\",\"version\":\"9.9\",\"releasedAt\":\"2026-11-10T10:00:00+08:00\",\"issues\":[]}")
                .statusCode()).isEqualTo(201);
        assertThat(body(nodeA, "/api/v1/speed/releases", bearer())).as("a release recorded on the other node").contains("\"9.9\"");
    }

    @Test
    void exactlyOneNodeRunsScheduledWorkAndTheOtherTakesOverWhenItStopsRenewing() throws Exception {
        ClusterLeader a = nodeA.getBean(ClusterLeader.class);
        ClusterLeader b = nodeB.getBean(ClusterLeader.class);
        awaitTrue("one node leads", Duration.ofSeconds(15), () -> a.leads() || b.leads());
        assertThat(a.leads() && b.leads()).as("never both").isFalse();
        ClusterLeader holder = a.leads() ? a : b;
        ClusterLeader other = holder == a ? b : a;

        long diedAt = System.nanoTime();
        holder.stopRenewing(); // as a killed process: the lease is not given back, it runs out
        awaitTrue("the other node takes over", Duration.ofSeconds(20), other::leads);
        double seconds = (System.nanoTime() - diedAt) / 1e9;
        assertThat(seconds).as("within the lease's time to live and a heartbeat").isLessThan(6 + 2 + 1);
        assertThat(holder.leads()).isFalse();
    }

    private static ConfigurableApplicationContext start(Path dataDir, List<String> shared) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--koubei.data-dir=" + dataDir,
                "--koubei.report.cron=",
                "--koubei.security.api-tokens=" + ADMIN_TOKEN,
                "--koubei.signals.rescan-after-store=false"));
        args.addAll(shared);
        return new SpringApplicationBuilder(KoubeiApplication.class).web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
    }

    private static String bearer() {
        return "Bearer " + ADMIN_TOKEN;
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext node, String path, String authorization) {
        try {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", authorization).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext node, String path, String type, String body) {
        try {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", bearer()).header("Content-Type", type).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(ConfigurableApplicationContext node, String path, String authorization) {
        return get(node, path, authorization).body();
    }

    private static int status(ConfigurableApplicationContext node, String path, String authorization) {
        return get(node, path, authorization).statusCode();
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + ": not within " + timeout);
    }
}
