package io.koubei.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisResources;
import io.koubei.analysis.FeedbackAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationTest {
    private final DictionarySegmenter segmenter = new DictionarySegmenter(AnalysisResources.builtIn().dictionary());

    @Test
    void domainWordsStayWhole() {
        List<String> tokens = segmenter.segment("客服说这个手机很好用，续航也长");
        assertThat(tokens).contains("客服", "好用", "续航");
    }

    @Test
    void modelNamesStayWholeInAnyCaseAndSpacing() {
        assertThat(segmenter.segment("刚买的Redmi K70 Pro发热严重")).contains("redmi k70 pro");
        assertThat(segmenter.segment("REDMI  K70  PRO真香")).contains("redmi k70 pro", "真香");
        assertThat(segmenter.segment("redmik70pro不错")).contains("redmi k70 pro");
    }

    @Test
    void latinWordsAreNotCutByShorterEntries() {
        // "ios" is an entry; "iostat" is not, and must not be split into ios + tat
        assertThat(segmenter.segment("用iostat看了一下")).contains("iostat").doesNotContain("ios");
    }

    @Test
    void emoticonsAndEmojiSurvive() {
        List<String> tokens = segmenter.segment("笑死我了[哈哈]，太气人了[怒]😡👍🏻");
        assertThat(tokens).contains("[哈哈]", "[怒]", "😡", "👍🏻");
    }

    @Test
    void mixedChineseAndEnglish() {
        List<String> tokens = segmenter.segment("这个App的UI design很好看, battery life一般, X443型号");
        assertThat(tokens).contains("app", "ui", "design", "好看", "battery", "life", "一般", "x443");
        assertThat(tokens).noneMatch(t -> t.equals(",") || t.isBlank());
    }

    @Test
    void hanDetectionAgreesWithUnicodeScriptsEverywhere() {
        // isCjk skips the script lookup for common punctuation ranges; none of them may hide a Han character (々, 〇)
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean han = (cp >= 0x4E00 && cp <= 0x9FFF) // the whole unified block, as assigned in newer Unicode versions
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (DictionarySegmenter.isCjk(cp) != han) {
                throw new AssertionError("U+" + Integer.toHexString(cp) + ": isCjk " + !han + ", script HAN " + han);
            }
        }
    }

    @Test
    void offsetsPointBackIntoTheText() {
        String text = "屏幕很清晰，但是续航差";
        for (Token t : segmenter.tokenize(text)) {
            if (t.kind() == Token.Kind.WORD) {
                assertThat(text.substring(t.start(), t.end())).isEqualTo(t.term());
            }
        }
    }

    @Test
    void deploymentDictionaryAddsProductNames(@TempDir Path dataDir) throws Exception {
        String text = "星耀Neo 3的做工不错";
        assertThat(FeedbackAnalyzers.builtIn().segment(text)).doesNotContain("星耀 neo 3");
        Path dict = dataDir.resolve("analysis/dictionary");
        Files.createDirectories(dict);
        Files.writeString(dict.resolve("products.txt"), "# our products\n星耀 Neo 3\n");
        assertThat(FeedbackAnalyzers.fromDataDir(dataDir).segment(text)).contains("星耀 neo 3", "做工不错");
    }
}
