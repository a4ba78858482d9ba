package io.koubei.bench;

import io.koubei.core.state.StateCollection;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Write cost of the embedded state store as a collection grows (the audit log is the one that grows): appends
 * {@code writes} documents of ~300 bytes to one collection in a fresh directory, and prints the time per write for
 * each tenth of the run, so a cost that grows with the collection's size shows as a rising column.
 *
 * <pre>./mvnw -q -pl bench -am -DskipTests package && java -cp 'bench/target/lib/*:bench/target/classes' io.koubei.bench.StateWriteBench 20000</pre>
 */
public final class StateWriteBench {
    private StateWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("koubei-state-bench");
        FileStateStore store = new FileStateStore(dir);
        StateCollection audit = store.collection("audit");
        String detail = "x".repeat(250);
        int slice = Math.max(1, writes / 10);
        long start = System.nanoTime();
        long sliceStart = start;
        for (int i = 0; i < writes; i++) {
            audit.put(String.format(Locale.ROOT, "e%09d", i), "{\"action\":\"alert.acknowledge\",\"detail\":\"" + detail + "\"}",
                    StateCollection.ABSENT);
            if ((i + 1) % slice == 0) {
                long now = System.nanoTime();
                System.out.printf(Locale.ROOT, "writes %,7d–%,7d: %.2f ms/write%n", i + 2 - slice, i + 1, (now - sliceStart) / 1e6 / slice);
                sliceStart = now;
            }
        }
        System.out.printf(Locale.ROOT, "%,d writes in %.1f s (%.2f ms/write, each forced to disk)%n", writes,
                (System.nanoTime() - start) / 1e9, (System.nanoTime() - start) / 1e6 / writes);
        store.close();
    }
}
