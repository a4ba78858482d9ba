package io.koubei.store.elasticsearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real single-node Elasticsearch for tests and manual runs, started from the test distribution that the build
 * unpacks (no Docker on our machines). The distribution stays read-only; each node gets its own folder with config,
 * data and logs ({@code ES_PATH_CONF}, {@code path.data}), so several nodes can share one unpacked distribution.
 *
 * <p>Tests use {@link #shared()}: one node per test JVM, started on first use and stopped at JVM exit, so every
 * test class after the first pays nothing. {@link #stop()} and {@link #start()} keep the data, for fault tests.
 *
 * <p>Where things come from: the distribution from the system property {@code koubei.es.distribution} (set by
 * the Maven build; default {@code target/elasticsearch-dist}), the JDK (ES 9 needs 21+) from {@code ES_JAVA_HOME},
 * else the newest JDK 21+ under {@code /usr/lib/jvm}. ES refuses to run as root: as root the node runs as the
 * unprivileged user {@value #SERVICE_USER}, created on first use.
 */
public final class ElasticsearchNode {
    public static final String DISTRIBUTION_PROPERTY = "koubei.es.distribution";
    static final String SERVICE_USER = "koubei-es";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240); // ≈13 s idle, over a minute on a loaded 2-core CI
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static ElasticsearchNode shared;

    private final Path home;
    private final Path nodeDir;
    private final Path javaHome;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private boolean freshData = true;
    private String heap = "512m";

    private ElasticsearchNode(Path home, Path nodeDir, Path javaHome, int port) {
        this.home = home;
        this.nodeDir = nodeDir;
        this.javaHome = javaHome;
        this.port = port;
    }

    /** The node shared by every test of this JVM: started on first call, stopped at JVM exit. */
    public static synchronized ElasticsearchNode shared() {
        if (shared == null) {
            ElasticsearchNode node = create("shared-" + ProcessHandle.current().pid(), freePort());
            removeDeadSharedNodes(node.nodeDir.getParent());
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "elasticsearch-node-stop"));
            node.start();
            shared = node;
        } else if (!shared.isRunning()) {
            shared.start(); // a fault test stopped it and failed before restarting
        }
        return shared;
    }

    /** Folders of shared nodes whose test JVM is gone (killed before its shutdown hook ran): stop and delete them. */
    private static void removeDeadSharedNodes(Path nodesDir) {
        if (!Files.isDirectory(nodesDir)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(nodesDir)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("shared-")).toList()) {
                long owner = Long.parseLong(dir.getFileName().toString().substring("shared-".length()));
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // another test JVM's node, in use
                }
                ElasticsearchNode dead = new ElasticsearchNode(null, dir, null, 0);
                dead.stop();
                deleteRecursively(dir);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not remove old Elasticsearch node folders in " + nodesDir + ": " + e);
        }
    }

    /** A node of its own (not started) in {@code <distribution>/../es-nodes/<name>}. */
    public static ElasticsearchNode create(String name, int port) {
        Path home = distributionHome();
        Path nodeDir = home.getParent().getParent().resolve("es-nodes").resolve(name);
        return new ElasticsearchNode(home, nodeDir, findJavaHome(), port);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path nodeDir() {
        return nodeDir;
    }

    /** Starts the node and waits until it answers {@code /_cluster/health}; data of a previous run is kept. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            prepareNodeDir();
            List<String> cmd = new ArrayList<>();
            boolean root = isRoot();
            if (root) {
                ensureServiceUser();
                run(List.of("chown", "-R", SERVICE_USER + ":" + SERVICE_USER, nodeDir.toString()));
                cmd.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
            }
            cmd.addAll(List.of("env",
                    "ES_JAVA_HOME=" + javaHome,
                    "ES_PATH_CONF=" + nodeDir.resolve("config"),
                    "ES_TMPDIR=" + nodeDir.resolve("tmp"),
                    "ES_JAVA_OPTS=",
                    home.resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile().toString()));
            Path console = nodeDir.resolve("console.log");
            Process launcher = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                    .start();
            if (!launcher.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
                throw new IllegalStateException("Elasticsearch did not start within " + START_TIMEOUT + diagnostics());
            }
            if (launcher.exitValue() != 0) {
                throw new IllegalStateException("Elasticsearch failed to start (exit " + launcher.exitValue() + ")"
                        + diagnostics());
            }
            awaitHealthy();
            System.out.printf("Elasticsearch %s up at %s in %d ms (%s)%n", home.getFileName(), url(),
                    (System.nanoTime() - t0) / 1_000_000, nodeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Elasticsearch in " + nodeDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Elasticsearch", e);
        }
    }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s); its data stays for the next {@link #start()}. */
    public synchronized void stop() {
        pid().flatMap(ProcessHandle::of).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception timeout) {
                p.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // the process is gone; a stale pid file is re-checked on the next start
        }
    }

    public synchronized boolean isRunning() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private Path pidFile() {
        return nodeDir.resolve("elasticsearch.pid");
    }

    private Optional<Long> pid() {
        try {
            return Files.isRegularFile(pidFile())
                    ? Optional.of(Long.parseLong(Files.readString(pidFile()).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void prepareNodeDir() throws IOException {
        if (freshData) {
            stop(); // a node left over by a killed JVM with the same folder
            deleteRecursively(nodeDir);
            freshData = false;
        }
        Path config = nodeDir.resolve("config");
        Files.createDirectories(config.resolve("jvm.options.d"));
        Files.createDirectories(nodeDir.resolve("data"));
        Files.createDirectories(nodeDir.resolve("logs"));
        Files.createDirectories(nodeDir.resolve("tmp"));
        try (Stream<Path> files = Files.walk(home.resolve("config"))) {
            for (Path src : (Iterable<Path>) files::iterator) {
                Path dst = config.resolve(home.resolve("config").relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else if (!Files.exists(dst)) {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
                "cluster.name: koubei-test",
                "node.name: koubei-es",
                "network.host: 127.0.0.1",
                "http.port: " + port,
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "path.data: " + nodeDir.resolve("data"),
                "path.logs: " + nodeDir.resolve("logs"),
                // test disks are often nearly full: never block writes on the disk watermarks
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false",
                ""), StandardCharsets.UTF_8);
        Files.writeString(config.resolve("jvm.options.d/koubei.options"), String.join("\n",
                "-Xms" + heap, "-Xmx" + heap, ""), StandardCharsets.UTF_8);
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=10s"))
                        .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Elasticsearch at " + url() + " not healthy: " + last + diagnostics());
    }

    private String diagnostics() {
        StringBuilder sb = new StringBuilder("\n--- ").append(nodeDir).append(" ---");
        for (Path log : List.of(nodeDir.resolve("console.log"), nodeDir.resolve("logs/koubei-test.log"))) {
            try {
                List<String> lines = Files.readAllLines(log);
                sb.append("\n").append(log.getFileName()).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            } catch (IOException ignored) {
                // not written yet
            }
        }
        return sb.toString();
    }

    /**
     * The unpacked distribution: {@code -Dkoubei.es.distribution}, else {@code target/elasticsearch-dist} of the
     * module under test, else the one the store module unpacked ({@code ../store/target/elasticsearch-dist}, for
     * sibling modules built in the same reactor).
     */
    static Path distributionHome() {
        String configured = System.getProperty(DISTRIBUTION_PROPERTY);
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of("target/elasticsearch-dist"), Path.of("../store/target/elasticsearch-dist"));
        for (Path candidate : candidates) {
            Path dist = candidate.toAbsolutePath().normalize();
            if (Files.isRegularFile(dist.resolve("bin/elasticsearch"))) {
                return dist;
            }
            if (Files.isDirectory(dist)) {
                try (Stream<Path> children = Files.list(dist)) {
                    Optional<Path> home = children.filter(p -> Files.isRegularFile(p.resolve("bin/elasticsearch")))
                            .findFirst();
                    if (home.isPresent()) {
                        return home.get();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no Elasticsearch distribution in " + candidates + " (-D" + DISTRIBUTION_PROPERTY
                + "): the Maven build unpacks org.elasticsearch.distribution.integ-test-zip:elasticsearch there "
                + "before the tests (maven-dependency-plugin unpack, see store/pom.xml)");
    }

    /** ES_JAVA_HOME if set, else the newest JDK with feature version 21+ under /usr/lib/jvm. */
    static Path findJavaHome() {
        String env = System.getenv("ES_JAVA_HOME");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (javaFeatureVersion(p) < 21) {
                throw new IllegalStateException("ES_JAVA_HOME=" + env + " is not a JDK 21+ (Elasticsearch 9 needs one)");
            }
            return p;
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(p -> javaFeatureVersion(p) >= 21)
                    .max(Comparator.comparingInt(ElasticsearchNode::javaFeatureVersion))
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("Elasticsearch 9 needs a JDK 21+: set ES_JAVA_HOME, or install one under "
                    + "/usr/lib/jvm (e.g. apt-get install temurin-25-jdk or openjdk-21-jdk-headless)");
        }
    }

    private static int javaFeatureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin/java"))) {
            return -1;
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
            String feature = v.startsWith("1.") ? v.substring(2).split("\\.")[0] : v.split("[.+-]")[0];
            return Integer.parseInt(feature);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ensureServiceUser() throws IOException, InterruptedException {
        if (new ProcessBuilder("id", "-u", SERVICE_USER).start().waitFor() != 0) {
            // -r: system account without login, -m: a home directory (the ES launcher reads $HOME)
            Process p = new ProcessBuilder("useradd", "-r", "-m", "-s", "/usr/sbin/nologin", SERVICE_USER)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // exit 9: created meanwhile by a parallel test JVM
            if (p.waitFor() != 0 && p.exitValue() != 9) {
                throw new IllegalStateException("cannot create user " + SERVICE_USER + ": " + out);
            }
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /**
     * Manual runs and benchmarks: {@code start [port]} starts a node in {@code es-nodes/<ES_NODE_NAME or manual>}
     * and leaves it running (heap {@code ES_HEAP}, default 512m); {@code stop} stops it; {@code clean} stops it and
     * deletes its data; {@code pid} prints its process id. See {@code store/scripts/es-node.sh}.
     */
    public static void main(String[] args) throws IOException {
        String cmd = args.length > 0 ? args[0] : "start";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9200;
        String name = System.getenv().getOrDefault("ES_NODE_NAME", "manual");
        ElasticsearchNode node = create(name, port);
        node.freshData = false; // keep data between manual runs
        String heap = System.getenv("ES_HEAP");
        if (heap != null && !heap.isBlank()) {
            node.heap = heap.trim();
        }
        switch (cmd) {
            case "start" -> {
                node.start();
                System.out.println(node.url());
            }
            case "stop" -> node.stop();
            case "clean" -> {
                node.stop();
                deleteRecursively(node.nodeDir);
            }
            case "pid" -> System.out.println(node.pid().map(String::valueOf).orElse(""));
            case "status" -> System.out.println(node.isRunning() ? "running (" + node.nodeDir + ")" : "stopped");
            default -> throw new IllegalArgumentException("usage: start [port] | stop | clean | pid | status");
        }
    }
}
