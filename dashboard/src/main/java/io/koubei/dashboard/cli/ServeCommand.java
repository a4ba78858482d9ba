package io.koubei.dashboard.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

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

    @Option(names = "--bind", description = "Address to listen on (default: every interface, or $SERVER_ADDRESS;"
            + " with --demo 127.0.0.1, since the demo account demo/demo signs in).")
    String bind;

    /**
     * Any configuration property as {@code --name=value} (docs/configuration.md: it wins over the environment and the
     * defaults), e.g. {@code --server.address=127.0.0.1} or {@code --koubei.signals.cron=}.
     */
    @Unmatched
    java.util.List<String> propertyArgs = new java.util.ArrayList<>();

    private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("--([a-zA-Z][a-zA-Z0-9._\\[\\]-]*)=(.*)",
            java.util.regex.Pattern.DOTALL);

    public static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        Map<String, Object> props;
        try {
            props = properties(System.getenv(), System.getProperty("server.address"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (demo && "127.0.0.1".equals(props.get("server.address")) && bind == null) {
            System.out.println("koubei serve --demo listens on 127.0.0.1 only (the demo account demo/demo signs in);"
                    + " --bind 0.0.0.0 or SERVER_ADDRESS opens it to the network");
        }
        serving = true;
        SpringLauncher.start(true, dataDir, props);
        return 0;
    }

    /** The properties this command sets, given the environment and a -Dserver.address if any. */
    Map<String, Object> properties(Map<String, String> env, String systemAddress) {
        Map<String, Object> props = new java.util.LinkedHashMap<>();
        for (String a : propertyArgs) {
            java.util.regex.Matcher m = PROPERTY.matcher(a);
            if (!m.matches()) {
                throw new IllegalArgumentException("Unknown option: '" + a + "' (configuration properties are given as --name=value)");
            }
            props.put(m.group(1), m.group(2));
        }
        if (port != null) {
            props.put("server.port", port);
        }
        if (bind != null) {
            props.put("server.address", bind);
        } else if (demo && env.get("SERVER_ADDRESS") == null && systemAddress == null && !props.containsKey("server.address")) {
            props.put("server.address", "127.0.0.1"); // a demo with a known password is not for the network
        }
        props.put("koubei.demo.load-on-start", demo);
        if (demo) {
            props.put("koubei.security.demo-user", true);
            // the demo's phone and its competitor, unless the deployment says otherwise
            if (env.get("KOUBEI_SIGNALS_OUR_PRODUCTS") == null) {
                props.put("koubei.signals.our-products", "nova-x1");
                props.put("koubei.signals.competitors", "rival-r9");
            }
        }
        return props;
    }
}
