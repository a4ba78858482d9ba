package io.koubei.analysis.cli;

import io.koubei.analysis.eval.AspectEvaluation;
import io.koubei.analysis.eval.Json;
import io.koubei.analysis.eval.LabelType;
import io.koubei.analysis.eval.LabelledCsv;
import io.koubei.core.feedback.Polarity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "aspects", mixinStandardHelpOptions = true,
        description = "For rows (text, target, polarity): coverage (targets Koubei gives a polarity) and accuracy of that polarity; one JSON object.")
public final class EvalAspectsCommand implements Callable<Integer> {
    @Option(names = "--input", required = true)
    Path input;

    @Option(names = "--text-column", defaultValue = "text")
    String textColumn;

    @Option(names = "--target-column", defaultValue = "target")
    String targetColumn;

    @Option(names = "--polarity-column", defaultValue = "polarity")
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
            List<String> required = new ArrayList<>(List.of(textColumn, targetColumn, polarityColumn));
            if (split != null) {
                required.add(splitColumn);
            }
            var analyzer = Analyzers.of(dataDir);
            AspectEvaluation eval = new AspectEvaluation(analyzer);
            int shown = 0;
            LabelledCsv.Records rows = LabelledCsv.records(input, required);
            List<LabelledCsv.Skipped> skipped = new ArrayList<>(rows.skipped());
            for (int i = 0; i < rows.records().size(); i++) {
                CSVRecord r = rows.records().get(i);
                if (split != null && !split.equals(r.get(splitColumn))) {
                    continue;
                }
                Polarity polarity;
                try {
                    polarity = LabelType.THREE.parse(r.get(polarityColumn), false);
                } catch (IllegalArgumentException e) {
                    skipped.add(rows.skip(input, i, e.getMessage()));
                    continue;
                }
                boolean covered = eval.add(r.get(textColumn), r.get(targetColumn), polarity);
                if (!covered && shown < showUncovered && r.getRecordNumber() % 3 == 0) {
                    shown++;
                    System.err.println(r.get(targetColumn) + "\t" + r.get(polarityColumn) + "\t" + String.join("/", analyzer.segment(r.get(textColumn))));
                }
            }
            skipped.sort(Comparator.comparingLong(LabelledCsv.Skipped::line));
            LabelledCsv.report(skipped, System.err);
            Map<String, Object> out = eval.result();
            out.put("input", input.toString());
            if (!skipped.isEmpty()) {
                out.put("inputSkippedRows", skipped.size());
            }
            if (!rows.encoding().name().equals("UTF-8")) {
                out.put("inputEncoding", rows.encoding().name());
            }
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
