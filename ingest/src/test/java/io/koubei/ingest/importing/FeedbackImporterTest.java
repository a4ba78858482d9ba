package io.koubei.ingest.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.bus.MapBackedHandler;
import io.koubei.ingest.format.FormatV1Writer;
import io.koubei.ingest.format.Rejection;
import io.koubei.ingest.format.Warning;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackImporterTest {

    @TempDir
    Path dir;

    private static FeedbackItem item(int i) {
        return FeedbackItem.builder().source("miui-forum").channel(Channel.COMMUNITY).externalId("p" + i)
                .createdAt(Instant.parse("2024-05-01T00:00:00Z").plusSeconds(i)).text("帖子 " + i + " 系统更新后发热").build();
    }

    @Test
    void importsAMixedFileInAcknowledgedBatchesAndReportsEveryRejectedLine() throws IOException {
        Path file = dir.resolve("forum.jsonl");
        try (FormatV1Writer w = FormatV1Writer.create(file)) {
            for (int i = 1; i <= 3000; i++) {
                w.write(item(i));
            }
        }
        // every 1000th line broken in a different way
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(999, lines.get(999).replace("\"community\"", "\"forum\""));
        lines.set(1999, "{not json");
        lines.set(2999, lines.get(2999).replace("\"createdAt\":\"2024-05-01T00:50:00Z\"", "\"createdAt\":\"2024-05-01\""));
        Files.write(file, lines);

        MapBackedHandler store = new MapBackedHandler();
        List<long[]> progress = new CopyOnWriteArrayList<>();
        try (InProcessBus bus = new InProcessBus(dir.resolve("dlq"))) {
            bus.start(store);
            FeedbackImporter importer = new FeedbackImporter(bus);
            ImportSummary s = importer.importFile(file, ImportOptions.defaults(), (read, total) -> progress.add(new long[] {read, total}));

            assertThat(s.complete()).isTrue();
            assertThat(s.read()).isEqualTo(3000);
            assertThat(s.accepted()).isEqualTo(2997);
            assertThat(s.created()).isEqualTo(2997);
            assertThat(s.updated()).isZero();
            assertThat(s.rejected()).isEqualTo(3);
            assertThat(s.stored()).isTrue();
            assertThat(s.rejections()).extracting(Rejection::toString).containsExactly(
                    "forum.jsonl:1000: channel: unknown channel 'forum'; expected one of community, social, review, survey, ticket, sales, qc",
                    "forum.jsonl:2000: (json): malformed JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start property name (column 2)",
                    "forum.jsonl:3000: createdAt: '2024-05-01' is a date without time or offset; write e.g. 2024-05-01T00:00:00+08:00, or set a zone (koubei import --zone, or dates.zone in mapping.yml) to read it as midnight there");
            assertThat(store.stored).hasSize(2997);
            assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(3000));
            assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(3000);
            assertThat(s.describe()).startsWith("forum.jsonl: 3,000 rows read, 2,997 accepted (2,997 created, 0 updated), 3 rejected in ");

            // importing the same file again updates, never duplicates
            ImportSummary again = importer.importFile(file, ImportOptions.defaults().withBatchSize(128));
            assertThat(again.created()).isZero();
            assertThat(again.updated()).isEqualTo(2997);
            assertThat(store.stored).hasSize(2997);
        }
    }

    @Test
    void xlsxWithCliDefaultsIsImportedAndPoisonItemsAreCountedAsDeadLettered() throws IOException {
        Path file = dir.resolve("survey.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet();
            Row h = sheet.createRow(0);
            String[] headers = {"externalId", "createdAt", "text", "rating.scale", "rating.value", "fields.segment"};
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
            }
            for (int i = 1; i <= 600; i++) {
                Row r = sheet.createRow(i);
                r.createCell(0).setCellValue("resp-" + i);
                r.createCell(1).setCellValue("2024-12-0" + (1 + i % 9) + "T09:00:00+08:00");
                r.createCell(2).setCellValue(i == 7 ? "POISON" : "推荐给朋友了");
                r.createCell(3).setCellValue("nps");
                r.createCell(4).setCellValue(i == 500 ? 12 : i % 11);
                r.createCell(5).setCellValue(i % 2 == 0 ? "business" : "enthusiast");
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
        MapBackedHandler store = new MapBackedHandler(i -> i.text().equals("POISON"));
        List<Long> totals = new CopyOnWriteArrayList<>();
        try (InProcessBus bus = new InProcessBus(dir.resolve("dlq"))) {
            bus.start(store);
            ImportSummary s = new FeedbackImporter(bus).importFile(file,
                    ImportOptions.defaults().withDefault("source", "nps-q4").withDefault("channel", "survey"),
                    (read, total) -> totals.add(total));
            assertThat(totals).isNotEmpty().containsOnly(600L); // from the sheet's dimension
            assertThat(s.read()).isEqualTo(600);
            // an NPS of 12 is dropped with a warning; the response itself lands
            assertThat(s.rejections()).isEmpty();
            assertThat(s.warned()).isEqualTo(1);
            assertThat(s.warnings()).extracting(Warning::toString).containsExactly(
                    "survey.xlsx:501: rating.value: 12 is outside the nps range 0–10; rating dropped (kept in extra as rating.value, rating.scale)");
            assertThat(s.accepted()).isEqualTo(600);
            assertThat(s.created()).isEqualTo(599);
            assertThat(store.stored.get("nps-q4:resp-500").rating()).isNull();
            assertThat(s.deadLettered()).isEqualTo(1);
            assertThat(bus.deadLetters(5)).extracting(d -> d.itemId()).containsExactly("nps-q4:resp-7");
            assertThat(store.stored.get("nps-q4:resp-2").fields()).containsEntry("segment", "business");
        }
    }

    @Test
    void anHttpBodyIsImportedThroughTheSameSummary() {
        String body = "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"1\",\"createdAt\":1714529730000,\"text\":\"a\"}\n"
                + "{\"source\":\"weibo\",\"channel\":\"social\",\"externalId\":\"2\",\"createdAt\":1714529730000,\"text\":\"b\",\"rating\":{\"scale\":\"stars\",\"value\":6}}\n";
        List<io.koubei.ingest.format.ParseResult> results = new io.koubei.ingest.api.FeedbackRequestParser().parse(body);
        MapBackedHandler store = new MapBackedHandler();
        try (InProcessBus bus = new InProcessBus(dir.resolve("dlq"))) {
            bus.start(store);
            ImportSummary s = new FeedbackImporter(bus).importResults(io.koubei.ingest.api.FeedbackRequestParser.SOURCE,
                    results.iterator(), ImportOptions.defaults(), ImportProgress.NONE, results.size());
            assertThat(s.accepted()).isEqualTo(2);
            assertThat(s.created()).isEqualTo(2);
            assertThat(s.rejected()).isZero();
            assertThat(s.warned()).isEqualTo(1);
            assertThat(s.warnings()).extracting(Warning::toString).containsExactly(
                    "<request>:2: rating.value: 6 is outside the stars range 1–5; rating dropped (kept in extra as rating.value, rating.scale)");
            assertThat(s.describe()).contains("0 rejected, 1 landed with warnings (1 warnings)");
            assertThat(store.stored).containsOnlyKeys("weibo:1", "weibo:2");
        }
    }

    @Test
    void aBusThatDoesNotAcknowledgeStopsTheImportAndSaysFromWhere() throws IOException {
        Path file = dir.resolve("x.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("source,channel,externalId,createdAt,text\n");
            for (int i = 0; i < 50; i++) {
                w.write("weibo,social," + i + ",2024-05-01T00:00:00Z,t\n");
            }
        }
        InProcessBus bus = new InProcessBus(dir.resolve("dlq"));
        bus.start(new MapBackedHandler());
        bus.close();
        ImportSummary s = new FeedbackImporter(bus).importFile(file, ImportOptions.defaults().withBatchSize(20));
        assertThat(s.complete()).isFalse();
        assertThat(s.accepted()).isZero();
        assertThat(s.abortedReason()).startsWith("the bus did not acknowledge the 20 items of lines 2–21 (IllegalStateException: the bus is closed")
                .contains("nothing from line 2 on is confirmed");
    }
}
