package io.koubei.dashboard.sources;

import io.koubei.ingest.connect.SyncResult;
import io.koubei.ingest.connect.webhook.WebhookSource;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/hooks/{sourceName}}: a vendor's webhook JSON for a {@code type: webhook} source of
 * {@code sources.yml}, mapped with its {@code mapping.yml}. No sign-in: the request must carry
 * {@code X-Koubei-Signature}, the hex HMAC-SHA256 of the body with the source's secret (else 401). Answers 200 with
 * the counts and every rejection (422 when nothing landed), 404 for an unknown source, 413 over 1 MiB.
 */
@RestController
public class HooksController {
    static final int MAX_BODY = 1024 * 1024;
    private final SourcesService sources;

    public HooksController(SourcesService sources) {
        this.sources = sources;
    }

    @PostMapping("/api/v1/hooks/{sourceName}")
    public ResponseEntity<Map<String, Object>> receive(@PathVariable String sourceName,
            @RequestHeader(value = WebhookSource.SIGNATURE_HEADER, required = false) String signature,
            HttpServletRequest request) throws IOException {
        Optional<WebhookSource> hook;
        try {
            hook = sources.webhook(sourceName);
        } catch (RuntimeException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "sources.yml cannot be used: " + e.getMessage()));
        }
        if (hook.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no webhook source named '" + sourceName + "' in sources.yml"));
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", "the body exceeds 1 MiB"));
        }
        if (!hook.get().signatureValid(body, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", WebhookSource.SIGNATURE_HEADER
                    + " missing or wrong: send the hex HMAC-SHA256 of the raw body, keyed with the source's secret"));
        }
        SyncResult r = sources.receive(hook.get(), body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", r.source());
        out.put("received", r.fetched());
        out.put("created", r.created());
        out.put("updated", r.updated());
        out.put("rejected", r.rejected());
        out.put("warnings", r.warnings());
        out.put("problems", r.problems());
        if (r.error() != null) {
            out.put("error", r.error());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(out);
        }
        boolean nothing = r.fetched() > 0 && r.rejected() == r.fetched();
        return ResponseEntity.status(nothing ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).body(out);
    }
}
