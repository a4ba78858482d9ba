package io.koubei.dashboard.themes;

import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.QueryService;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Discovered themes: {@code GET /api/v1/themes?from=&to=&product=} (any filter of the search API), and the team's
 * edits: {@code POST /api/v1/themes/{id}} ({@code name}, {@code hidden}, {@code aspect} to promote it into the
 * taxonomy) and {@code POST /api/v1/themes/{id}/merge} ({@code into}).
 */
@RestController
@RequestMapping("/api/v1/themes")
public class ThemeController {
    private final ThemeService themes;
    private final QueryService queries;

    public ThemeController(ThemeService themes, QueryService queries) {
        this.themes = themes;
        this.queries = queries;
    }

    @GetMapping
    public List<ThemeService.ThemeView> list(@RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "false") boolean hidden) {
        return themes.list(queries.filter(FilterParams.of(params)), hidden);
    }

    /** A change to a theme; absent fields stay as they are. */
    public record Change(String name, Boolean hidden, String aspect) {
    }

    @PostMapping("/{id}")
    public Map<String, Object> change(@PathVariable String id, @RequestBody Change change) {
        themes.change(id, change.name(), change.hidden(), change.aspect());
        return Map.of("id", id, "changed", true);
    }

    public record Merge(String into) {
    }

    @PostMapping("/{id}/merge")
    public Map<String, Object> merge(@PathVariable String id, @RequestBody Merge merge) {
        return Map.of("id", id, "mergedInto", themes.merge(id, merge.into()));
    }
}
