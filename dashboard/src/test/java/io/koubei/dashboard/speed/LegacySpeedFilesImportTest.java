package io.koubei.dashboard.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.store.state.FileStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory of an earlier version, with the speed module's JSONL files: they are imported into the state
 * store on the first start, once, and the files are kept. A later start does not bring a stale local copy back.
 */
class LegacySpeedFilesImportTest {
    @TempDir
    Path dataDir;

    private static final String OPENED = "{\"eventId\":\"e1\",\"itemId\":\"weibo:1\",\"type\":\"opened\",\"at\":\"2026-11-03T10:00:00+08:00\"}";
    private static final String REPLIED = "{\"eventId\":\"e2\",\"itemId\":\"weibo:1\",\"type\":\"replied\",\"at\":\"2026-11-03T10:30:00+08:00\"}";

    private void oldFiles() throws Exception {
        Path speed = Files.createDirectories(dataDir.resolve("speed"));
        Files.writeString(speed.resolve("events.jsonl"), OPENED + "\n" + REPLIED + "\n");
        Files.writeString(speed.resolve("service-days.jsonl"),
                "{\"day\":\"2026-11-02\",\"line\":\"hotline\",\"offered\":100,\"answered\":80}\n"
                        + "{\"day\":\"2026-11-02\",\"line\":\"hotline\",\"offered\":100,\"answered\":90}\n");
        Files.writeString(speed.resolve("issues.jsonl"), issue("KB-1", null) + "\n" + issue("KB-2", null) + "\n"
                + issue("KB-1", "1.2") + "\n");
        Files.writeString(speed.resolve("releases.jsonl"),
                "{\"product\":\"x1\",\"version\":\"1.2\",\"releasedAt\":\"2026-11-10T00:00:00Z\",\"issues\":[\"KB-1\"]}\n");
        Files.writeString(speed.resolve("release-feedback.jsonl"),
                "{\"id\":\"r-1\",\"product\":\"x1\",\"version\":\"1.2\",\"ratings\":{\"续航\":4.0},\"text\":\"好\",\"votes\":{}}\n");
    }

    private static String issue(String key, String fixedIn) {
        return "{\"key\":\"" + key + "\",\"tracker\":\"jira\",\"title\":\"发热 " + key + "\",\"itemIds\":[\"weibo:1\"],"
                + "\"filedAt\":\"2026-11-05T00:00:00Z\"" + (fixedIn == null ? "" : ",\"fixedIn\":\"" + fixedIn + "\"") + "}";
    }

    @Test
    void theOldFilesAreImportedOnceAndKept() throws Exception {
        oldFiles();
        try (FileStateStore state = new FileStateStore(dataDir)) {
            LifecycleEventStore events = new LifecycleEventStore(state, dataDir);
            ServiceDayStore days = new ServiceDayStore(state, dataDir);
            LoopLedger ledger = new LoopLedger(state, dataDir);

            assertThat(events.log().size()).isEqualTo(2);
            assertThat(events.receive("again", REPLIED).duplicates()).as("an imported event re-sent").isEqualTo(1);
            assertThat(days.all()).singleElement().satisfies(d -> assertThat(d.answered()).as("the latest line").isEqualTo(90));
            assertThat(ledger.issues()).extracting(LoopLedger.Issue::key).containsExactly("KB-1", "KB-2");
            assertThat(ledger.issue("KB-1")).get().satisfies(i -> assertThat(i.fixedIn()).isEqualTo("1.2"));
            assertThat(ledger.release("x1", "1.2")).isPresent();
            assertThat(ledger.feedbackFor("x1", "1.2")).hasSize(1);
            assertThat(ledger.fileNew(new LoopLedger.Issue(null, "jira", null, null, null, null, null, "新", java.util.List.of(),
                    java.time.Instant.parse("2026-11-20T00:00:00Z"), null, null)).key()).isEqualTo("KB-3");
        }
        for (String f : new String[] {"events.jsonl", "service-days.jsonl", "issues.jsonl", "releases.jsonl", "release-feedback.jsonl"}) {
            assertThat(dataDir.resolve("speed").resolve(f)).as("kept").exists();
        }

        // the local copy goes stale (an older version wrote to it); the next start must not import it again
        Files.writeString(dataDir.resolve("speed").resolve("issues.jsonl"), issue("KB-9", null) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(dataDir.resolve("speed").resolve("service-days.jsonl"),
                "{\"day\":\"2026-11-02\",\"line\":\"hotline\",\"offered\":100,\"answered\":10}\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileStateStore state = new FileStateStore(dataDir)) {
            LoopLedger ledger = new LoopLedger(state, dataDir);
            assertThat(ledger.issues()).extracting(LoopLedger.Issue::key).containsExactly("KB-1", "KB-2", "KB-3");
            assertThat(new ServiceDayStore(state, dataDir).all()).singleElement()
                    .satisfies(d -> assertThat(d.answered()).isEqualTo(90));
            assertThat(new LifecycleEventStore(state, dataDir).log().size()).isEqualTo(2);
        }
    }

    @Test
    void everyNodesOldEventsFileIsMergedIntoTheSharedEvents() throws Exception {
        oldFiles();
        Path other = Files.createDirectories(dataDir.resolve("other-node").resolve("speed"));
        Files.writeString(other.resolve("events.jsonl"), REPLIED + "\n"
                + "{\"eventId\":\"e3\",\"itemId\":\"weibo:2\",\"type\":\"opened\",\"at\":\"2026-11-03T11:00:00+08:00\"}\n");
        try (FileStateStore state = new FileStateStore(dataDir)) {
            new LifecycleEventStore(state, dataDir);
            LifecycleEventStore second = new LifecycleEventStore(state, dataDir.resolve("other-node"));
            assertThat(second.log().size()).as("e1, e2 once, e3").isEqualTo(3);
            assertThat(second.log().itemIds()).containsExactlyInAnyOrder("weibo:1", "weibo:2");
        }
    }

    @Test
    void anImportDoesNotOverwriteWhatIsSharedAlready() throws Exception {
        oldFiles();
        try (FileStateStore state = new FileStateStore(dataDir)) {
            // another node, already on this version, recorded KB-2 as fixed and a correction of the day
            state.collection(LoopLedger.ISSUES).put("KB-2", issue("KB-2", "2.0"), null);
            new ServiceDayStore(state, dataDir.resolve("elsewhere"))
                    .receive("b", "{\"day\":\"2026-11-02\",\"line\":\"hotline\",\"offered\":100,\"answered\":99}");

            LoopLedger ledger = new LoopLedger(state, dataDir);
            assertThat(ledger.issue("KB-2")).get().satisfies(i -> assertThat(i.fixedIn()).isEqualTo("2.0"));
            assertThat(ledger.issue("KB-1")).get().satisfies(i -> assertThat(i.fixedIn()).isEqualTo("1.2"));
            assertThat(new ServiceDayStore(state, dataDir).all()).singleElement()
                    .satisfies(d -> assertThat(d.answered()).as("the shared correction").isEqualTo(99));
        }
    }
}
