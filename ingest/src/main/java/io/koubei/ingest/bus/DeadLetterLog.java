package io.koubei.ingest.bus;

import io.koubei.core.bus.DeadLetter;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.ingest.format.FeedbackJsonCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dead-letter queue of the in-process bus: every entry is appended (and flushed) to
 * {@code <dir>/dead-letters.jsonl} so it survives a restart and can be replayed, and the most recent ones are kept in
 * memory for the health endpoint and the UI. One JSON object per line: {@code at, itemId, error, payload}.
 *
 * <p>An entry is durable (written and forced to disk) before {@link #append} returns; when it cannot be, append
 * throws {@link UncheckedIOException} and cuts the file back to its last whole line, so that the caller does not
 * acknowledge an item that is neither stored nor dead-lettered (a full disk must never turn into a silent loss).
 */
public final class DeadLetterLog implements AutoCloseable {

    public static final String FILE_NAME = "dead-letters.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final int keep;
    private final Deque<DeadLetter> recent = new ArrayDeque<>();
    private final FileChannel channel;
    private long count;
    private String writeError;

    /** Opens (creating) the directory and reads the existing file's count and most recent entries. */
    public DeadLetterLog(Path dir, int keep) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve(FILE_NAME);
        this.keep = keep;
        if (Files.exists(file)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        count++;
                        remember(parse(line));
                    }
                }
            }
        }
        java.util.Set<StandardOpenOption> options = java.util.EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        // raw payloads carry personal data: owner-only, where the file system has POSIX permissions
        this.channel = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(file, options, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(file, options);
        long size = channel.size();
        if (size > 0 && !endsWithNewline(size)) {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size); // close a line half-written before a crash
        }
    }

    private boolean endsWithNewline(long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    public Path file() {
        return file;
    }

    /**
     * Appends and forces the entry to disk.
     *
     * @throws UncheckedIOException when it could not be made durable; nothing of it is then left in the file
     */
    public synchronized void append(DeadLetter letter) {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", letter.at().toString());
        o.put("itemId", letter.itemId());
        o.put("error", letter.error());
        o.put("payload", letter.payload());
        byte[] line = (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        long end = -1;
        try {
            end = channel.size();
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long at = end;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.force(false);
            writeError = null;
        } catch (IOException e) {
            writeError = "cannot append to " + file + ": " + e.getMessage();
            truncateQuietly(end);
            throw new UncheckedIOException("the dead letter for " + letter.itemId() + " could not be written to " + file
                    + " (" + e.getMessage() + "); the item was not acknowledged", e);
        }
        count++;
        remember(letter);
    }

    private void truncateQuietly(long size) {
        if (size < 0) {
            return;
        }
        try {
            channel.truncate(size);
        } catch (IOException ignored) {
            // the reader skips an unreadable last line; the caller already knows the append failed
        }
    }

    /** Every entry in the file that {@code match} accepts, oldest first: all of them, not only those kept in memory. */
    public synchronized List<DeadLetter> find(java.util.function.Predicate<DeadLetter> match) {
        List<DeadLetter> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    DeadLetter d = parse(line);
                    if (match.test(d)) {
                        out.add(d);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Removes every entry that {@code erase} matches, from the file (rewritten in place, then forced) and from
     * memory: personal data erased on request must not stay behind in the dead letters.
     *
     * @return how many entries were removed
     */
    public synchronized long erase(java.util.function.Predicate<DeadLetter> erase) {
        List<String> keep = new ArrayList<>();
        long removed = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                if (erase.test(parse(line))) {
                    removed++;
                } else {
                    keep.add(line);
                }
            }
            if (removed == 0) {
                return 0;
            }
            byte[] rest = keep.isEmpty() ? new byte[0] : (String.join("\n", keep) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            ByteBuffer buffer = ByteBuffer.wrap(rest);
            long at = 0;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot erase entries from " + file + ": " + e.getMessage(), e);
        }
        recent.removeIf(erase);
        count -= removed;
        return removed;
    }

    /** Most recent first. */
    public synchronized List<DeadLetter> recent(int limit) {
        List<DeadLetter> out = new ArrayList<>(Math.min(limit, recent.size()));
        var it = recent.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next());
        }
        return out;
    }

    public synchronized long count() {
        return count;
    }

    /** Null when the last write succeeded. */
    public synchronized String writeError() {
        return writeError;
    }

    private void remember(DeadLetter letter) {
        recent.addLast(letter);
        while (recent.size() > keep) {
            recent.removeFirst();
        }
    }

    /**
     * The items in a dead-letter file whose payload is a valid format v1 item, in file order, for replaying them
     * (e.g. publish again after fixing the analyzer). Entries without a readable payload are skipped; compare the
     * result's size with the file's line count to see how many.
     */
    public static List<FeedbackItem> replayableItems(Path file) throws IOException {
        FeedbackJsonCodec codec = new FeedbackJsonCodec();
        List<FeedbackItem> items = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                DeadLetter d = parse(line);
                if (d.payload() != null) {
                    try {
                        items.add(codec.fromJson(d.payload()));
                    } catch (IllegalArgumentException e) {
                        // not an item (e.g. a raw Kafka record that never parsed): stays in the file for a human
                    }
                }
            }
        }
        return items;
    }

    private static DeadLetter parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return new DeadLetter(text(n, "itemId"), text(n, "payload"), text(n, "error"),
                    n.hasNonNull("at") ? Instant.parse(n.get("at").asString()) : null);
        } catch (RuntimeException e) {
            return new DeadLetter(null, line, "unreadable dead-letter line: " + e.getMessage(), null);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asString() : null;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
