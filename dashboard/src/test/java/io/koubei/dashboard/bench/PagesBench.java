package io.koubei.dashboard.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every page a user opens (overview, cross-check, core/mass, alerts, speed, report) and its main API endpoint, over
 * HTTP against the packaged application on an embedded store of about a million items (not a test: a command, see
 * docs/performance.md "Pages at 1M items").
 *
 * <ol>
 *   <li>Fill: as {@link HttpReadBench} (the demo world at the scale that gives that many items, analysed, written
 *       straight into the Lucene index), skipped when the data directory already holds them.</li>
 *   <li>Detectors, once per data directory: {@code POST /api/v1/signals/scan} for the last {@code scanWeeks} weeks
 *       with data, oldest first, so that alerts/incidents, core/mass segments and astroturf flags exist; a marker
 *       file records it, later runs reuse the result (alerts live in the data directory's state).</li>
 *   <li>Cold: for each page a freshly started server, signed in, and the page's first request.</li>
 *   <li>Warm: one server; per target a warm-up with other filters, then up to {@code warm} requests with varied
 *       filters (each target stops early after {@code budgetSeconds}); wall-clock p50/p95/max and the server's CPU
 *       per request.</li>
 * </ol>
 *
 * Pages are read signed in through the sign-in form (session cookie, as a browser does); API endpoints with a bearer
 * token. Usage: {@code PagesBench <dataDir> [items=1000000] [warm=100] [port=8283] [jar=dashboard/target/koubei.jar]
 * [scanWeeks=4] [budgetSeconds=120] [only=comma-separated target names]}
 */
public final class PagesBench {
    private static final String TOKEN = "bench-token-0123456789";
    private static final String[] CHANNELS = {"community", "social", "review", "survey", "ticket"};
    private static final String[] ASPECTS = {"battery", "screen", "camera", "heat", "service", "system", "price", "signal"};
    private static final String[] PRODUCTS = {"nova-x1", "rival-r9"};
    private static final String[] STATUSES = {"open", "acknowledged", "resolved"};
    private static final String[] SEVERITIES = {"critical", "warning", "info"};

    private PagesBench() {
    }

    /** One thing measured: a page or an API endpoint, and the varied query string of request i. */
    record Target(String name, boolean page, BiFunction<Integer, List<String>, String> path) {
    }

    static List<Target> targets() {
        List<Target> t = new ArrayList<>();
        t.add(new Target("overview page /", true, (i, w) -> "/?" + overviewFilter(i, w)));
        t.add(new Target("GET /api/v1/overview", false, (i, w) -> "/api/v1/overview?" + overviewFilter(i, w)));
        t.add(new Target("cross-check page /crosscheck", true, (i, w) -> "/crosscheck?" + weeklyFilter(i, w)));
        t.add(new Target("GET /api/v1/crosscheck", false, (i, w) -> "/api/v1/crosscheck?" + weekProduct(i, w)));
        t.add(new Target("core/mass page /users", true, (i, w) -> "/users?" + weeklyFilter(i, w)));
        t.add(new Target("alerts page /alerts", true, (i, w) -> "/alerts?" + alertFilter(i, w)));
        t.add(new Target("GET /api/v1/alerts", false, (i, w) -> "/api/v1/alerts?" + alertFilter(i, w)));
        t.add(new Target("speed page /speed", true, (i, w) -> "/speed?" + speedFilter(i, w)));
        t.add(new Target("GET /api/v1/speed/metrics", false, (i, w) -> "/api/v1/speed/metrics?" + speedFilter(i, w)));
        t.add(new Target("reports page /reports", true, (i, w) -> "/reports"));
        t.add(new Target("weekly report /reports/weekly (HTML)", true, (i, w) -> "/reports/weekly?" + reportFilter(i, w)));
        return t;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        long items = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 8283;
        Path jar = Path.of(args.length > 4 ? args[4] : "dashboard/target/koubei.jar");
        int scanWeeks = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        int budget = args.length > 6 ? Integer.parseInt(args[6]) : 120;
        List<String> only = args.length > 7 ? List.of(args[7].split(",")) : List.of();
        List<Target> targets = targets().stream()
                .filter(t -> only.isEmpty() || only.stream().anyMatch(o -> t.name().contains(o))).toList();

        long stored = HttpReadBench.fill(dataDir, items);
        System.out.printf(Locale.ROOT, "items in the store: %,d%n", stored);
        detectorsOnce(dataDir, jar, port, scanWeeks);
        System.out.println("load average before: " + HttpReadBench.loadAverage());

        boolean cold = !"warm".equals(System.getProperty("pages.phases"));
        boolean warmPhase = !"cold".equals(System.getProperty("pages.phases"));
        System.out.println("\n## cold: the page's first request after a start (signed in first)");
        System.out.println("| page | first request ms | server CPU ms (all threads, JIT included) | load average |");
        System.out.println("| --- | --- | --- | --- |");
        for (Target t : targets) {
            if (!t.page() || !cold) {
                continue;
            }
            try (Server s = Server.start(jar, dataDir, port)) {
                Client c = new Client(port);
                c.signIn(s.adminPassword());
                List<String> weeks = c.weeks();
                String path = t.path().apply(0, weeks);
                long cpu0 = s.cpuMillis();
                long t0 = System.nanoTime();
                c.page(path);
                double ms = (System.nanoTime() - t0) / 1e6;
                System.out.printf(Locale.ROOT, "| %s `%s` | %.0f | %d | %s |%n", t.name(), path, ms, s.cpuMillis() - cpu0,
                        HttpReadBench.loadAverage());
            }
        }

        System.out.printf(Locale.ROOT, "%n## warm: up to 10 warm-up requests with other filters (at most %d s), then up to %d varied (at most %d s per target)%n",
                budget / 3, warm, budget);
        System.out.println("| target | n | p50 | p95 | max | server CPU per request ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        try (Server s = warmPhase ? Server.start(jar, dataDir, port) : null) {
            Client c = new Client(port);
            if (s != null) {
                c.signIn(s.adminPassword());
            }
            List<String> weeks = s == null ? List.of() : c.weeks();
            for (Target t : warmPhase ? targets : List.<Target>of()) {
                long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(budget / 3);
                for (int i = 0; i < 10 && System.nanoTime() < warmUntil; i++) {
                    c.get(t, t.path().apply(1000 + i * 7, weeks));
                }
                long cpu0 = s.cpuMillis();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(budget);
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < warm && System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    c.get(t, t.path().apply(i, weeks));
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
                long cpu = s.cpuMillis() - cpu0;
                double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.1f |%n", t.name(), sorted.length,
                        pct(sorted, 50), pct(sorted, 95), sorted[sorted.length - 1], cpu / (double) sorted.length);
            }
        }
        System.out.println("load average after: " + HttpReadBench.loadAverage());
    }

    // ---- filters: each request another combination (weeks newest first, so the default week comes up early)

    private static String week(int i, List<String> weeks) {
        return weeks.get(weeks.size() - 1 - Math.floorMod(i, weeks.size()));
    }

    static String overviewFilter(int i, List<String> weeks) {
        return switch (i % 6) {
            case 0 -> "channel=" + CHANNELS[(i / 6) % CHANNELS.length];
            case 1 -> "week=" + week(i / 6, weeks);
            case 2 -> "product=" + PRODUCTS[(i / 6) % 2] + "&channel=" + CHANNELS[(i / 12) % CHANNELS.length];
            case 3 -> "aspect=" + ASPECTS[(i / 6) % ASPECTS.length];
            case 4 -> "source=" + ((i / 6) % 2 == 0 ? "weibo" : "jd") + "&week=" + week(i / 12, weeks);
            default -> "excludeFlag=astroturf&product=nova-x1&channel=" + CHANNELS[(i / 6) % CHANNELS.length];
        };
    }

    static String weeklyFilter(int i, List<String> weeks) {
        return switch (i % 4) {
            case 0 -> "week=" + week(i / 4, weeks);
            case 1 -> "product=" + PRODUCTS[(i / 4) % 2] + "&week=" + week(i / 8, weeks);
            case 2 -> "channel=" + CHANNELS[(i / 4) % CHANNELS.length] + "&week=" + week(i / 20, weeks);
            default -> "aspect=" + ASPECTS[(i / 4) % ASPECTS.length] + "&product=nova-x1";
        };
    }

    static String weekProduct(int i, List<String> weeks) {
        return i % 2 == 0 ? "week=" + week(i / 2, weeks) : "product=" + PRODUCTS[(i / 2) % 2] + "&week=" + week(i / 4, weeks);
    }

    static String alertFilter(int i, List<String> weeks) {
        return switch (i % 5) {
            case 0 -> i == 0 ? "" : "status=" + STATUSES[(i / 5) % 3];
            case 1 -> "product=" + PRODUCTS[(i / 5) % 2];
            case 2 -> "channel=" + CHANNELS[(i / 5) % CHANNELS.length];
            case 3 -> "severity=" + SEVERITIES[(i / 5) % 3] + "&status=open";
            default -> "week=" + week(i / 5, weeks);
        };
    }

    static String speedFilter(int i, List<String> weeks) {
        return switch (i % 4) {
            case 0 -> i == 0 ? "" : "channel=" + CHANNELS[(i / 4) % CHANNELS.length];
            case 1 -> "week=" + week(i / 4, weeks);
            case 2 -> "product=" + PRODUCTS[(i / 4) % 2] + "&week=" + week(i / 8, weeks);
            default -> "from=" + weeks.get(Math.floorMod(i / 4, weeks.size())).substring(0, 4) + "-10-0" + (1 + (i / 4) % 9);
        };
    }

    static String reportFilter(int i, List<String> weeks) {
        String lang = (i / 2) % 2 == 0 ? "zh" : "en";
        return i % 2 == 0 ? (i == 0 ? "language=zh" : "week=" + week(i / 2, weeks) + "&language=" + lang)
                : "week=" + week(i / 4, weeks) + "&product=" + PRODUCTS[(i / 2) % 2] + "&language=" + lang;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    // ---- detectors

    private static void detectorsOnce(Path dataDir, Path jar, int port, int scanWeeks) throws Exception {
        Path marker = dataDir.resolve(".detectors-run");
        if (Files.exists(marker)) {
            System.out.print("detectors: already run on this data directory: " + Files.readString(marker));
            return;
        }
        try (Server s = Server.start(jar, dataDir, port)) {
            Client c = new Client(port);
            List<String> weeks = c.weeks();
            List<String> scanned = weeks.subList(Math.max(0, weeks.size() - scanWeeks), weeks.size());
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + s.adminPassword()).getBytes(StandardCharsets.UTF_8));
            StringBuilder log = new StringBuilder();
            for (String w : scanned) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = c.http.send(HttpRequest.newBuilder(c.uri("/api/v1/signals/scan?week=" + w))
                        .header("Authorization", basic).timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("scan " + w + " → " + r.statusCode() + ": " + r.body());
                }
                String line = String.format(Locale.ROOT, "scan %s: %.0f s, %s%n", w, (System.nanoTime() - t0) / 1e9,
                        summary(r.body()));
                System.out.print(line);
                log.append(line);
            }
            Files.writeString(marker, "weeks " + scanned + "\n" + log);
        }
    }

    private static String summary(String body) {
        Matcher m = Pattern.compile("\"flagged\":(\\d+),\"segmented\":(\\d+),\"itemsScanned\":(\\d+)").matcher(body);
        int signals = body.split("\"type\":").length - 1;
        return m.find() ? "flagged " + m.group(1) + ", segmented " + m.group(2) + ", scanned " + m.group(3) + ", signals ≈ " + signals
                : body.substring(0, Math.min(200, body.length()));
    }

    // ---- HTTP

    /** A browser-like client: a session cookie for pages (signed in through the form), the bearer token for the API. */
    static final class Client {
        final HttpClient http;
        final int port;

        Client(int port) {
            this.port = port;
            this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void signIn(String password) throws Exception {
            String form = send(HttpRequest.newBuilder(uri("/login")).GET(), 200);
            Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
            String csrf = m.find() ? m.group(1) : "";
            String body = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || location.contains("login")) {
                throw new IllegalStateException("sign-in refused: " + r.statusCode() + " → " + location);
            }
        }

        String page(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "zh-CN").GET(), 200);
        }

        String api(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET(), 200);
        }

        String get(Target t, String path) throws Exception {
            return t.page() ? page(path) : api(path);
        }

        private String send(HttpRequest.Builder b, int expected) throws Exception {
            HttpRequest req = b.timeout(Duration.ofMinutes(10)).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(req.uri() + " → " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(300, r.body().length())));
            }
            return r.body();
        }

        List<String> weeks() throws Exception {
            String body = api("/api/v1/aggregates?groupBy=week");
            List<String> weeks = new ArrayList<>();
            for (String part : body.split("\"key\":\\[\"")) {
                if (part.matches("(?s)\\d{4}-W\\d{2}\".*")) {
                    weeks.add(part.substring(0, 8));
                }
            }
            weeks.sort(null);
            return weeks;
        }
    }

    /** The packaged app as a child process (detector and report schedules off, default read cache). */
    record Server(Process process, int port, Path dataDir) implements AutoCloseable {
        static Server start(Path jar, Path dataDir, int port) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx6g"));
            // e.g. -Dpages.serverJvm=-XX:StartFlightRecording=filename=/tmp/pages.jfr to see where a page spends its time
            String extra = System.getProperty("pages.serverJvm", "");
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "serve", "--data-dir=" + dataDir, "--port=" + port));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("KOUBEI_API_TOKENS", TOKEN);
            pb.environment().put("KOUBEI_SIGNALS_CRON", "");
            pb.environment().put("KOUBEI_REPORT_CRON", "");
            pb.environment().remove("KOUBEI_STORE");
            pb.environment().remove("KOUBEI_BUS");
            pb.environment().remove("KOUBEI_QUERYCACHE");
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("pages-server.log").toFile()));
            Server s = new Server(pb.start(), port, dataDir);
            Client c = new Client(port);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (true) {
                try {
                    c.api("/api/v1/health");
                    return s;
                } catch (IOException | IllegalStateException e) {
                    if (!s.process.isAlive() || System.nanoTime() > deadline) {
                        s.close();
                        throw new IllegalStateException("the app did not start; see " + dataDir.resolve("pages-server.log"), e);
                    }
                    Thread.sleep(300);
                }
            }
        }

        String adminPassword() throws IOException {
            return Files.readString(dataDir.resolve("admin-password.txt"), StandardCharsets.UTF_8).trim();
        }

        long cpuMillis() throws IOException {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
