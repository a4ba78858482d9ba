package io.koubei.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON file of foreign records — one JSON array of objects (what crawlers such as MediaCrawler write), or one
 * object per line — and maps each with a {@link ColumnMapping} as {@link JsonPayloadMapper} does: every leaf is a
 * column named by its dotted path. Streams element by element; line numbers are where each object starts. Malformed
 * JSON ends the file with one rejection naming the line.
 */
public final class MappedJsonReader extends LookAheadReader {

    /** Like the v1 mapper (duplicate keys are errors), but reading one element of a longer document at a time. */
    private static final tools.jackson.databind.json.JsonMapper ELEMENTS = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String name;
    private final InputStream in;
    private final JsonParser parser;
    private final JsonPayloadMapper mapper;
    private boolean inArray;
    private boolean done;

    public MappedJsonReader(InputStream in, String name, ColumnMapping mapping, FormatOptions options) {
        this.name = name;
        this.in = in;
        this.mapper = new JsonPayloadMapper(mapping, options);
        this.parser = ELEMENTS.createParser(in);
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    protected ParseResult readNext() {
        if (done) {
            return null;
        }
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.START_ARRAY && !inArray) {
                inArray = true;
                t = parser.nextToken();
            }
            if (t == null || (inArray && t == JsonToken.END_ARRAY)) {
                done = true;
                return null;
            }
            line = parser.currentTokenLocation().getLineNr();
            JsonNode node = ELEMENTS.readTree(parser);
            return mapper.mapRecord(node, name, line);
        } catch (JacksonException e) {
            done = true;
            long at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : line;
            return new ParseResult.Invalid(at, java.util.List.of(new Rejection(name, at, "(json)",
                    "malformed JSON: " + e.getOriginalMessage() + "; the rest of the file could not be read")));
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
        in.close();
    }
}
