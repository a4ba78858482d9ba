package io.koubei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 §4: {@code koubei serve} (a real child process) is killed with SIGKILL while a source is pulling a forum
 * of many pages from a local server speaking Discourse's {@code /posts.json}; after the restart the source goes on
 * from its last durable cursor (not from the start, and not past a page that was not stored), and in the end every
 * post is stored exactly once (counted by id).
 */
class SourceSyncKillIT {
    private static final int POSTS = 1_500;
    private static final int PAGE = 50;

    @TempDir
    Path dataDir;

    private HttpServer forum;
    /** The {@code before} of each request in order (0 = the newest page), and which process generation asked. */
    private final List<long[]> requests = new CopyOnWriteArrayList<>();
    private volatile int generation = 1;

    @BeforeEach
    void startForum() throws IOException {
        forum = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        forum.createContext("/posts.json", exchange -> {
            String q = exchange.getRequestURI().getQuery();
            long before = q != null && q.startsWith("before=") ? Long.parseLong(q.substring(7)) : 0;
            requests.add(new long[] {generation, before});
            long top = before > 0 ? before - 1 : POSTS;
            StringBuilder sb = new StringBuilder("{\"latest_posts\":[");
            for (long id = top; id > Math.max(0, top - PAGE); id--) {
                if (id != top) {
                    sb.append(',');
                }
                long topic = 1 + (id - 1) / 10;
                long number = 1 + (id - 1) % 10;
                sb.append("{\"id\":").append(id).append(",\"topic_id\":").append(topic).append(",\"post_number\":").append(number)
                        .append(",\"created_at\":\"").append(Instant.parse("2026-10-01T00:00:00Z").plusSeconds(id * 60))
                        .append("\",\"raw\":\"第").append(id).append("楼：升级后续航明显变差\",\"username\":\"user").append(id % 97)
                        .append("\",\"topic_title\":\"续航讨论 ").append(topic).append("\",\"topic_slug\":\"battery-").append(topic)
                        .append("\",\"trust_level\":1,\"reply_count\":0}");
            }
            sb.append("]}");
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            try {
                Thread.sleep(250); // a real forum is not instant: the kill lands mid-sync
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        forum.start();
        Files.writeString(dataDir.resolve("sources.yml"), """
                sources:
                  - name: forum
                    type: discourse
                    baseUrl: http://127.0.0.1:%d
                    schedule: PT1H
                """.formatted(forum.getAddress().getPort()));
    }

    @AfterEach
    void stopForum() {
        forum.stop(0);
    }

    @Test
    void aKilledSyncResumesFromItsDurableCursorAndNoPostIsLostOrDoubled() throws Exception {
        Map<String, String> env = Map.of("KOUBEI_SOURCES_CHECK_INTERVAL", "PT1S");
        int pages = POSTS / PAGE;
        try (KoubeiProcess koubei = KoubeiProcess.serve(dataDir, env)) {
            await(() -> requests.size() >= pages / 3, Duration.ofSeconds(90), "the first third of the forum fetched");
            koubei.kill9();
        }
        List<Long> beforeKill = requests.stream().filter(r -> r[0] == 1).map(r -> r[1]).toList();
        assertThat(beforeKill.size()).isLessThan(pages); // killed half-way
        generation = 2;

        try (KoubeiProcess koubei = KoubeiProcess.serve(dataDir, env)) {
            await(() -> sourceFinished(koubei), Duration.ofSeconds(120), "the resumed sync finished");
            List<Long> afterRestart = requests.stream().filter(r -> r[0] == 2).map(r -> r[1]).toList();
            long resumedAt = afterRestart.get(0);
            // resumes: not from the newest page again, and at a page the killed process had asked for (no gap)
            assertThat(resumedAt).as("first request after the restart: before=" + resumedAt).isPositive();
            assertThat(beforeKill).contains(resumedAt);
            // at most the pages in flight at the kill are fetched again
            assertThat(beforeKill.indexOf(resumedAt)).isGreaterThanOrEqualTo(beforeKill.size() - 3);
            assertThat(afterRestart).doesNotHaveDuplicates();
            System.out.printf("SourceSyncKillIT: %d pages requested before the kill, resumed at before=%d (request %d of"
                    + " those), %d pages after the restart%n", beforeKill.size(), resumedAt, beforeKill.indexOf(resumedAt) + 1,
                    afterRestart.size());
            long count = koubei.api().get("/api/v1/count?source=forum").json().get("count").asLong();
            assertThat(count).as("every post, each once (ids forum:<topic>/<n>)").isEqualTo(POSTS);
            // every page below the resumption point was asked for exactly once after the restart
            assertThat(afterRestart).last().isEqualTo(PAGE + 1L);
        }
    }

    private boolean sourceFinished(KoubeiProcess koubei) {
        try {
            var sources = koubei.api().get("/api/v1/sources").json().get("sources");
            for (var s : sources) {
                if (s.get("name").asString().equals("forum") && s.hasNonNull("lastSuccessAt")) {
                    return true;
                }
            }
        } catch (RuntimeException notYet) {
            // starting
        }
        return false;
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            KoubeiProcess.sleep(100);
        }
    }
}
