package io.koubei.store.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreContractTest extends StateStoreContract {
    @TempDir
    Path dir;
    private FileStateStore store;

    @BeforeEach
    void open() {
        store = new FileStateStore(dir);
    }

    @Override
    protected StateStore store() {
        return store;
    }

    @Override
    protected StateStore otherNode() {
        return store; // one process owns an embedded data directory
    }

    @Test
    void stateSurvivesARestartWithItsVersionsAndStaysOwnerOnly() throws Exception {
        StateCollection c = store.collection("alerts");
        String v = c.put("a1", "{\"status\":\"acknowledged\"}", StateCollection.ABSENT).version();
        FileStateStore reopened = new FileStateStore(dir);
        assertThat(reopened.collection("alerts").get("a1").orElseThrow().version()).isEqualTo(v);
        assertThat(reopened.collection("alerts").put("a2", "{}", StateCollection.ABSENT).version()).isNotEqualTo(v);
        Path state = dir.resolve("state");
        try (var files = Files.list(state)) {
            List<Path> all = files.toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
        }
        assertThat(Files.getPosixFilePermissions(state)).doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
    }

    @Test
    void aTornLastLineFromACrashMidWriteIsCutOffAndEveryAcknowledgedChangeSurvives() throws Exception {
        StateCollection c = store.collection("audit");
        c.put("e1", "{\"n\":1}", StateCollection.ABSENT);
        c.put("e2", "{\"n\":2}", StateCollection.ABSENT);
        c.delete("e1");
        store.close();
        Path journal = dir.resolve("state").resolve("audit.journal");
        Files.write(journal, "{\"op\":\"put\",\"id\":\"e3\",\"vers".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        FileStateStore reopened = new FileStateStore(dir);
        StateCollection back = reopened.collection("audit");
        assertThat(back.all()).extracting(StateDocument::id).containsExactly("e2");
        back.put("e4", "{\"n\":4}", StateCollection.ABSENT);
        reopened.close();
        assertThat(new FileStateStore(dir).collection("audit").all()).extracting(StateDocument::id).containsExactly("e2", "e4");
    }

    @Test
    void aWriteToALargeCollectionAppendsOneLineInsteadOfRewritingTheCollection() throws Exception {
        StateCollection c = store.collection("audit");
        String padding = "x".repeat(2_000);
        for (int i = 0; i < 1_500; i++) { // ~3 MB of changes: the journal is compacted into the snapshot on the way
            c.put(String.format("e%05d", i), "{\"text\":\"" + padding + "\"}", StateCollection.ABSENT);
        }
        Path snapshot = dir.resolve("state").resolve("audit.json");
        Path journal = dir.resolve("state").resolve("audit.journal");
        assertThat(snapshot).exists();
        byte[] snapshotBefore = Files.readAllBytes(snapshot);
        long journalBefore = Files.size(journal);

        c.put("e99999", "{\"text\":\"one more\"}", StateCollection.ABSENT);

        assertThat(Files.readAllBytes(snapshot)).isEqualTo(snapshotBefore);
        assertThat(Files.size(journal) - journalBefore).isLessThan(200);
        store.close();
        StateCollection back = new FileStateStore(dir).collection("audit");
        assertThat(back.all()).hasSize(1_501);
        assertThat(back.get("e99999").orElseThrow().json()).contains("one more");
        assertThat(back.get("e00000").orElseThrow().json()).contains(padding);
    }

    @Test
    void aCrashBetweenSnapshotAndJournalTruncationReplaysTheJournalHarmlessly() throws Exception {
        StateCollection c = store.collection("alerts");
        c.put("b", "{\"secret\":\"13812345678\"}", StateCollection.ABSENT);
        assertThat(c.delete("b")).isTrue();
        assertThat(c.delete("b")).isFalse();
        assertThat(Files.readString(dir.resolve("state").resolve("alerts.journal"))).doesNotContain("13812345678");
        c.put("a", "{\"v\":1}", StateCollection.ABSENT);
        String v = c.put("a", "{\"v\":2}", null).version();
        store.close();
        Path journal = dir.resolve("state").resolve("alerts.journal");
        byte[] lines = Files.readAllBytes(journal);
        // fold the journal into the snapshot, then put the journal back: as after a crash before it was emptied
        FileStateStore once = new FileStateStore(dir);
        once.compact("alerts");
        once.close();
        assertThat(Files.size(journal)).isZero();
        Files.write(journal, lines);
        StateCollection back = new FileStateStore(dir).collection("alerts");
        assertThat(back.all()).extracting(StateDocument::id).containsExactly("a");
        assertThat(back.get("a").orElseThrow().version()).isEqualTo(v);
        assertThat(back.get("a").orElseThrow().json()).contains("2");
    }
}
