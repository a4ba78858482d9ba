package io.koubei.dashboard.access;

import io.koubei.core.state.StateStore;
import io.koubei.dashboard.platform.state.TypedCollection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API tokens that admins manage: named, scoped ({@code read}, {@code ingest}, {@code admin}), stored only as a
 * SHA-256 hash in the state store (shared by every node), revocable, with the time each was last used. A token reads
 * {@code kb_<id>_<secret>}: the id finds the record, the secret is compared by hash in constant time. The secret is
 * shown once, when the token is created.
 */
public final class ApiTokens {
    /** What a token may do: the role it signs in with. */
    public enum Scope {
        READ(Role.VIEWER), INGEST(Role.INGEST), ADMIN(Role.ADMIN);

        final Role role;

        Scope(Role role) {
            this.role = role;
        }

        public static Scope of(String s) {
            try {
                return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("scope: expected read, ingest or admin, got '" + s + "'");
            }
        }
    }

    /** A token as stored: never the secret, only its hash. */
    public record Token(String id, String name, Scope scope, String hash, Instant createdAt, String createdBy,
            Instant lastUsedAt, Instant revokedAt, String revokedBy) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A token as listed: what it is, never the secret or its hash. */
    public record Listed(String id, String name, String scope, Instant createdAt, String createdBy, Instant lastUsedAt,
            Instant revokedAt, String revokedBy) {
    }

    /** A new token: its record, and the secret to hand over once. */
    public record Created(Listed token, String secret) {
    }

    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final TypedCollection<Token> tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

    public ApiTokens(StateStore state, Clock clock) {
        this.tokens = new TypedCollection<>(state.collection("api-tokens"), Token.class);
        this.clock = clock;
    }

    public Created create(String name, Scope scope, String actor) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 64) {
            throw new IllegalArgumentException("name: 1 to 64 characters, e.g. zendesk-connector");
        }
        byte[] idBytes = new byte[6];
        byte[] secretBytes = new byte[24];
        random.nextBytes(idBytes);
        random.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes).replace('_', 'x');
        Token t = new Token(id, n, scope, hash(secret), clock.instant(), actor, null, null, null);
        tokens.put(id, t);
        return new Created(listed(t), "kb_" + id + "_" + secret);
    }

    public List<Listed> list() {
        return tokens.all().stream().sorted(Comparator.comparing(Token::createdAt)).map(ApiTokens::listed).toList();
    }

    /** Revokes at once on every node; false when there is no such token. */
    public boolean revoke(String id, String actor) {
        return tokens.update(id, t -> t == null ? null : t.active() ? new Token(t.id(), t.name(), t.scope(), t.hash(),
                t.createdAt(), t.createdBy(), t.lastUsedAt(), clock.instant(), actor) : t).isPresent();
    }

    /** The active token this bearer value names, if any; records its use (at most once a minute per token). */
    public Optional<Token> authenticate(String bearer) {
        if (bearer == null || !bearer.startsWith("kb_")) {
            return Optional.empty();
        }
        int sep = bearer.indexOf('_', 3);
        if (sep < 0) {
            return Optional.empty();
        }
        String id = bearer.substring(3, sep);
        String secret = bearer.substring(sep + 1);
        Optional<Token> found = tokens.get(id).filter(Token::active)
                .filter(t -> MessageDigest.isEqual(t.hash().getBytes(StandardCharsets.US_ASCII), hash(secret).getBytes(StandardCharsets.US_ASCII)));
        found.ifPresent(this::recordUse);
        return found;
    }

    private void recordUse(Token t) {
        Instant now = clock.instant();
        Instant last = lastRecorded.get(t.id());
        if (last != null && Duration.between(last, now).compareTo(LAST_USED_RESOLUTION) < 0) {
            return;
        }
        lastRecorded.put(t.id(), now);
        tokens.update(t.id(), x -> x == null ? null : new Token(x.id(), x.name(), x.scope(), x.hash(), x.createdAt(),
                x.createdBy(), now, x.revokedAt(), x.revokedBy()));
    }

    static boolean looksManaged(String bearer) {
        return bearer.startsWith("kb_");
    }

    private static Listed listed(Token t) {
        return new Listed(t.id(), t.name(), t.scope().name().toLowerCase(java.util.Locale.ROOT), t.createdAt(), t.createdBy(),
                t.lastUsedAt(), t.revokedAt(), t.revokedBy());
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
