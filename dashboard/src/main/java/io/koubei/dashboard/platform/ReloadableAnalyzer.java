package io.koubei.dashboard.platform;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.FeedbackItem;
import java.nio.file.Path;
import java.util.List;

/**
 * The analyzer built from the data dir, rebuilt when the settings pages change its files (dictionaries, lexicon,
 * taxonomy): items analysed after {@link #reload()} use the new files, stored items keep their analysis until they
 * are re-analysed. A failed rebuild keeps the previous analyzer.
 */
public final class ReloadableAnalyzer implements FeedbackAnalyzer {
    private final Path dataDir;
    private volatile KoubeiAnalyzer current;

    public ReloadableAnalyzer(Path dataDir) {
        this.dataDir = dataDir;
        this.current = FeedbackAnalyzers.fromDataDir(dataDir);
    }

    /** Rebuilds from the data dir; throws (and keeps the old analyzer) when a file is invalid. */
    public synchronized KoubeiAnalyzer reload() {
        KoubeiAnalyzer next = FeedbackAnalyzers.fromDataDir(dataDir);
        current = next;
        return next;
    }

    public KoubeiAnalyzer current() {
        return current;
    }

    @Override
    public Analysis analyze(FeedbackItem item) {
        return current.analyze(item);
    }

    @Override
    public List<String> segment(String text) {
        return current.segment(text);
    }

    @Override
    public String version() {
        return current.version();
    }
}
