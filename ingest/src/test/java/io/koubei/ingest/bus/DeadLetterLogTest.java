package io.koubei.ingest.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.bus.DeadLetter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterLogTest {
    @TempDir
    Path dir;

    @Test
    void erasedEntriesLeaveTheFileAndMemoryAndStayGoneAfterReopening() throws Exception {
        try (DeadLetterLog log = new DeadLetterLog(dir, 10)) {
            for (String id : new String[] {"weibo:1", "weibo:2", "weibo:3"}) {
                log.append(new DeadLetter(id, "{\"source\":\"weibo\",\"externalId\":\"" + id + "\"}", "analysis failed", Instant.EPOCH));
            }
            assertThat(log.erase(d -> "weibo:2".equals(d.itemId()))).isEqualTo(1);
            assertThat(log.count()).isEqualTo(2);
            assertThat(log.recent(10)).extracting(DeadLetter::itemId).containsExactly("weibo:3", "weibo:1");
            log.append(new DeadLetter("weibo:4", "{}", "later", Instant.EPOCH)); // appends after the rewrite
        }
        assertThat(Files.readString(dir.resolve(DeadLetterLog.FILE_NAME))).doesNotContain("weibo:2");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DeadLetterLog.FILE_NAME))))
                .as("raw payloads are personal data: owner-only").isEqualTo("rw-------");
        try (DeadLetterLog reopened = new DeadLetterLog(dir, 10)) {
            assertThat(reopened.count()).isEqualTo(3);
            assertThat(reopened.recent(10)).extracting(DeadLetter::itemId).containsExactly("weibo:4", "weibo:3", "weibo:1");
        }
    }

    @Test
    void aLineHalfWrittenBeforeACrashIsClosedSoTheNextEntryStandsAlone() throws Exception {
        Files.writeString(dir.resolve(DeadLetterLog.FILE_NAME), "{\"itemId\":\"a\",\"payload\":\"{}\",\"error\":\"x\",\"at\":\"1970-01-01T00:00:00Z\"}\n{\"itemId\":\"b\",\"pay");
        try (DeadLetterLog log = new DeadLetterLog(dir, 10)) {
            log.append(new DeadLetter("c", "{}", "y", Instant.EPOCH));
        }
        try (DeadLetterLog reopened = new DeadLetterLog(dir, 10)) {
            assertThat(reopened.recent(10)).extracting(DeadLetter::itemId).contains("c", "a");
        }
    }

    /** A personal-data export finds every dead letter in the file, not only those still kept in memory. */
    @Test
    void findReadsTheWholeFileNotOnlyWhatIsKeptInMemory() throws Exception {
        try (DeadLetterLog log = new DeadLetterLog(dir, 1)) {
            for (String id : new String[] {"weibo:1", "forum:2", "weibo:3"}) {
                log.append(new DeadLetter(id, "{}", "analysis failed", Instant.EPOCH));
            }
            assertThat(log.recent(10)).hasSize(1);
            assertThat(log.find(d -> d.itemId().startsWith("weibo:"))).extracting(DeadLetter::itemId)
                    .containsExactly("weibo:1", "weibo:3");
        }
    }
}
