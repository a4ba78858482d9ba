package io.koubei.analysis.cli;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.eval.Json;
import io.koubei.analysis.eval.LabelType;
import io.koubei.analysis.eval.LabelledCsv;
import io.koubei.analysis.model.CorpusAdaptation;
import io.koubei.analysis.model.LabelledText;
import io.koubei.analysis.model.LinearSentimentModel;
import io.koubei.analysis.model.SentimentModelStore;
import io.koubei.analysis.model.SentimentTraining;
import io.koubei.analysis.model.TrainingOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Learn a linear model (words + character n-grams + the built-in rules' output) from labelled feedback and "
                + "save it as a new version in the data directory.")
public final class TrainSentimentCommand implements Callable<Integer> {
    @Option(names = "--input", required = true)
    Path input;

    @Option(names = "--text-column", description = "Column of the texts (default: text, or the first of review, content, "
            + "comment, sentence, 评论, 内容 … the file has).")
    String textColumn;

    @Option(names = "--label-column", description = "Column of the labels (default: label, or the first of sentiment, "
            + "polarity, stars, rating, 标签, 情感 … the file has).")
    String labelColumn;

    @Option(names = "--label-type", defaultValue = "binary", description = "binary, three or stars.")
    String labelType;

    @Option(names = "--exclude-neutral")
    boolean excludeNeutral;

    @Option(names = "--data-dir", required = true, description = "Models go to <data-dir>/models/sentiment/.")
    Path dataDir;

    @Option(names = "--no-activate", description = "Save without making it the active model.")
    boolean noActivate;

    @Option(names = "--epochs", defaultValue = "10")
    int epochs;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--hash-bits", defaultValue = "21")
    int hashBits;

    @Option(names = "--adapt-to", description = "A CSV of the team's own unlabelled feedback (its text column) to adapt to "
            + "by self-training after learning from the labelled file (at least 100 texts).")
    Path adaptTo;

    @Override
    public Integer call() throws Exception {
        try {
            LabelledCsv csv = LabelledCsv.open(input);
            LabelledCsv.Labelled read = csv.labelled(csv.column(textColumn, LabelledCsv.TEXT_COLUMNS),
                    csv.column(labelColumn, LabelledCsv.LABEL_COLUMNS), LabelType.fromWire(labelType), excludeNeutral);
            LabelledCsv.report(read.skipped(), System.err);
            List<LabelledText> data = read.examples();
            KoubeiAnalyzer analyzer = Analyzers.of(dataDir).withModel(null);
            TrainingOptions options = new TrainingOptions(epochs, TrainingOptions.defaults().learningRate(), TrainingOptions.defaults().l2(), hashBits, seed);
            long start = System.nanoTime();
            String trainedOn = input.getFileName() + " (" + data.size() + " rows)";
            LinearSentimentModel model = SentimentTraining.train(analyzer, data, options, trainedOn);
            Object adaptation = "off";
            if (adaptTo != null) {
                LabelledCsv unlabelled = LabelledCsv.open(adaptTo);
                String corpusText = unlabelled.column(textColumn, LabelledCsv.TEXT_COLUMNS);
                List<String> corpus = unlabelled.records(List.of(corpusText)).records().stream().map(r -> r.get(corpusText))
                        .filter(t -> t != null && !t.isBlank()).toList();
                CorpusAdaptation ca = new CorpusAdaptation(analyzer, options, CorpusAdaptation.Options.defaults());
                if (!ca.isWorthIt(corpus.size())) {
                    throw new IllegalArgumentException(adaptTo + ": " + corpus.size() + " texts, adaptation needs at least "
                            + CorpusAdaptation.Options.defaults().minTexts());
                }
                CorpusAdaptation.Result r = ca.adapt(corpus, data, model, trainedOn);
                model = r.model();
                adaptation = r.report().describe();
            }
            Path file = new SentimentModelStore(dataDir).save(model, !noActivate);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", model.version());
            out.put("file", file.toString());
            out.put("active", !noActivate);
            out.put("examples", data.size());
            out.putAll(read.notes("input"));
            out.put("adaptation", adaptation);
            out.put("classes", model.labels().stream().map(p -> p.wireName()).toList());
            out.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
            System.out.println(Json.write(out));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
