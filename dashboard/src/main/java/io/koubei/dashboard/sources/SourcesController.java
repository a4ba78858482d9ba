package io.koubei.dashboard.sources;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/sources}: every source of {@code sources.yml} with its cursor, last run, counts of the last run
 * (fetched, new, updated, rejected, warnings), last error, failures in a row and whether it is down; {@code error}
 * holds the file's problem when it cannot be read. No connector setting is shown (they may hold secrets).
 */
@RestController
public class SourcesController {
    private final SourcesService sources;

    public SourcesController(SourcesService sources) {
        this.sources = sources;
    }

    @GetMapping("/api/v1/sources")
    public SourcesService.Overview list() {
        return sources.overview();
    }
}
