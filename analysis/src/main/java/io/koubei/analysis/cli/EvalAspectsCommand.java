package io.koubei.analysis.cli;

import io.koubei.analysis.eval.AspectEvaluation;
import io.koubei.analysis.eval.Json;
import io.koubei.analysis.eval.LabelType;
import io.koubei.analysis.eval.LabelledCsv;
import io.koubei.analysis.themes.Theme;
import io.koubei.analysis.themes.ThemeDiscovery;
import io.koubei.analysis.themes.ThemeIndex;
import io.koubei.analysis.themes.ThemeReader;
import io.koubei.core.feedback.Polarity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "aspects", mixinStandardHelpOptions = true,
        description = "For rows (text, target, polarity): coverage (targets Koubei gives a polarity) and accuracy of that polarity; one JSON object.")
public final class EvalAspectsCommand implements Callable<Integer> {
    private static final List<String> TARGET_COLUMNS = List.of("target", "aspect", "term", "opinion_target", "方面", "对象", "目标", "属性");
    private static final List<String> POLARITY_COLUMNS = List.of("polarity", "sentiment", "label", "情感", "极性", "标签");

    @Option(names = "--input", required = true)
    Path input;

    @Option(names = "--text-column", description = "Column of the texts (default: text, or review, sentence, 评论 … the file has).")
    String textColumn;

    @Option(names = "--target-column", description = "Column of the opinion targets (default: target, or aspect, term, 方面 …).")
    String targetColumn;

    @Option(names = "--polarity-column", description = "Column of the polarities (default: polarity, or sentiment, label, 情感 …).")
    String polarityColumn;

    @Option(names = "--split", description = "Only rows whose 'split' column equals this (e.g. test).")
    String split;

    @Option(names = "--split-column", defaultValue = "split")
    String splitColumn;

    @Option(names = "--data-dir")
    Path dataDir;

    @Option(names = "--show-uncovered", defaultValue = "0", description = "Print this many rows Koubei gave no polarity to stderr (with tokens).")
    int showUncovered;

    @Option(names = "--theme-min-mentions", defaultValue = "2",
            description = "Opinions a discovered theme needs (discovery reads the evaluated texts only, never their targets or labels).")
    int themeMinMentions;

    @Option(names = "--show-themes", defaultValue = "0", description = "Print this many discovered themes to stderr.")
    int showThemes;

    @Option(names = "--show-unnamed", defaultValue = "0", description = "Print this many targets in no named theme to stderr (with their words).")
    int showUnnamed;

    @Override
    public Integer call() throws Exception {
        try {
            LabelledCsv csv = LabelledCsv.open(input);
            String textCol = csv.column(textColumn, LabelledCsv.TEXT_COLUMNS);
            String targetCol = csv.column(targetColumn, TARGET_COLUMNS);
            String polarityCol = csv.column(polarityColumn, POLARITY_COLUMNS);
            List<String> required = new ArrayList<>(List.of(textCol, targetCol, polarityCol));
            if (split != null) {
                required.add(splitColumn);
            }
            var analyzer = Analyzers.of(dataDir);
            AspectEvaluation eval = new AspectEvaluation(analyzer);
            int shown = 0;
            int unnamedShown = 0;
            LabelledCsv.Records rows = csv.records(required);
            List<LabelledCsv.Skipped> skipped = new ArrayList<>(rows.skipped());
            List<CSVRecord> selected = new ArrayList<>();
            List<Polarity> truths = new ArrayList<>();
            for (int i = 0; i < rows.records().size(); i++) {
                CSVRecord r = rows.records().get(i);
                if (split != null && !split.equals(r.get(splitColumn))) {
                    continue;
                }
                try {
                    truths.add(LabelType.THREE.parse(r.get(polarityCol), false));
                    selected.add(r);
                } catch (IllegalArgumentException e) {
                    skipped.add(rows.skip(i, e.getMessage()));
                }
            }
            // themes from the evaluated texts alone: the targets and polarities are not read here
            ThemeReader reader = new ThemeReader(analyzer, List.of());
            ThemeDiscovery discovery = reader.discovery(themeMinMentions);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (CSVRecord r : selected) {
                String text = r.get(textCol);
                if (seen.add(text)) {
                    discovery.add(reader.candidates(text));
                }
            }
            List<Theme> themes = discovery.themes();
            for (int i = 0; i < Math.min(showThemes, themes.size()); i++) {
                Theme t = themes.get(i);
                System.err.println(t.name() + "\t" + t.mentions() + "\t" + (t.aspect() == null ? "-" : t.aspect()) + "\t" + t.keys() + "\t" + t.phrases());
            }
            eval.withThemes(new ThemeIndex(themes), reader::words);
            for (int i = 0; i < selected.size(); i++) {
                CSVRecord r = selected.get(i);
                long namedBefore = eval.named();
                boolean covered = eval.add(r.get(textCol), r.get(targetCol), truths.get(i));
                if (eval.named() == namedBefore && unnamedShown < showUnnamed) {
                    unnamedShown++;
                    System.err.println("unnamed\t" + r.get(targetCol) + "\t" + String.join("/", reader.words(r.get(targetCol))));
                }
                if (!covered && shown < showUncovered && r.getRecordNumber() % 3 == 0) {
                    shown++;
                    System.err.println(r.get(targetCol) + "\t" + r.get(polarityCol) + "\t" + String.join("/", analyzer.segment(r.get(textCol))));
                }
            }
            skipped = LabelledCsv.inFileOrder(skipped);
            LabelledCsv.report(skipped, System.err);
            Map<String, Object> out = eval.result();
            out.put("input", input.toString());
            out.putAll(LabelledCsv.notes("input", skipped, rows.encoding()));
            if (split != null) {
                out.put("split", split);
            }
            System.out.println(Json.write(out));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
