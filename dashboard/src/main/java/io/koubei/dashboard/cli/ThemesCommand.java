package io.koubei.dashboard.cli;

import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.QueryService;
import io.koubei.dashboard.themes.ThemeService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code koubei themes}: the discovered themes of the stored feedback, as JSON (the same as GET /api/v1/themes). */
@Command(name = "themes", mixinStandardHelpOptions = true,
        description = "Themes discovered in the stored feedback (opinion targets the taxonomy may not know): volume, "
                + "negative share, weekly trend, first week seen, representative quotes (masked), taxonomy link. JSON.")
public class ThemesCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--from", description = "First day, e.g. 2026-09-01.")
    String from;

    @Option(names = "--to", description = "Last day, e.g. 2026-11-30.")
    String to;

    @Option(names = "--week", description = "Only this ISO week, e.g. 2026-W47.")
    String week;

    @Option(names = "--product", description = "Only this product.")
    String product;

    @Option(names = "--hidden", description = "Include the themes the team hid.")
    boolean hidden;

    @Option(names = "--limit", defaultValue = "30", description = "At most this many themes (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--data-dir", description = "Data directory (default ./data, or $KOUBEI_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "from", from);
        put(params, "to", to);
        put(params, "week", week);
        put(params, "product", product);
        try (var ctx = SpringLauncher.start(false, dataDir, Map.of("koubei.report.cron", ""))) {
            QueryService queries = ctx.getBean(QueryService.class);
            ThemeService themes = ctx.getBean(ThemeService.class);
            List<ThemeService.ThemeView> list = themes.list(queries.filter(FilterParams.of(params)), hidden);
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list.subList(0, Math.min(limit, list.size()))));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, List.of(value));
        }
    }
}
