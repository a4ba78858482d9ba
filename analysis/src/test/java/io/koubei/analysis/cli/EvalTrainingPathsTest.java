package io.koubei.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The evaluation paths behind the published figures: {@code eval sentiment --train}, {@code --folds} and
 * {@code --adapt}, on small files the test writes. The texts praise or blame with two made-up words (唔哩 good,
 * 咕噜 bad) that no lexicon knows (half of them also with a word the rules know), so only a model that learned from
 * the labels gets them all right.
 */
class EvalTrainingPathsTest {
    private static final String[] THINGS = {"耳机", "手机", "屏幕", "电池", "镜头", "键盘", "音箱", "手表", "平板", "充电器",
            "鼠标", "路由器"};
    private static final String[] FRAMES = {"这次买的%s真是%s", "%s用了一周，%s", "朋友推荐的%s，%s", "%s到手了，感觉%s",
            "第二次买%s了，还是%s"};

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

    /** Rows "text,label" (1 = 唔哩, 0 = 咕噜), balanced, in a seeded order. */
    private static List<String[]> rows(int n, long seed) {
        Random r = new Random(seed);
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean good = i % 2 == 0;
            String text = String.format(FRAMES[r.nextInt(FRAMES.length)], THINGS[r.nextInt(THINGS.length)], good ? "唔哩" : "咕噜");
            if (i % 4 < 2) {
                text += good ? "，很满意" : "，很失望"; // half the texts carry a word the rules know too
            }
            out.add(new String[] {text, good ? "1" : "0"});
        }
        Collections.shuffle(out, r);
        return out;
    }

    private static Path write(Path file, List<String[]> rows) throws Exception {
        StringBuilder sb = new StringBuilder("text,label\n");
        for (String[] row : rows) {
            sb.append(row[0]).append(',').append(row[1]).append('\n');
        }
        return Files.writeString(file, sb.toString());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.]+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainLearnsWhatTheRulesCannotKnow(@TempDir Path dir) throws Exception {
        Path train = write(dir.resolve("train.csv"), rows(300, 1));
        Path test = write(dir.resolve("test.csv"), rows(120, 2));
        Run zeroShot = run("eval", "sentiment", "--input", test.toString(), "--adapt", "off");
        Run trained = run("eval", "sentiment", "--input", test.toString(), "--train", train.toString(), "--adapt", "off");
        assertThat(zeroShot.code()).as(zeroShot.err()).isZero();
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("\"mode\":\"trained\"").contains("\"trainN\":300").contains("\"n\":120");
        assertThat(number(zeroShot.out(), "accuracy")).isLessThan(0.85);
        assertThat(number(trained.out(), "accuracy")).isGreaterThan(0.95);
    }

    @Test
    void foldsCrossValidateOnTheInputAlone(@TempDir Path dir) throws Exception {
        Path data = write(dir.resolve("data.csv"), rows(200, 3));
        Run r = run("eval", "sentiment", "--input", data.toString(), "--folds", "5", "--adapt", "off");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"mode\":\"5-fold\"").contains("\"n\":200");
        Matcher folds = Pattern.compile("\"foldAccuracy\":\\[([^\\]]*)\\]").matcher(r.out());
        assertThat(folds.find()).isTrue();
        assertThat(folds.group(1).split(",")).hasSize(5);
        assertThat(number(r.out(), "accuracy")).isGreaterThan(0.9);
        Run bad = run("eval", "sentiment", "--input", data.toString(), "--folds", "5", "--train", data.toString());
        assertThat(bad.code()).as("--train and --folds exclude each other").isNotZero();
    }

    @Test
    void adaptationNeverSeesTheTestLabels(@TempDir Path dir) throws Exception {
        Path train = write(dir.resolve("train.csv"), rows(60, 4));
        List<String[]> testRows = rows(150, 5);
        Path test = write(dir.resolve("test.csv"), testRows);
        // the same texts in the same order, their labels shuffled among them
        List<String> labels = new ArrayList<>(testRows.stream().map(r -> r[1]).toList());
        Collections.shuffle(labels, new Random(9));
        List<String[]> shuffledRows = new ArrayList<>();
        for (int i = 0; i < testRows.size(); i++) {
            shuffledRows.add(new String[] {testRows.get(i)[0], labels.get(i)});
        }
        Path shuffled = write(dir.resolve("shuffled.csv"), shuffledRows);
        Path p1 = dir.resolve("p1.csv");
        Path p2 = dir.resolve("p2.csv");
        Run a = run("eval", "sentiment", "--input", test.toString(), "--train", train.toString(), "--adapt", "on",
                "--predictions", p1.toString());
        Run b = run("eval", "sentiment", "--input", shuffled.toString(), "--train", train.toString(), "--adapt", "on",
                "--predictions", p2.toString());
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(a.out()).as("adaptation ran").contains("\"pseudoPositive\"").contains("\"unlabelledTexts\":150");
        assertThat(number(a.out(), "accuracy")).as("the labels were really shuffled").isNotEqualTo(number(b.out(), "accuracy"));
        assertThat(Files.readAllLines(p2)).as("the adapted predictions do not depend on the test labels")
                .hasSize(151).isEqualTo(Files.readAllLines(p1));
    }
}
