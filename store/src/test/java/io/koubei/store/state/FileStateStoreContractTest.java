package io.koubei.store.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateStore;
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
        Path file = dir.resolve("state").resolve("alerts.json");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(file.getParent())).doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
    }
}
