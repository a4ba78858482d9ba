package io.koubei.dashboard.sentiment;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sentiment model in use, the stored versions, self-training and roll-back (admins change; viewers read). */
@RestController
@RequestMapping("/api/v1/models/sentiment")
public class SentimentModelController {
    private final SentimentModels models;

    public SentimentModelController(SentimentModels models) {
        this.models = models;
    }

    @GetMapping
    public Map<String, Object> status() {
        return models.status();
    }

    /** Self-trains in the background from the platform's own rated and unrated feedback: 202, or 409 when a run is going. */
    @PostMapping("/train")
    public ResponseEntity<Map<String, Object>> train() {
        boolean started = models.trainInBackground();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
                .body(Map.of("started", started, "status", "/api/v1/models/sentiment"));
    }

    /** Activates a stored version, or {@code builtin} for the rules alone. */
    @PostMapping("/activate")
    public Map<String, Object> activate(@RequestParam String version) {
        models.activate(version);
        return models.status();
    }
}
