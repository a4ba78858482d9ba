package io.koubei.analysis.cli;

import io.koubei.analysis.eval.Json;
import io.koubei.analysis.eval.LabelledCsv;
import io.koubei.analysis.themes.Theme;
import io.koubei.analysis.themes.ThemeDiscovery;
import io.koubei.analysis.themes.ThemeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Theme discovery over the texts of a CSV file (no labels read): the themes found and how fast. {@code --repeat}
 * reads the texts that many times, to time discovery at a volume the file alone does not have.
 */
@Command(name = "themes", mixinStandardHelpOptions = true,
        description = "Discover themes in the texts of a CSV file (labels are not read): themes, and items per second; one JSON object.")
public final class EvalThemesCommand implements Callable<Integer> {
    @Option(names = "--input", required = true)
    Path input;

    @Option(names = "--text-column", description = "Column of the texts (default: text, or review, sentence, 评论 … the file has).")
    String textColumn;

    @Option(names = "--min-mentions", defaultValue = "5", description = "Opinions a theme needs (default ${DEFAULT-VALUE}).")
    int minMentions;

    @Option(names = "--products", split = ",", description = "Product and brand names that are never a theme.")
    List<String> products = new ArrayList<>();

    @Option(names = "--repeat", defaultValue = "1", description = "Read the texts this many times (timing at volume).")
    int repeat;

    @Option(names = "--show", defaultValue = "30", description = "Themes in the output (default ${DEFAULT-VALUE}).")
    int show;

    @Option(names = "--data-dir")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        try {
            LabelledCsv csv = LabelledCsv.open(input);
            String textCol = csv.column(textColumn, LabelledCsv.TEXT_COLUMNS);
            List<String> texts = new ArrayList<>();
            for (CSVRecord r : csv.records(List.of(textCol)).records()) {
                texts.add(r.get(textCol));
            }
            ThemeReader reader = new ThemeReader(Analyzers.of(dataDir), products);
            ThemeDiscovery discovery = reader.discovery(minMentions);
            long start = System.nanoTime();
            long n = 0;
            for (int k = 0; k < Math.max(1, repeat); k++) {
                // reading is the cost (the analyzer is thread-safe): in parallel, in batches; discovery takes them in order
                for (int from = 0; from < texts.size(); from += 4096) {
                    List<String> batch = texts.subList(from, Math.min(texts.size(), from + 4096));
                    batch.parallelStream().map(reader::candidates).toList().forEach(discovery::add);
                    n += batch.size();
                }
            }
            long read = System.nanoTime();
            List<Theme> themes = discovery.themes();
            long done = System.nanoTime();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("input", input.toString());
            out.put("items", n);
            out.put("readSeconds", Math.round((read - start) / 1e7) / 100.0);
            out.put("clusterSeconds", Math.round((done - read) / 1e7) / 100.0);
            out.put("itemsPerSecond", Math.round(n / ((done - start) / 1e9)));
            out.put("distinctPhrases", discovery.phraseCount());
            out.put("themes", themes.size());
            List<Map<String, Object>> list = new ArrayList<>();
            for (Theme t : themes.subList(0, Math.min(show, themes.size()))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("name", t.name());
                m.put("aspect", t.aspect());
                m.put("mentions", t.mentions() / Math.max(1, repeat));
                m.put("negativeShare", Math.round(t.negativeShare() * 1000) / 1000.0);
                m.put("phrases", t.phrases());
                m.put("quote", t.quotes().isEmpty() ? null : t.quotes().get(0));
                list.add(m);
            }
            out.put("top", list);
            System.out.println(Json.write(out));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
