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

/** The eval commands as a user runs them: a file with a bad row still gets evaluated, and the output says what was left out. */
class EvalCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new AnalysisCli()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void usualColumnNamesAreFoundWhenNoneIsGiven(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("stars.csv");
        Files.writeString(csv, "id,评论,星级\n1,非常好用，推荐,5\n2,质量太差，退货,1\n3,一般般,3\n");
        Run r = run("eval", "sentiment", "--input", csv.toString(), "--label-type", "stars", "--exclude-neutral");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"n\":2").contains("\"accuracy\":1.0");
        assertThat(r.err()).contains("reading column '评论' as the text and '星级' as the label");
        Run asked = run("eval", "sentiment", "--input", csv.toString(), "--text-column", "comment");
        assertThat(asked.code()).isEqualTo(2);
        assertThat(asked.err()).contains("no column 'comment'");
    }

    @Test
    void aBadRowIsReportedAndTheRestEvaluated(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("reviews.csv");
        Files.writeString(csv, "\uFEFFtext,label\n非常好用，推荐,1\n质量太差，退货,0\n还行,maybe\n续航很给力,1\n");
        Run r = run("eval", "sentiment", "--input", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"n\":3").contains("\"accuracy\":1.0").contains("\"inputSkippedRows\":1");
        assertThat(r.err()).contains(csv + " line 4: binary label must be 0 or 1, got 'maybe'");
    }

    @Test
    void aspectsFromAFileWithChineseColumnNamesAndABadRow(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("aspects.csv");
        Files.writeString(csv, "评论,方面,情感\n屏幕很清晰,屏幕,正面\n电池不耐用,电池,负面\n拍照还行,拍照,也许\n");
        Run r = run("eval", "aspects", "--input", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"n\":2").contains("\"coverage\":1.0").contains("\"inputSkippedRows\":1");
        assertThat(r.err()).contains(csv + " line 4: three-class label");
    }

    @Test
    void targetsTheTaxonomyDoesNotKnowLandInDiscoveredThemes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("targets.csv");
        Files.writeString(csv, "text,target,polarity\n"
                + "悬挂偏硬,悬挂,negative\n车子的悬挂太软了,悬挂,negative\n悬挂调校很好,悬挂调校,positive\n"
                + "内饰太老气,内饰,negative\n内饰很精致,内饰,positive\n屏幕很清晰,屏幕,positive\n"
                + "方向盘很沉,方向盘,negative\n");
        Run r = run("eval", "aspects", "--input", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // taxonomy: only 屏幕 (1/7); discovered from these texts: 悬挂 (3), 内饰 (2); 方向盘 is said once, no theme
        assertThat(r.out()).contains("\"taxonomyMapped\":0.1429").contains("\"namedThemeShare\":0.8571");
    }
}
