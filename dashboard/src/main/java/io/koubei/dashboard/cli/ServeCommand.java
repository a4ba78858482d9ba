package io.koubei.dashboard.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the dashboard, API and workers (http://localhost:8080 by default).")
public class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Option(names = "--demo", description = "Load the demo dataset in the background when the store is empty.")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default 8080, or $PORT).")
    Integer port;

    @Option(names = "--data-dir", description = "Data directory (default ./data, or $KOUBEI_DATA_DIR).")
    Path dataDir;

    public static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        Map<String, Object> props = new HashMap<>();
        if (port != null) {
            props.put("server.port", port);
        }
        props.put("koubei.demo.load-on-start", demo);
        if (demo) {
            props.put("koubei.security.demo-user", true);
            // the demo's phone and its competitor, unless the deployment says otherwise
            if (System.getenv("KOUBEI_SIGNALS_OUR_PRODUCTS") == null) {
                props.put("koubei.signals.our-products", "nova-x1");
                props.put("koubei.signals.competitors", "rival-r9");
            }
        }
        serving = true;
        SpringLauncher.start(true, dataDir, props);
        return 0;
    }
}
