package io.koubei.analysis.cli;

import io.koubei.analysis.eval.AspectEvaluation;
import io.koubei.analysis.eval.Json;
import io.koubei.analysis.eval.LabelType;
import io.koubei.analysis.eval.LabelledCsv;
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
            for (CSVRecord r : LabelledCsv.records(input, required)) {
                if (split != null && !split.equals(r.get(splitColumn))) {
                    continue;
                }
                boolean covered = eval.add(r.get(textColumn), r.get(targetColumn), LabelType.THREE.parse(r.get(polarityColumn), false));
                if (!covered && shown < showUncovered && r.getRecordNumber() % 3 == 0) {
                    shown++;
                    System.err.println(r.get(targetColumn) + "\t" + r.get(polarityColumn) + "\t" + String.join("/", analyzer.segment(r.get(textColumn))));
                }
            }
            Map<String, Object> out = eval.result();
            out.put("input", input.toString());
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
