package io.koubei.analysis;

import io.koubei.analysis.aspects.AspectTaxonomy;
import io.koubei.analysis.sentiment.SentimentLexicon;
import io.koubei.analysis.text.DomainDictionary;
import io.koubei.analysis.text.ResourceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Dictionary, lexicon and aspect taxonomy the analyzer works from. The built-in ones ship in the jar; a
 * deployment adds its own in editable files under {@code <dataDir>/analysis/}:
 * <ul>
 *   <li>{@code dictionary/*.txt} — product, competitor and feature names, slang: one per line</li>
 *   <li>{@code sentiment-lexicon.tsv} — {@code word<TAB>weight} in [-3, 3], overriding built-in weights</li>
 *   <li>{@code aspects.tsv} — replaces the built-in taxonomy ({@code id<TAB>name<TAB>term,term,…})</li>
 * </ul>
 */
public record AnalysisResources(DomainDictionary dictionary, SentimentLexicon lexicon, AspectTaxonomy taxonomy) {

    public static AnalysisResources builtIn() {
        return assemble(SentimentLexicon.builtIn(), AspectTaxonomy.builtIn(), List.of());
    }

    /** Built-in resources plus whatever {@code <dataDir>/analysis/} holds (missing files are fine). */
    public static AnalysisResources load(Path dataDir) {
        Path dir = dataDir.resolve("analysis");
        SentimentLexicon.Builder lexicon = SentimentLexicon.builder().loadBuiltIn();
        Path words = dir.resolve("sentiment-lexicon.tsv");
        if (Files.isRegularFile(words)) {
            lexicon.loadWords(words);
        }
        Path aspects = dir.resolve("aspects.tsv");
        AspectTaxonomy taxonomy = Files.isRegularFile(aspects) ? AspectTaxonomy.load(aspects) : AspectTaxonomy.builtIn();
        List<Path> dictionaries = List.of();
        Path dictDir = dir.resolve("dictionary");
        if (Files.isDirectory(dictDir)) {
            try (Stream<Path> files = Files.list(dictDir)) {
                dictionaries = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dictDir, e);
            }
        }
        return assemble(lexicon.build(), taxonomy, dictionaries);
    }

    private static AnalysisResources assemble(SentimentLexicon lexicon, AspectTaxonomy taxonomy, List<Path> extraDictionaries) {
        DomainDictionary.Builder dict = DomainDictionary.builder()
                .addLines(ResourceFiles.class.getResourceAsStream(ResourceFiles.BASE + "dictionary.txt"))
                .addAll(lexicon.vocabulary());
        taxonomy.terms().stream().filter(t -> t.length() >= 2).forEach(dict::add);
        extraDictionaries.forEach(dict::addFile);
        return new AnalysisResources(dict.build(), lexicon, taxonomy);
    }
}
