package io.koubei.dashboard.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.time.CalendarKeys;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.connect.HttpFetcher;
import io.koubei.ingest.connect.SourceRunner;
import io.koubei.ingest.connect.SourceStatuses;
import io.koubei.ingest.connect.SyncResult;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.store.state.FileStateStore;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that started and never finished (the process was killed half-way) goes on at the next check after a restart,
 * from its cursor, instead of waiting its whole schedule; a run that finished waits as before.
 */
class SourcesResumeTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedRunResumesAtOnceAFinishedOneWaitsItsSchedule() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feed.createContext("/feed", ex -> {
            fetches.incrementAndGet();
            byte[] body = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>t</title>
                    <item><guid>a1</guid><title>续航</title><description>升级后续航变差</description>
                    <pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate></item>
                    </channel></rss>
                    """.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        feed.start();
        Files.writeString(dir.resolve("sources.yml"), """
                sources:
                  - name: blog
                    type: rss
                    url: http://127.0.0.1:%d/feed
                    schedule: PT1H
                """.formatted(feed.getAddress().getPort()));
        try (InProcessBus bus = new InProcessBus(dir.resolve("dlq"))) {
            bus.start(batch -> new HandleResult(new UpsertResult(batch.size(), 0), List.of()));
            SourceStatuses statuses = new SourceStatuses(new FileStateStore(dir));
            FeedbackImporter importer = new FeedbackImporter(bus);
            SourcesService service = new SourcesService(dir, statuses, new SourceRunner(importer, statuses), new HttpFetcher(),
                    null, new CalendarKeys(ZoneId.of("Asia/Shanghai")), Clock.systemUTC(), importer);
            Instant now = Instant.now();

            // finished ten minutes ago: not due for another fifty
            statuses.update("blog", "rss", s -> s.started("rss", now.minusSeconds(600).toString()));
            statuses.update("blog", "rss", s -> s.finished(new SyncResult("blog", "rss", 1, 0, 0, 0, 0, 0, List.of(), null, null),
                    now.minusSeconds(590).toString()));
            assertThat(service.runDue()).isEmpty();
            assertThat(fetches).hasValue(0);

            // started five minutes ago and never finished: the process running it was killed
            statuses.update("blog", "rss", s -> s.started("rss", now.minusSeconds(300).toString()));
            List<SyncResult> ran = service.runDue();
            assertThat(ran).hasSize(1);
            assertThat(ran.get(0).ok()).as(String.valueOf(ran.get(0).error())).isTrue();
            assertThat(ran.get(0).created()).isEqualTo(1);
            assertThat(fetches).hasValue(1);

            // finished now: waits its schedule again
            assertThat(service.runDue()).isEmpty();
        } finally {
            feed.stop(0);
        }
    }
}
