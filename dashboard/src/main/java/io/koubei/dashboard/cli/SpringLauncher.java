package io.koubei.dashboard.cli;

import io.koubei.dashboard.KoubeiApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context for a command: with the web server (serve) or without (import, report…). */
public final class SpringLauncher {
    private SpringLauncher() {
    }

    public static ConfigurableApplicationContext start(boolean web, Path dataDir, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (!web) {
            // only `serve` runs scheduled work: an import crossing the hour must not run the hourly scan (it judged
            // the empty weeks after the imported history as silent), nor take the lease from a running server
            props.put("koubei.scheduled-work", "false");
            // a command that cannot start (a data directory in use, a store that is down) says so in one sentence
            // (KoubeiMain, ImportCommand), not as Spring's failure report with its stack trace
            props.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
            props.put("logging.level.org.springframework.boot.diagnostics", "OFF");
        }
        props.putAll(extra);
        if (dataDir != null) {
            props.put("koubei.data-dir", dataDir.toString());
        }
        // Passed as command-line arguments: they must win over application.properties and the environment.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(KoubeiApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .logStartupInfo(web)
                .run(args);
    }
}
