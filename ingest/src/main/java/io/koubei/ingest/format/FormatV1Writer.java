package io.koubei.ingest.format;

import io.koubei.core.feedback.FeedbackItem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes items as format v1 JSON Lines (UTF-8, {@code \n}), readable back by {@link JsonLinesReader} into equal items. */
public final class FormatV1Writer implements AutoCloseable {

    private final Writer out;
    private final FeedbackJsonCodec codec = new FeedbackJsonCodec();
    private long written;

    public FormatV1Writer(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    public FormatV1Writer(Writer out) {
        this.out = out;
    }

    public static FormatV1Writer create(Path file) throws IOException {
        return new FormatV1Writer(Files.newOutputStream(file));
    }

    /** Writes every item to a new file (replacing it), returning how many were written. */
    public static long writeAll(Path file, Iterable<FeedbackItem> items) throws IOException {
        try (FormatV1Writer w = create(file)) {
            for (FeedbackItem item : items) {
                w.write(item);
            }
            return w.written();
        }
    }

    public void write(FeedbackItem item) throws IOException {
        out.write(codec.toJson(item));
        out.write('\n');
        written++;
    }

    public long written() {
        return written;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
