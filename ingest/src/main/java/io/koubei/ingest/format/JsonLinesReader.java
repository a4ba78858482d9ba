package io.koubei.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads JSON Lines: one v1 object per line; blank lines are skipped. Each line is decoded and parsed on its own. */
public final class JsonLinesReader extends LookAheadReader {

    private final String name;
    private final StrictLineReader lines;
    private final RecordDecoder decoder;

    private final Charset encoding;

    /** Detects the encoding unless {@code options} name one (see {@link FormatOptions#charset()}). */
    public JsonLinesReader(InputStream in, String name, FormatOptions options) throws IOException {
        this.name = name;
        DetectedInput input = DetectedInput.open(in, options.charset());
        this.encoding = input.encoding();
        this.lines = new StrictLineReader(input.stream(), options.maxLineBytes(), input.charset());
        this.decoder = new RecordDecoder(options, V1Json.MAPPER);
    }

    @Override
    public Charset encoding() {
        return encoding;
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    protected ParseResult readNext() {
        try {
            StrictLineReader.Line line;
            while ((line = lines.next()) != null) {
                if (!line.ok()) {
                    return rejected(line.number(), "(encoding)", line.error());
                }
                if (!line.text().isBlank()) {
                    return parseLine(line.text(), line.number());
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ParseResult parseLine(String text, long number) {
        JsonNode node;
        try {
            node = V1Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return rejected(number, "(json)", describe(e, text));
        }
        if (node.isArray()) {
            return rejected(number, "(json)", "a JSON array; JSON Lines needs one object per line");
        }
        return decoder.decode(node, name, number);
    }

    static String describe(JacksonException e, String text) {
        String msg = e.getOriginalMessage();
        if (msg != null) {
            int nl = msg.indexOf('\n');
            msg = nl > 0 ? msg.substring(0, nl) : msg;
        }
        String where = e.getLocation() != null && e.getLocation().getColumnNr() > 0
                ? " (column " + e.getLocation().getColumnNr() + ")" : "";
        return "malformed JSON: " + msg + where;
    }

    private ParseResult rejected(long number, String field, String reason) {
        return new ParseResult.Invalid(number, List.of(new Rejection(name, number, field, reason)));
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
