package io.koubei.analysis.cli;

import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.eval.Json;
import io.koubei.core.feedback.OpinionPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Show tokens, sentiment with its explanation, and opinion points of a text.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", description = "Text(s) to analyse.")
    List<String> texts;

    @Option(names = "--data-dir")
    Path dataDir;

    @Override
    public Integer call() {
        KoubeiAnalyzer analyzer = Analyzers.of(dataDir);
        for (String text : texts) {
            KoubeiAnalyzer.TextAnalysis a = analyzer.analyzeText(text);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", analyzer.version());
            out.put("tokens", a.terms());
            out.put("polarity", a.sentiment().polarity().wireName());
            out.put("score", Math.round(a.sentiment().score() * 1000) / 1000.0);
            out.put("explanation", a.sentiment().explanation());
            List<Map<String, Object>> ops = new ArrayList<>();
            for (OpinionPoint o : a.opinions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("aspect", o.aspect());
                m.put("target", o.target());
                m.put("polarity", o.polarity().wireName());
                m.put("opinionWords", o.opinionWords());
                m.put("snippet", o.snippet());
                ops.add(m);
            }
            out.put("opinions", ops);
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
