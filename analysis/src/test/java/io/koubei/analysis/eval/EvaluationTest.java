package io.koubei.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.model.LabelledText;
import io.koubei.core.feedback.Polarity;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @Test
    void metricsFromAKnownConfusionMatrix() {
        ClassificationReport r = new ClassificationReport(List.of(Polarity.NEGATIVE, Polarity.POSITIVE));
        // truth negative: 3 right, 1 wrong, 1 undecided; truth positive: 4 right, 1 wrong
        for (int i = 0; i < 3; i++) r.add(Polarity.NEGATIVE, Polarity.NEGATIVE);
        r.add(Polarity.NEGATIVE, Polarity.POSITIVE);
        r.add(Polarity.NEGATIVE, Polarity.NEUTRAL);
        for (int i = 0; i < 4; i++) r.add(Polarity.POSITIVE, Polarity.POSITIVE);
        r.add(Polarity.POSITIVE, Polarity.NEGATIVE);
        assertThat(r.n()).isEqualTo(10);
        assertThat(r.accuracy()).isCloseTo(0.7, within(1e-9));
        assertThat(r.precision(Polarity.NEGATIVE)).isCloseTo(3.0 / 4, within(1e-9));
        assertThat(r.recall(Polarity.NEGATIVE)).isCloseTo(3.0 / 5, within(1e-9));
        assertThat(r.precision(Polarity.POSITIVE)).isCloseTo(4.0 / 5, within(1e-9));
        assertThat(r.recall(Polarity.POSITIVE)).isCloseTo(4.0 / 5, within(1e-9));
        double f1neg = 2 * 0.75 * 0.6 / 1.35;
        assertThat(r.macroF1()).isCloseTo((f1neg + 0.8) / 2, within(1e-9));
        assertThat(r.cell(Polarity.NEGATIVE, "undecided")).isEqualTo(1);
    }

    @Test
    void zeroShotEvaluationOfATinyCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("tiny.csv");
        Files.writeString(csv, """
                review,stars
                "非常好用，推荐购买",5
                "质量太差了，退货",1
                "一般般吧",3
                "今天下午到货",3
                "客服态度恶劣",2
                "续航很给力",4
                """);
        List<LabelledText> all = LabelledCsv.read(csv, "review", "stars", LabelType.STARS, false).examples();
        assertThat(all).hasSize(6);
        List<LabelledText> polar = LabelledCsv.read(csv, "review", "stars", LabelType.STARS, true).examples();
        assertThat(polar).extracting(LabelledText::label).doesNotContain(Polarity.NEUTRAL).hasSize(4);

        Map<String, Object> out = new SentimentEvaluation(FeedbackAnalyzers.builtIn(), LabelType.STARS, true).evaluate(polar);
        assertThat(out.get("n")).isEqualTo(4L);
        assertThat((double) out.get("accuracy")).isEqualTo(1.0);
        String json = Json.write(out);
        assertThat(json).contains("\"macroF1\":1.0").contains("\"confusion\"").contains("\"itemsPerSecond\"");
    }

    @Test
    void badRowsAreSkippedWithFileAndLineAndAMissingColumnIsAnError(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "text,label\n很好,1\n\"很差，\n真的很差\",maybe\n一般\n太差了,0\n");
        LabelledCsv.Labelled read = LabelledCsv.read(csv, "text", "label", LabelType.BINARY, false);
        assertThat(read.examples()).extracting(LabelledText::text).containsExactly("很好", "太差了");
        assertThat(read.skipped()).extracting(Object::toString).containsExactly(
                csv + " line 3: binary label must be 0 or 1, got 'maybe'",
                csv + " line 5: expected 2 columns, got 1");
        assertThat(read.notes("input")).containsEntry("inputSkippedRows", 2).doesNotContainKey("inputEncoding");
        assertThatThrownBy(() -> LabelledCsv.read(csv, "content", "label", LabelType.BINARY, false))
                .hasMessageContaining("no column 'content'");
    }

    @Test
    void excelFilesReadWithTheirByteOrderMarkOrInGbk(@TempDir Path dir) throws Exception {
        String content = "评论,标签\n屏幕很清晰,正面\n发热严重,负面\n";
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFF" + content).getBytes(StandardCharsets.UTF_8));
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, content.getBytes(Charset.forName("GBK")));
        Path utf16 = dir.resolve("utf16.csv"); // Excel's "Unicode text", Google Play's review exports
        Files.write(utf16, ("\uFEFF" + content).getBytes(StandardCharsets.UTF_16LE));
        for (Path f : List.of(bom, gbk, utf16)) {
            LabelledCsv.Labelled read = LabelledCsv.read(f, "评论", "标签", LabelType.BINARY, false);
            assertThat(read.examples()).extracting(LabelledText::text, LabelledText::label).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("屏幕很清晰", Polarity.POSITIVE),
                    org.assertj.core.groups.Tuple.tuple("发热严重", Polarity.NEGATIVE));
        }
        assertThat(LabelledCsv.read(gbk, "评论", "标签", LabelType.BINARY, false).notes("input")).containsEntry("inputEncoding", "GB18030");
        assertThat(LabelledCsv.read(utf16, "评论", "标签", LabelType.BINARY, false).notes("input")).containsEntry("inputEncoding", "UTF-16LE");
    }

    @Test
    void binaryPredictionIsTheSignAndZeroIsWrong() {
        SentimentEvaluation eval = new SentimentEvaluation(FeedbackAnalyzers.builtIn(), LabelType.BINARY, false);
        Map<String, Object> out = eval.evaluate(List.of(
                new LabelledText("新版本下周推送", Polarity.POSITIVE),
                new LabelledText("太好用了", Polarity.POSITIVE)));
        assertThat((double) out.get("accuracy")).isEqualTo(0.5);
    }

    @Test
    void kFoldPutsEveryRowInExactlyOneBalancedFold() {
        int n = 103;
        int[] fold = KFold.assign(n, 5, 7L);
        int[] sizes = new int[5];
        for (int f : fold) {
            sizes[f]++;
        }
        for (int s : sizes) {
            assertThat(s).isBetween(20, 21);
        }
        assertThat(KFold.assign(n, 5, 7L)).containsExactly(fold);
        Set<String> distinct = new HashSet<>();
        for (int f : KFold.assign(n, 5, 8L)) {
            distinct.add(String.valueOf(f));
        }
        assertThat(distinct).hasSize(5);
        assertThat(KFold.assign(n, 5, 8L)).isNotEqualTo(fold);
        assertThatThrownBy(() -> KFold.assign(3, 5, 1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
