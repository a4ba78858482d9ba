package io.koubei.analysis.themes;

import io.koubei.analysis.KoubeiAnalyzer;
import java.util.Collection;
import java.util.List;

/** Reads the opinion targets of texts with an analyzer's rules and the theme stop-words (plus product names). */
public final class ThemeReader {
    private final KoubeiAnalyzer analyzer;
    private final CandidateExtractor extractor;

    public ThemeReader(KoubeiAnalyzer analyzer, Collection<String> productNames) {
        this.analyzer = analyzer;
        this.extractor = new CandidateExtractor(ThemeStopWords.of(analyzer.resources().lexicon(), productNames));
    }

    public List<ThemeCandidate> candidates(String text) {
        String t = text == null ? "" : text;
        return extractor.extract(analyzer.rules(t), t);
    }

    public KoubeiAnalyzer analyzer() {
        return analyzer;
    }

    /** A new discovery over this reader's taxonomy. */
    public ThemeDiscovery discovery(int minMentions) {
        return new ThemeDiscovery(analyzer.resources().taxonomy(), minMentions);
    }

    /** Words of a free-form target, as the analyzer segments it. */
    public List<String> words(String target) {
        return extractor.targetWords(analyzer.tokenize(target));
    }
}
