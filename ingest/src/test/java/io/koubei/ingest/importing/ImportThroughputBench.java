package io.koubei.ingest.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.bus.MapBackedHandler;
import io.koubei.ingest.format.FormatV1Writer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Throughput of a 100k-row import; off by default (run with -Dkoubei.bench=true). */
@EnabledIfSystemProperty(named = "koubei.bench", matches = "true")
class ImportThroughputBench {

    @TempDir
    Path dir;

    @Test
    void hundredThousandRows() throws IOException {
        int n = 100_000;
        Path jsonl = dir.resolve("big.jsonl");
        Path csv = dir.resolve("big.csv");
        try (FormatV1Writer w = FormatV1Writer.create(jsonl); BufferedWriter c = Files.newBufferedWriter(csv)) {
            c.write("source,channel,externalId,createdAt,text,author.id,interactions.likes\n");
            for (int i = 0; i < n; i++) {
                String text = "第" + i + "条：新版本系统更新后手机发热严重，续航也掉得厉害，希望尽快修复。客服回复很及时。";
                w.write(FeedbackItem.builder().source("weibo").channel(Channel.SOCIAL).externalId("w" + i)
                        .createdAt(Instant.ofEpochMilli(1714529730000L + i * 1000L)).text(text)
                        .author(new Author("u" + (i % 5000), null, i % 1000, null, null, null, null))
                        .interactions(new Interactions(i % 50, 0, 1)).build());
                c.write("weibo,social,c" + i + ",2024-05-01T10:00:00+08:00,\"" + text + "\",u" + (i % 5000) + "," + (i % 50) + "\n");
            }
        }
        for (Path file : new Path[] {jsonl, csv, jsonl, csv}) {
            MapBackedHandler store = new MapBackedHandler();
            try (InProcessBus bus = new InProcessBus(dir.resolve("dlq"))) {
                bus.start(store);
                ImportSummary s = new FeedbackImporter(bus).importFile(file, ImportOptions.defaults());
                assertThat(s.accepted()).isEqualTo(n);
                System.out.printf(Locale.ROOT, "%s: %,d rows (%,d bytes) in %d ms = %,.0f rows/s%n", file.getFileName(), n,
                        Files.size(file), s.elapsed().toMillis(), n * 1000.0 / s.elapsed().toMillis());
            }
        }
    }
}
