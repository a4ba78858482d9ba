package io.koubei.dashboard.bench;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.io.IOException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Overview and search API latency at about a million items on the embedded store, over HTTP against the packaged
 * application run as its own process (not a test: a command, see docs/performance.md).
 *
 * <ol>
 *   <li>Fill: when {@code <dataDir>/index} holds fewer items than asked, the demo generator (ingest) writes the
 *       12-week demo world at the scale that gives that many items, analysed by the real analyzer on every core and
 *       stored straight into the Lucene index (faster than the HTTP import, same documents).</li>
 *   <li>Serve: {@code java -jar koubei.jar serve} on that data directory, detectors' schedules off.</li>
 *   <li>Measure: each endpoint with varied filters (different filters each request), sequentially, after a warm-up;
 *       wall-clock p50/p95/p99 per endpoint and the server's CPU time per request (from /proc). Run twice: with the
 *       read cache off (every request computed) and on (repeated filters answered from the cache).</li>
 * </ol>
 *
 * Usage: {@code HttpReadBench <dataDir> [items=1000000] [requests=300] [port=8282] [jar=dashboard/target/koubei.jar]}
 */
public final class HttpReadBench {
    /** The demo world grows faster than linearly with its scale; 80 gives well over 5M items. */
    private static final double MAX_SCALE = 80;
    private static final String TOKEN = "bench-token-0123456789";
    private static final String[] TERMS = {"续航", "客服", "发热", "屏幕", "信号", "拍照", "物流", "卡顿", "系统 更新", "充电",
        "价格", "售后 维修", "电池", "推荐", "失望"};
    private static final String[] CHANNELS = {"community", "social", "review", "survey", "ticket"};
    private static final String[] POLARITIES = {"positive", "neutral", "negative"};
    private static final String[] ASPECTS = {"battery", "screen", "camera", "heat", "service", "system", "price", "signal"};

    private HttpReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        long items = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 8282;
        Path jar = Path.of(args.length > 4 ? args[4] : "dashboard/target/koubei.jar");
        long stored = fill(dataDir, items);
        System.out.printf(Locale.ROOT, "items in the store: %,d%n", stored);
        System.out.println("load average before: " + loadAverage());
        for (boolean cache : new boolean[] {false, true}) {
            try (Server server = Server.start(jar, dataDir, port, cache)) {
                measure(server, requests, cache);
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    // ---- fill

    static long fill(Path dataDir, long wanted) throws Exception {
        Path index = dataDir.resolve("index");
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(index)) {
            long have = store.count(FeedbackFilter.ALL);
            if (have >= wanted * 0.98) {
                return have;
            }
            Path marker = dataDir.resolve(".koubei-bench");
            if (have > 0 && !Files.exists(marker)) {
                throw new IllegalStateException(index + " holds " + have + " items not written by this bench: refusing to clear it");
            }
            Files.writeString(marker, "data written by HttpReadBench; may be cleared\n");
            store.clear();
            // the demo world grows faster than linearly with its scale: find a scale that gives at least the wanted
            // count, then keep a uniform sample (by id) of exactly about that many
            DemoOptions base = DemoOptions.defaults();
            double scale = 1;
            long generated = DemoDataGenerator.defaults().generate().count();
            while (generated < wanted && scale < MAX_SCALE) {
                scale = Math.min(MAX_SCALE, scale * Math.max(1.1, Math.sqrt(wanted / (double) generated)));
                generated = new DemoDataGenerator(base.withScale(scale)).generate().count();
            }
            double keep = Math.min(1, wanted / (double) generated);
            System.out.printf(Locale.ROOT, "filling %s: demo generator at scale %.2f (%,d items), keeping %.1f%%%n", index,
                    scale, generated, 100 * keep);
            AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CalendarKeys.defaultZone());
            int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
            BlockingQueue<List<FeedbackItem>> queue = new ArrayBlockingQueue<>(workers * 2);
            AtomicLong written = new AtomicLong();
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(() -> {
                    try {
                        for (List<FeedbackItem> batch; !(batch = queue.take()).isEmpty(); ) {
                            List<AnalyzedFeedback> out = new ArrayList<>(batch.size());
                            batch.forEach(i -> out.add(pipeline.process(i)));
                            store.upsert(out);
                            long n = written.addAndGet(out.size());
                            if (n % 50_000 < out.size()) {
                                System.out.printf(Locale.ROOT, "  %,d items, %.0f s%n", n, (System.nanoTime() - started) / 1e9);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "fill-" + w);
                t.start();
                threads.add(t);
            }
            List<FeedbackItem> batch = new ArrayList<>();
            for (FeedbackItem item : (Iterable<FeedbackItem>) new DemoDataGenerator(base.withScale(scale)).generate()::iterator) {
                if (Math.floorMod(item.id().hashCode() * 0x9E3779B1, 1_000_000) >= keep * 1_000_000) {
                    continue;
                }
                batch.add(item);
                if (batch.size() == 5000) {
                    queue.put(batch);
                    batch = new ArrayList<>();
                }
            }
            queue.put(batch);
            for (int w = 0; w < workers; w++) {
                queue.put(List.of());
            }
            for (Thread t : threads) {
                t.join();
            }
            System.out.printf(Locale.ROOT, "filled %,d items in %.0f s%n", written.get(), (System.nanoTime() - started) / 1e9);
            return store.count(FeedbackFilter.ALL);
        }
    }

    // ---- measure

    private static void measure(Server server, int requests, boolean cache) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> weeks = weeks(http, server.port);
        List<String> overview = new ArrayList<>();
        List<String> search = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            overview.add("/api/v1/overview?" + overviewFilter(i, weeks));
            search.add("/api/v1/search?" + searchFilter(i, weeks));
        }
        // warm-up: JIT and the index's file cache, with other filters than the measured ones
        for (int i = 0; i < 40; i++) {
            get(http, server.port, "/api/v1/overview?" + overviewFilter(requests + i, weeks));
            get(http, server.port, "/api/v1/search?" + searchFilter(requests + i, weeks));
        }
        System.out.printf(Locale.ROOT, "%n## read cache %s (%d requests per endpoint, sequential)%n", cache ? "on" : "off",
                requests);
        report("overview", http, server, overview);
        report("search", http, server, search);
        if (cache) {
            // the same overview filters again: what a team refreshing shared views sees
            report("overview, repeated filters", http, server, overview);
        }
    }

    private static void report(String name, HttpClient http, Server server, List<String> paths) throws Exception {
        long cpuBefore = server.cpuMillis();
        double[] ms = new double[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            long t0 = System.nanoTime();
            get(http, server.port, paths.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        long cpu = server.cpuMillis() - cpuBefore;
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.1f |%n", name, pct(ms, 50), pct(ms, 95), pct(ms, 99),
                ms[ms.length - 1], cpu / (double) paths.size());
    }

    private static String overviewFilter(int i, List<String> weeks) {
        return switch (i % 6) {
            case 0 -> "channel=" + CHANNELS[(i / 6) % CHANNELS.length];
            case 1 -> "week=" + weeks.get((i / 6) % weeks.size());
            case 2 -> "polarity=" + POLARITIES[(i / 6) % 3] + "&channel=" + CHANNELS[(i / 18) % CHANNELS.length];
            case 3 -> "aspect=" + ASPECTS[(i / 6) % ASPECTS.length];
            case 4 -> "source=" + ((i / 6) % 2 == 0 ? "weibo" : "jd") + "&week=" + weeks.get((i / 12) % weeks.size());
            default -> "excludeFlag=astroturf&product=nova-x1&channel=" + CHANNELS[(i / 6) % CHANNELS.length];
        };
    }

    private static String searchFilter(int i, List<String> weeks) {
        String q = "q=" + URLEncoder.encode(TERMS[i % TERMS.length], StandardCharsets.UTF_8);
        return switch (i % 4) {
            case 0 -> q;
            case 1 -> q + "&channel=" + CHANNELS[(i / 4) % CHANNELS.length];
            case 2 -> q + "&week=" + weeks.get((i / 4) % weeks.size()) + "&offset=20";
            default -> "aspectPolarity=" + ASPECTS[(i / 4) % ASPECTS.length] + ":negative&product=nova-x1";
        };
    }

    private static List<String> weeks(HttpClient http, int port) throws Exception {
        String body = get(http, port, "/api/v1/aggregates?groupBy=week");
        List<String> weeks = new ArrayList<>();
        for (String part : body.split("\"key\":\\[\"")) {
            if (part.matches("(?s)\\d{4}-W\\d{2}\".*")) {
                weeks.add(part.substring(0, 8));
            }
        }
        return weeks;
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The packaged app as a child process. */
    private record Server(Process process, int port) implements AutoCloseable {
        static Server start(Path jar, Path dataDir, int port, boolean cache) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx3g", "-jar", jar.toString(), "serve", "--data-dir=" + dataDir, "--port=" + port);
            pb.environment().put("KOUBEI_API_TOKENS", TOKEN);
            pb.environment().put("KOUBEI_SIGNALS_CRON", ""); // no hourly detector scans during the measurement
            pb.environment().put("KOUBEI_REPORT_CRON", "");
            pb.environment().put("KOUBEI_QUERYCACHE", cache ? "256" : "0");
            pb.environment().remove("KOUBEI_STORE");
            pb.environment().remove("KOUBEI_BUS");
            pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("bench-server.log").toFile());
            Server s = new Server(pb.start(), port);
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (true) {
                try {
                    get(http, port, "/api/v1/health");
                    return s;
                } catch (IOException | IllegalStateException e) {
                    if (!s.process.isAlive() || System.nanoTime() > deadline) {
                        s.close();
                        throw new IllegalStateException("the app did not start; see " + dataDir.resolve("bench-server.log"), e);
                    }
                    Thread.sleep(500);
                }
            }
        }

        /** utime + stime of the server process, from /proc (Linux). */
        long cpuMillis() throws IOException {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10; // USER_HZ = 100 on Linux
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
