package io.koubei.analysis.cli;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.eval.Json;
import io.koubei.analysis.text.SmartCnSegmenter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Single-thread throughput of the full analysis (segment + sentiment + aspects) against bare SmartCN
 * tokenisation of the same texts, in texts per CPU-second of the measuring thread (a shared machine's load
 * does not distort it). Warm-up first; the two sides alternate in short slices.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Throughput of the analysis vs bare SmartCN on typical reviews (one thread).")
public final class BenchCommand implements Callable<Integer> {
    /** Typical ~60-character reviews written for this benchmark (58 characters on average). */
    static final List<String> REVIEWS = List.of(
            "手机用了一个星期，续航比上一代强很多，重度使用一天一充没问题，就是充电的时候背面有点烫，客服说这是正常现象，希望能优化。",
            "Redmi K70 Pro 屏幕很清晰，拍照也不错，夜景比预期好，但是系统广告太多了，关都关不掉，希望下次OTA能改进一下[怒]",
            "物流超快，第二天就到了，包装完好没有磕碰。耳机音质不错，降噪效果一般，地铁上还是能听到很吵的报站声，性价比还可以吧。",
            "打游戏半小时就发烫卡顿，掉帧严重，找售后推来推去一直不给处理，真的很后悔买了这款，大家千万别买，强烈不推荐！！",
            "外观设计很漂亮，手感好，信号比之前的旧手机稳定多了，电池也耐用，用了两个月没出过任何问题，整体很满意，推荐购买👍",
            "客服回复太慢了，等了两天才有人理，问题到现在也没解决。产品本身还行，但这个服务体验太差，下次不会再买这个牌子了。",
            "升级到最新系统以后明显流畅了，动画很丝滑，后台也不会乱杀了，就是耗电好像快了一点，不知道是不是心理作用，先观察几天。",
            "价格比双十一贵了三百多，刚买完就降价，找客服申请价保被拒，说活动不一样。东西是好东西，就是这个价格策略让人很不爽。");

    @Option(names = "--seconds", defaultValue = "20", description = "Measurement time per side.")
    double seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up time per side before measuring (the JIT needs it).")
    double warmup;

    @Option(names = "--stage", defaultValue = "full", description = "full (segment + sentiment + aspects), tokenize or sentiment: for profiling.")
    String stage;

    @Option(names = "--data-dir")
    Path dataDir;

    @Override
    public Integer call() {
        KoubeiAnalyzer analyzer = Analyzers.of(dataDir);
        SmartCnSegmenter bare = new SmartCnSegmenter();
        long sink = 0;
        for (int w = 0; w < Math.max(1, (int) (warmup / 0.5)); w++) { // alternate here too: both sides compiled hot
            sink += run(() -> bare.segment(next()).size(), 0.25)[0];
            sink += run(() -> analyzer.analyzeText(next()).terms().size(), 0.25)[0];
        }
        // alternate short slices so both sides see the same machine load
        long[] smart = new long[2];
        long[] full = new long[2];
        int rounds = Math.max(1, (int) (seconds / 0.2));
        for (int r = 0; r < rounds; r++) {
            long[] a = run(() -> bare.segment(next()).size(), 0.1);
            long[] b = run(() -> switch (stage) {
                case "tokenize" -> analyzer.tokenize(next()).size();
                case "sentiment" -> analyzer.sentiment(next()).explanation().size();
                default -> {
                    KoubeiAnalyzer.TextAnalysis t = analyzer.analyzeText(next());
                    yield t.terms().size() + t.opinions().size();
                }
            }, 0.1);
            smart[0] += a[0];
            smart[1] += a[1];
            full[0] += b[0];
            full[1] += b[1];
        }
        double smartRate = smart[0] / (smart[1] / 1e9);
        double fullRate = full[0] / (full[1] / 1e9);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("avgChars", REVIEWS.stream().mapToInt(String::length).average().orElse(0));
        out.put("smartCnTextsPerCpuSecond", Math.round(smartRate));
        out.put("analysisTextsPerCpuSecond", Math.round(fullRate));
        out.put("ratio", Math.round(fullRate / smartRate * 1000) / 1000.0);
        out.put("model", analyzer.version());
        out.put("secondsPerSide", seconds);
        out.put("checksum", sink % 7);
        System.out.println(Json.write(out));
        return 0;
    }

    private int cursor;

    private String next() {
        cursor = (cursor + 1) % REVIEWS.size();
        return REVIEWS.get(cursor);
    }

    /** Runs op for about secs of wall time; returns {count, CPU nanoseconds of this thread} (robust to machine load). */
    private static long[] run(java.util.function.IntSupplier op, double secs) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long budget = (long) (secs * 1e9);
        long start = System.nanoTime();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() - start < budget) {
            for (int i = 0; i < 20; i++) {
                sink += op.getAsInt();
            }
            count += 20;
        }
        return new long[] {count + (sink == Long.MIN_VALUE ? 1 : 0), mx.getCurrentThreadCpuTime() - cpuStart};
    }
}
