package io.koubei.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar run as a separate process, the way a user runs it. */
final class KoubeiProcess implements AutoCloseable {
    private final Process process;
    final int port;
    final Path log;

    private KoubeiProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("koubei.jar", "target/koubei.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("packaged jar not found at " + jar + " (run mvn verify)");
        }
        return jar;
    }

    static ProcessBuilder command(Path dataDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("KOUBEI_DATA_DIR", dataDir.toString());
        pb.environment().put("KOUBEI_API_TOKENS", ApiClient.TEST_TOKEN);
        pb.environment().remove("KOUBEI_STORE");
        pb.environment().remove("KOUBEI_BUS");
        return pb;
    }

    static KoubeiProcess serve(Path dataDir) {
        return serve(dataDir, java.util.Map.of());
    }

    /** With extra environment variables (e.g. {@code KOUBEI_SOURCES_CHECK_INTERVAL}). */
    static KoubeiProcess serve(Path dataDir, java.util.Map<String, String> env) {
        int port = freePort();
        try {
            Path log = Files.createTempFile("koubei-serve", ".log");
            ProcessBuilder pb = command(dataDir, "serve", "--port", String.valueOf(port));
            pb.environment().putAll(env);
            Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            KoubeiProcess k = new KoubeiProcess(p, port, log);
            k.awaitHealthy(Duration.ofSeconds(90));
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    private void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("koubei exited early:\n" + tail());
            }
            try {
                if (api().get("/api/v1/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        throw new IllegalStateException("koubei did not become healthy in " + timeout + ":\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL: no shutdown hooks, no flush, nothing graceful. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
