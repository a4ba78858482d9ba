package io.koubei.analysis.aspects;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AspectTest {
    private final KoubeiAnalyzer analyzer = FeedbackAnalyzers.builtIn();

    @Test
    void freeFormTargetsMapToTaxonomyAspects() {
        AspectTaxonomy t = AspectTaxonomy.builtIn();
        assertThat(t.aspectOf("电池")).isEqualTo("battery");
        assertThat(t.aspectOf("待机")).isEqualTo("battery");
        assertThat(t.aspectOf("续航")).isEqualTo("battery");
        assertThat(t.aspectOf("手机电池")).isEqualTo("battery");
        assertThat(t.aspectOf("客服")).isEqualTo("service");
        assertThat(t.aspectOf("快递")).isEqualTo("logistics");
        assertThat(t.aspectOf("天气")).isNull();
        assertThat(t.ids()).contains("battery", "charging", "screen", "camera", "performance", "heat", "signal", "system",
                "design", "price", "service", "logistics", "after_sales", "quality");
    }

    @Test
    void opinionPointsPerClause() {
        List<OpinionPoint> ops = analyzer.analyzeText("续航很给力，但是屏幕太暗了，客服态度也很差").opinions();
        assertThat(ops).extracting(OpinionPoint::aspect, OpinionPoint::polarity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("battery", Polarity.POSITIVE),
                org.assertj.core.groups.Tuple.tuple("screen", Polarity.NEGATIVE),
                org.assertj.core.groups.Tuple.tuple("service", Polarity.NEGATIVE));
        assertThat(ops.get(0).target()).isEqualTo("续航");
        assertThat(ops.get(0).opinionWords()).containsExactly("很+给力");
        assertThat(ops.get(1).snippet()).isEqualTo("屏幕太暗了");
    }

    @Test
    void twoAspectsInOneClauseGetTheirOwnWords() {
        List<OpinionPoint> ops = analyzer.analyzeText("拍照清晰电池不耐用").opinions();
        assertThat(ops).extracting(OpinionPoint::aspect, OpinionPoint::polarity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("camera", Polarity.POSITIVE),
                org.assertj.core.groups.Tuple.tuple("battery", Polarity.NEGATIVE));
    }

    @Test
    void polarityTowardAFreeFormTarget() {
        String text = "外形很时尚，但是油耗太高了";
        assertThat(analyzer.polarityToward(text, "外形")).contains(Polarity.POSITIVE);
        assertThat(analyzer.polarityToward(text, "油耗")).contains(Polarity.NEGATIVE);
        assertThat(analyzer.polarityToward(text, "座椅")).isEmpty();
    }

    @Test
    void deploymentTaxonomyReplacesTheDefault(@TempDir Path dataDir) throws Exception {
        Files.createDirectories(dataDir.resolve("analysis"));
        Files.writeString(dataDir.resolve("analysis/aspects.tsv"), "cabin\t座舱\t座椅,内饰,车机\n");
        KoubeiAnalyzer custom = FeedbackAnalyzers.fromDataDir(dataDir);
        assertThat(custom.analyzeText("座椅很舒服").opinions()).extracting(OpinionPoint::aspect).containsExactly("cabin");
        assertThat(custom.resources().taxonomy().aspectOf("电池")).isNull();
    }
}
