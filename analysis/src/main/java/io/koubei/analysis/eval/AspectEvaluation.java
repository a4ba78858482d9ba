package io.koubei.analysis.eval;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.Polarity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Target-level evaluation: for (text, target, polarity) rows, coverage and accuracy of the polarity Koubei gives that target. */
public final class AspectEvaluation {
    private final KoubeiAnalyzer analyzer;
    private long n;
    private long covered;
    private long correct;
    private long mapped;
    private long named;
    private io.koubei.analysis.themes.ThemeIndex themes;
    private java.util.function.Function<String, java.util.List<String>> words;
    private long nanos;
    private final ClassificationReport report = new ClassificationReport(java.util.List.of(Polarity.NEGATIVE, Polarity.NEUTRAL, Polarity.POSITIVE));

    public AspectEvaluation(KoubeiAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Themes discovered (from the evaluated texts alone) to count targets that land in a named theme; words splits
     * a target into its words as the analyzer does.
     */
    public AspectEvaluation withThemes(io.koubei.analysis.themes.ThemeIndex index, java.util.function.Function<String, java.util.List<String>> targetWords) {
        this.themes = index;
        this.words = targetWords;
        return this;
    }

    /** @return whether Koubei gave the target a polarity */
    public boolean add(String text, String target, Polarity truth) {
        long start = System.nanoTime();
        Optional<Polarity> p = analyzer.polarityToward(text, target);
        nanos += System.nanoTime() - start;
        n++;
        if (analyzer.resources().taxonomy().aspectOf(target) != null) {
            mapped++;
            named++;
        } else if (themes != null && named(words.apply(target))) {
            named++;
        }
        if (p.isPresent()) {
            covered++;
            if (p.get() == truth) {
                correct++;
            }
        }
        report.add(truth, p.orElse(Polarity.NEUTRAL));
        return p.isPresent();
    }

    /** In a discovered theme, or one of its words is a taxonomy term (拍照的抓拍能力 → camera). */
    private boolean named(java.util.List<String> targetWords) {
        if (themes.themeOf(targetWords) != null) {
            return true;
        }
        for (String w : targetWords) {
            if (analyzer.resources().taxonomy().aspectOfToken(w) != null) {
                return true;
            }
        }
        return false;
    }

    /** Targets so far that landed in a taxonomy aspect or a discovered theme. */
    public long named() {
        return named;
    }

    public Map<String, Object> result() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("coverage", ClassificationReport.round(n == 0 ? 0 : (double) covered / n));
        out.put("accuracyOnCovered", ClassificationReport.round(covered == 0 ? 0 : (double) correct / covered));
        out.put("accuracyOverall", ClassificationReport.round(n == 0 ? 0 : (double) correct / n));
        out.put("taxonomyMapped", ClassificationReport.round(n == 0 ? 0 : (double) mapped / n));
        if (themes != null) {
            out.put("namedThemeShare", ClassificationReport.round(n == 0 ? 0 : (double) named / n));
            out.put("themes", themes.size());
        }
        Map<String, Object> details = report.toMap();
        out.put("confusion", details.get("confusion"));
        out.put("itemsPerSecond", nanos > 0 ? Math.round(n / (nanos / 1e9)) : null);
        return out;
    }
}
