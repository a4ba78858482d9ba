package io.koubei.dashboard.access;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tokens}: admins create (the secret is in the answer, once), list and revoke API tokens. Creating
 * and revoking are in the access table; listing is checked here, since reads are otherwise open to every role.
 */
@RestController
public class ApiTokenController {
    private final ApiTokens tokens;

    public ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public record CreateRequest(String name, String scope) {
    }

    @PostMapping("/api/v1/tokens")
    public ResponseEntity<?> create(@RequestBody CreateRequest request, Authentication auth) {
        try {
            ApiTokens.Scope scope = ApiTokens.Scope.of(request.scope() == null ? "" : request.scope());
            return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(request.name(), scope, auth.getName()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }

    @GetMapping("/api/v1/tokens")
    public ResponseEntity<?> list(Authentication auth) {
        if (!AdminOnly.isAdmin(auth)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "API tokens are managed by admins"));
        }
        return ResponseEntity.ok(Map.of("tokens", tokens.list()));
    }

    @PostMapping("/api/v1/tokens/{id}/revoke")
    public ResponseEntity<?> revoke(@PathVariable String id, Authentication auth) {
        return tokens.revoke(id, auth.getName()) ? ResponseEntity.ok(Map.of("revoked", id))
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no API token " + id));
    }
}
