package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Segment;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.ingest.demo.DemoDataWriter;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code koubei import} of a scenario file, twice, on the embedded default (in this JVM, through the command's own
 * Spring context): the first run flags the astroturf burst and segments authors; the second run of the very same
 * file keeps every verdict, and re-judges the weeks it stored (the store path announced them, although no week's
 * count changed).
 */
class ImportCommandReimportTest {
    private static final FeedbackFilter ASTROTURF = FeedbackFilter.builder().flags(Set.of("astroturf")).build();
    private static final FeedbackFilter CORE = FeedbackFilter.builder().segments(Set.of(Segment.CORE)).build();

    record Counts(long all, long flagged, long core) {
    }

    @Test
    void importingTheSameFileTwiceKeepsTheVerdictsAndScansItsWeeksAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scenario.jsonl");
        long rows = DemoDataWriter.writeJsonl(file, DemoOptions.defaults().withScale(0.2));
        Path data = dir.resolve("data");

        String first = run(file, data);
        String n = String.format(java.util.Locale.ROOT, "%,d", rows);
        assertThat(first).contains(n + " rows read, " + n + " accepted (" + n + " created, 0 updated)")
                .containsPattern("signals: 1[0-9] weeks scanned");
        Counts before = counts(data);
        assertThat(before.all()).isEqualTo(rows);
        assertThat(before.flagged()).isPositive();
        assertThat(before.core()).isPositive();

        assertThat(first).contains(before.flagged() + " items flagged as astroturf (" + before.flagged() + " newly)");

        String second = run(file, data);
        assertThat(second).contains(n + " accepted (0 created, " + n + " updated)")
                .containsPattern("signals: 1[0-9] weeks scanned")
                .contains(before.flagged() + " items flagged as astroturf (0 newly)");
        assertThat(counts(data)).isEqualTo(before);
    }

    private static String run(Path file, Path data) throws Exception {
        ImportCommand cmd = new ImportCommand();
        cmd.file = file;
        cmd.dataDir = data;
        cmd.quiet = true;
        cmd.waitTimeout = java.time.Duration.ofMinutes(1);
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cmd.call();
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertThat(code).as(printed).isZero();
        return printed;
    }

    private static Counts counts(Path data) {
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(data.resolve("index"))) {
            return new Counts(store.count(FeedbackFilter.ALL), store.count(ASTROTURF), store.count(CORE));
        }
    }
}
