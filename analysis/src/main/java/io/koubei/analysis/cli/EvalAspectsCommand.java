package io.koubei.analysis.cli;

import io.koubei.analysis.eval.AspectEvaluation;
import io.koubei.analysis.eval.Json;
import io.koubei.analysis.eval.LabelType;
import io.koubei.analysis.eval.LabelledCsv;
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
            LabelledCsv.Records rows = csv.records(required);
            List<LabelledCsv.Skipped> skipped = new ArrayList<>(rows.skipped());
            for (int i = 0; i < rows.records().size(); i++) {
                CSVRecord r = rows.records().get(i);
                if (split != null && !split.equals(r.get(splitColumn))) {
                    continue;
                }
                Polarity polarity;
                try {
                    polarity = LabelType.THREE.parse(r.get(polarityCol), false);
                } catch (IllegalArgumentException e) {
                    skipped.add(rows.skip(i, e.getMessage()));
                    continue;
                }
                boolean covered = eval.add(r.get(textCol), r.get(targetCol), polarity);
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
