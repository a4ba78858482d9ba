package io.koubei.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as a user runs it: a file with a bad row still gets evaluated, and the output says what was left out. */
class EvalSentimentCommandTest {

    @Test
    void aBadRowIsReportedAndTheRestEvaluated(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("reviews.csv");
        Files.writeString(csv, "\uFEFFtext,label\n非常好用，推荐,1\n质量太差，退货,0\n还行,maybe\n续航很给力,1\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new AnalysisCli()).execute("eval", "sentiment", "--input", csv.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"n\":3").contains("\"accuracy\":1.0").contains("\"inputSkippedRows\":1");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(csv + " line 4: binary label must be 0 or 1, got 'maybe'");
    }
}
