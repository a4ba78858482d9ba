package io.koubei.ingest.connect.webhook;

import io.koubei.ingest.connect.SourceConfig;
import io.koubei.ingest.format.ColumnMapping;
import io.koubei.ingest.format.FormatOptions;
import io.koubei.ingest.format.JsonPayloadMapper;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.format.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A source that is pushed to ({@code type: webhook}): {@code POST /api/v1/hooks/{name}} with a vendor's webhook JSON
 * (Typeform, Formbricks, Chatwoot, Zammad…), mapped with a {@code mapping.yml} whose columns are dotted paths into
 * the JSON ({@link JsonPayloadMapper}). Every request must carry {@code X-Koubei-Signature}: the hex HMAC-SHA256 of
 * the raw body with the source's {@code secret} (a {@code sha256=} prefix is accepted).
 *
 * <p>Settings: {@code secret} (required, {@code ${NAME}}), {@code mapping} (required: a path, relative to the
 * directory of {@code sources.yml}), {@code channel}, {@code product}.
 */
public final class WebhookSource {
    public static final String SIGNATURE_HEADER = "X-Koubei-Signature";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SourceConfig config;
    private final byte[] secret;
    private final JsonPayloadMapper mapper;

    public WebhookSource(SourceConfig config) {
        this(config, FormatOptions.standard());
    }

    public WebhookSource(SourceConfig config, FormatOptions options) {
        this.config = config;
        String s = config.required("secret");
        if (s.length() < 16) {
            throw config.problem("secret", "use at least 16 characters (a random string shared with the sender)");
        }
        this.secret = s.getBytes(StandardCharsets.UTF_8);
        Path base = Path.of(config.file()).toAbsolutePath().getParent();
        Path mappingFile = base.resolve(config.required("mapping"));
        if (!Files.isReadable(mappingFile)) {
            throw config.problem("mapping", "cannot read " + mappingFile);
        }
        try {
            this.mapper = new JsonPayloadMapper(ColumnMapping.load(mappingFile), options);
        } catch (IOException | RuntimeException e) {
            throw config.problem("mapping", mappingFile + ": " + e.getMessage());
        }
    }

    public SourceConfig config() {
        return config;
    }

    /** True when {@code header} is the HMAC-SHA256 of {@code body} with the secret (compared in constant time). */
    public boolean signatureValid(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String given = header.trim().toLowerCase(Locale.ROOT);
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        byte[] expected = HexFormat.of().formatHex(sign(secret, body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body's items (one per object; an array gives several), with this source's name, channel and product set. */
    public List<ParseResult> map(byte[] body) {
        String name = config.name();
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of(new ParseResult.Invalid(1, List.of(new Rejection(name, 1, "(json)", "the body is not JSON: " + e.getOriginalMessage()))));
        }
        if (payload == null || !(payload.isObject() || payload.isArray())) {
            return List.of(new ParseResult.Invalid(1, List.of(new Rejection(name, 1, "(json)", "expected a JSON object or an array of objects"))));
        }
        return mapper.map(payload, name, o -> {
            o.put("source", name);
            if (config.channel() != null) {
                o.put("channel", config.channel().wireName());
            }
            if (config.product() != null) {
                o.put("product", config.product());
            }
        });
    }
}
