package io.koubei.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import io.koubei.store.state.FileStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report archive is shared state: a report the scheduled node archived is listed and served by every node, and
 * a report removed on one node (an erasure) is never served from another node's stale copy.
 */
class SharedReportArchiveTest {
    @TempDir
    Path nodeA;
    @TempDir
    Path nodeB;
    @TempDir
    Path shared;

    private static ReportArchive archive(Path dataDir, FileStateStore state, LuceneFeedbackStore store) {
        WeeklyReportBuilder builder = new WeeklyReportBuilder(store, CalendarKeys.defaultZone(), 30,
                WeeklyReportBuilder.ReportNotes.NONE, Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));
        return new ReportArchive(dataDir, state, builder, ReportTemplates.engine(), CalendarKeys.DEFAULT_ZONE, new PdfReportRenderer(null));
    }

    @Test
    void aReportArchivedOnOneNodeIsListedAndServedByAnotherAndAnErasureReachesBoth() throws Exception {
        FileStateStore state = new FileStateStore(shared); // the one store both nodes talk to, as Elasticsearch is
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(nodeA.resolve("index"))) {
            ReportArchive a = archive(nodeA, state, store);
            ReportArchive b = archive(nodeB, state, store);

            Path generated = a.generate("2026-W47", null, ReportFormat.MD);

            assertThat(b.list()).containsExactly("weekly-2026-W47.md");
            Path served = b.find("weekly-2026-W47.md").orElseThrow();
            assertThat(served).startsWith(nodeB);
            assertThat(Files.readAllBytes(served)).isEqualTo(Files.readAllBytes(generated));
            assertThat(Files.readString(served, StandardCharsets.UTF_8)).contains("2026-W47");

            assertThat(a.delete("weekly-2026-W47.md")).isTrue();
            assertThat(b.list()).isEmpty();
            assertThat(b.find("weekly-2026-W47.md")).isEmpty();
            assertThat(served).as("the stale copy on the other node is gone once asked for").doesNotExist();
            assertThat(b.find("../state/reports.journal")).isEmpty();
        }
    }

    @Test
    void reportsArchivedAsFilesByAnEarlierVersionAreImportedOnce() throws Exception {
        Files.createDirectories(nodeA.resolve("reports"));
        Files.writeString(nodeA.resolve("reports").resolve("weekly-2026-W40.md"), "# 口碑周报 2026-W40", StandardCharsets.UTF_8);
        Files.writeString(nodeA.resolve("reports").resolve("notes.txt"), "not a report", StandardCharsets.UTF_8);
        FileStateStore state = new FileStateStore(shared);
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(nodeA.resolve("index"))) {
            ReportArchive a = archive(nodeA, state, store);
            assertThat(a.list()).containsExactly("weekly-2026-W40.md");
            ReportArchive b = archive(nodeB, state, store);
            assertThat(Files.readString(b.find("weekly-2026-W40.md").orElseThrow())).isEqualTo("# 口碑周报 2026-W40");
            b.delete("weekly-2026-W40.md");
            Files.writeString(nodeA.resolve("reports").resolve("weekly-2026-W40.md"), "stale", StandardCharsets.UTF_8);
            assertThat(archive(nodeA, state, store).list()).as("not imported a second time").isEmpty();
        }
    }
}
