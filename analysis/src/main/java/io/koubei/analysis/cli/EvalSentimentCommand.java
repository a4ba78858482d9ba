package io.koubei.analysis.cli;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.eval.Json;
import io.koubei.analysis.eval.LabelType;
import io.koubei.analysis.eval.LabelledCsv;
import io.koubei.analysis.eval.SentimentEvaluation;
import io.koubei.analysis.model.CorpusAdaptation;
import io.koubei.analysis.model.LabelledText;
import io.koubei.analysis.model.TrainingOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Accuracy, macro-F1, per-class precision/recall, confusion matrix and items/s on a labelled CSV; prints one JSON object.")
public final class EvalSentimentCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "Labelled CSV (UTF-8, header row).")
    Path input;

    @Option(names = "--text-column", description = "Column of the texts (default: text, or the first of review, content, "
            + "comment, sentence, 评论, 内容 … the file has).")
    String textColumn;

    @Option(names = "--label-column", description = "Column of the labels (default: label, or the first of sentiment, "
            + "polarity, stars, rating, 标签, 情感 … the file has).")
    String labelColumn;

    @Option(names = "--label-type", defaultValue = "binary", description = "binary (0/1), three (negative/neutral/positive) or stars (1–5).")
    String labelType;

    @Option(names = "--exclude-neutral", description = "Drop neutral rows (3 stars).")
    boolean excludeNeutral;

    @ArgGroup(exclusive = true)
    Training training;

    static final class Training {
        @Option(names = "--train", description = "Train on this labelled CSV first (same columns and label type).")
        Path train;

        @Option(names = "--folds", description = "Cross-validate on the input: train on k−1 folds, test on the rest.")
        Integer folds;
    }

    @Option(names = "--data-dir", description = "Use this deployment's dictionaries, lexicon, taxonomy and active model.")
    Path dataDir;

    @Option(names = "--show-errors", defaultValue = "0", description = "Print a sample of this many misclassified rows to stderr.")
    int showErrors;

    @Option(names = "--adapt", defaultValue = "auto", description = "Adapt to the input's own texts (never its labels) by self-training, "
            + "as the platform adapts to its store: auto (when labels are binary and there are at least 100 rows), on, off.")
    String adapt;

    @Option(names = "--predictions", description = "Write each test row's prediction (row, predicted, score) to this CSV "
            + "(not with --folds).")
    Path predictionsFile;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--epochs", defaultValue = "10")
    int epochs;

    @Override
    public Integer call() throws Exception {
        try {
            LabelType type = LabelType.fromWire(labelType);
            KoubeiAnalyzer analyzer = Analyzers.of(dataDir);
            LabelledCsv.Labelled read = readLabelled(input, type);
            LabelledCsv.report(read.skipped(), System.err);
            List<LabelledText> data = read.examples();
            if (data.isEmpty()) {
                throw new IllegalArgumentException(input + ": no labelled rows");
            }
            TrainingOptions options = new TrainingOptions(epochs, TrainingOptions.defaults().learningRate(), TrainingOptions.defaults().l2(),
                    TrainingOptions.defaults().hashBits(), seed);
            SentimentEvaluation eval = new SentimentEvaluation(analyzer, type, excludeNeutral).showErrors(showErrors);
            if (predictionsFile != null) {
                eval.keepPredictions();
            }
            boolean binary = type == LabelType.BINARY || excludeNeutral;
            CorpusAdaptation.Options adaptation = switch (adapt) {
                case "off" -> null;
                case "on" -> CorpusAdaptation.Options.defaults().withMinTexts(1);
                case "auto" -> binary ? CorpusAdaptation.Options.defaults() : null;
                default -> throw new IllegalArgumentException("--adapt must be auto, on or off: " + adapt);
            };
            eval.adaptTo(adaptation);
            Map<String, Object> out;
            Map<String, Object> notes = new LinkedHashMap<>(read.notes("input"));
            if (training != null && training.train != null) {
                LabelledCsv.Labelled train = readLabelled(training.train, type);
                LabelledCsv.report(train.skipped(), System.err);
                if (train.examples().isEmpty()) {
                    throw new IllegalArgumentException(training.train + ": no labelled rows");
                }
                notes.putAll(train.notes("train"));
                out = eval.trainThenEvaluate(train.examples(), data, options, training.train.getFileName().toString());
            } else if (training != null && training.folds != null) {
                out = eval.crossValidate(data, training.folds, options);
            } else {
                out = eval.evaluate(data, options);
            }
            out.put("input", input.toString());
            out.putAll(notes);
            if (predictionsFile != null && !eval.predictions().isEmpty()) {
                StringBuilder csv = new StringBuilder("row,predicted,score\n");
                List<SentimentEvaluation.Prediction> ps = eval.predictions();
                for (int i = 0; i < ps.size(); i++) {
                    csv.append(i + 1).append(',').append(ps.get(i).predicted().wireName()).append(',')
                            .append(String.format(java.util.Locale.ROOT, "%.6f", ps.get(i).score())).append('\n');
                }
                java.nio.file.Files.writeString(predictionsFile, csv.toString());
            }
            System.out.println(Json.write(out));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** Reads a labelled file from the columns asked for, or its usual ones (saying which when it is not text/label). */
    private LabelledCsv.Labelled readLabelled(Path file, LabelType type) throws IOException {
        LabelledCsv csv = LabelledCsv.open(file);
        String text = csv.column(textColumn, LabelledCsv.TEXT_COLUMNS);
        String label = csv.column(labelColumn, LabelledCsv.LABEL_COLUMNS);
        if ((textColumn == null && !text.equals("text")) || (labelColumn == null && !label.equals("label"))) {
            System.err.println(file + ": reading column '" + text + "' as the text and '" + label + "' as the label");
        }
        return csv.labelled(text, label, type, excludeNeutral);
    }
}
