package io.koubei.ingest.api;

import io.koubei.ingest.format.FeedbackJsonCodec;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.JsonLinesReader;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.format.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses an HTTP request body for the import API into the same {@link ParseResult}s, and the same rejection reasons,
 * as file imports; rejections name the source {@code <request>}. Accepted bodies:
 * <ul>
 *   <li>one JSON object (may span several lines) → one result at line 1;</li>
 *   <li>a JSON array of objects → one result per element, at the line where the element starts;</li>
 *   <li>NDJSON (one object per line) → one result per non-blank line; bad lines do not stop the others.</li>
 * </ul>
 * Bodies over {@code maxBodyBytes} are refused as a whole: the caller should answer 413 and suggest NDJSON batches.
 */
public final class FeedbackRequestParser {

    public static final String SOURCE = "<request>";
    public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

    private static final JsonMapper TREE = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** For streaming through arrays: must not look past the current element. */
    private static final JsonMapper STREAM = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final FormatOptions options;
    private final int maxBodyBytes;
    private final FeedbackJsonCodec codec;

    public FeedbackRequestParser() {
        this(FormatOptions.standard(), DEFAULT_MAX_BODY_BYTES);
    }

    public FeedbackRequestParser(FormatOptions options, int maxBodyBytes) {
        this.options = options;
        this.maxBodyBytes = maxBodyBytes;
        this.codec = new FeedbackJsonCodec(options);
    }

    /** The body was larger than allowed; nothing of it was parsed. */
    public static final class BodyTooLargeException extends RuntimeException {
        public BodyTooLargeException(int limit) {
            super(String.format(Locale.ROOT, "the request body exceeds %,d bytes; send NDJSON in several requests, or import a file", limit));
        }
    }

    public List<ParseResult> parse(String body) {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    public List<ParseResult> parse(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        return parse(bytes);
    }

    public List<ParseResult> parse(byte[] body) {
        if (body.length > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        String text = strictUtf8(body);
        if (text != null) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                return List.of(new ParseResult.Invalid(1, List.of(new Rejection(SOURCE, 1, "(json)", "empty body; expected a JSON object, an array of objects or NDJSON"))));
            }
            if (trimmed.startsWith("[")) {
                return parseArray(text);
            }
            JsonNode single = singleValue(text);
            if (single != null) {
                return List.of(codec.decode(text, SOURCE, firstNonBlankLine(text)));
            }
            String firstLine = trimmed.lines().findFirst().orElse("");
            if (singleValue(firstLine) == null) {
                // neither one JSON value nor NDJSON: one precise error beats a rejection per line of a broken object
                return List.of(wholeBodyError(text));
            }
        }
        // NDJSON, or something broken: line by line, so good lines still count and bad ones are named precisely
        List<ParseResult> out = new ArrayList<>();
        try (JsonLinesReader lines = new JsonLinesReader(new ByteArrayInputStream(body), SOURCE, options)) {
            lines.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private List<ParseResult> parseArray(String text) {
        List<ParseResult> out = new ArrayList<>();
        try (JsonParser p = STREAM.createParser(text)) {
            p.nextToken(); // [
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                long line = p.currentTokenLocation().getLineNr();
                JsonNode element = STREAM.readTree(p);
                out.add(codec.decode(STREAM.writeValueAsString(element), SOURCE, line));
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            out.add(new ParseResult.Invalid(line, List.of(new Rejection(SOURCE, line, "(json)",
                    "malformed JSON array: " + e.getOriginalMessage() + "; elements before this point were read"))));
        }
        return out;
    }

    /** The body as one JSON value, or null when it is not exactly one (e.g. NDJSON). */
    private static JsonNode singleValue(String text) {
        try {
            return TREE.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static ParseResult wholeBodyError(String text) {
        try {
            TREE.readTree(text);
            throw new IllegalStateException("expected a parse error");
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String column = e.getLocation() != null && e.getLocation().getColumnNr() > 0 ? " (column " + e.getLocation().getColumnNr() + ")" : "";
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            return new ParseResult.Invalid(line, List.of(new Rejection(SOURCE, line, "(json)",
                    "malformed JSON: " + (nl > 0 ? msg.substring(0, nl) : msg) + column)));
        }
    }

    private static long firstNonBlankLine(String text) {
        long line = 1;
        for (int i = 0; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
