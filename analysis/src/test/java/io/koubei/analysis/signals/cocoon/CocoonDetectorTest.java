package io.koubei.analysis.signals.cocoon;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.TestItems;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CocoonDetectorTest {
    static final Author OFFICIAL = new Author("wb-1000001", "星河手机", 2_350_000, Instant.parse("2015-01-01T00:00:00Z"),
            null, true, true);

    /** Two weeks of official posts with replies; {@code fanShare} of replies come from 10 fixed fans. */
    static List<AnalyzedFeedback> weibo(Random r, double fanShare) {
        return weibo(r, fanShare, 10);
    }

    static List<AnalyzedFeedback> weibo(Random r, double fanShare, int fans) {
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (String w : List.of("2026-W44", "2026-W45")) {
            for (int p = 0; p < 5; p++) {
                String post = "official-" + w + "-" + p;
                out.add(TestItems.item().id(post).channel(Channel.SOCIAL).author(OFFICIAL).at(TestItems.inWeek(w, p * 600))
                        .text("新品预告").build());
                for (int k = 0; k < 40; k++) {
                    String who = r.nextDouble() < fanShare ? "fan" + r.nextInt(fans) : "user" + r.nextInt(5000);
                    out.add(TestItems.item().channel(Channel.SOCIAL).author(who).replyTo(post)
                            .at(TestItems.inWeek(w, p * 600 + k)).text("支持").build());
                }
            }
            // ordinary social posts: many voices
            for (int k = 0; k < 300; k++) {
                out.add(TestItems.item().channel(Channel.SOCIAL).author("user" + r.nextInt(5000))
                        .at(TestItems.inWeek(w, 3000 + k)).text("随便说说").build());
            }
        }
        return out;
    }

    @Test
    void repliesUnderTheOfficialAccountRestingOnTenFansAreACocoon() {
        CocoonDetector.Report report = new CocoonDetector().detect(weibo(new Random(1), 0.78), "2026-W45");
        ScopeConcentration official = report.scopes().stream()
                .filter(s -> s.kind() == ScopeConcentration.Kind.OFFICIAL_ACCOUNT).findFirst().orElseThrow();
        assertThat(official.scope()).isEqualTo("wb-1000001");
        assertThat(official.items()).isEqualTo(200);
        assertThat(official.concentration().cr10()).isBetween(0.7, 0.86);
        assertThat(official.overlap()).isGreaterThanOrEqualTo(0.4);

        assertThat(report.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.COCOON);
            assertThat(s.subject()).isEqualTo("wb-1000001");
            assertThat(s.channels()).containsExactly(Channel.SOCIAL);
            assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(s.evidence().facts().get("topAccounts")).contains("fan");
            assertThat(s.evidence().itemIds()).hasSizeGreaterThan(140);
        });
        // The channel as a whole is not a cocoon: the ordinary posts have thousands of voices.
        ScopeConcentration channel = report.scopes().stream()
                .filter(s -> s.kind() == ScopeConcentration.Kind.CHANNEL).findFirst().orElseThrow();
        assertThat(channel.concentration().cr10()).isLessThan(0.5);
    }

    @Test
    void theSameTenFansAmongOneOffRepliersAreAFixedGroup() {
        // 70% of replies from 7 fans: the rest of the top 20 are one-off repliers, different every week
        CocoonDetector.Report report = new CocoonDetector().detect(weibo(new Random(3), 0.7, 7), "2026-W45");
        assertThat(report.signals()).singleElement().satisfies(s -> {
            assertThat(s.evidence().figures().get("top20OverlapWithPreviousWeek")).isLessThan(0.5);
            assertThat(s.evidence().figures().get("top10InPreviousTop20")).isGreaterThanOrEqualTo(0.7);
            assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void diverseRepliesAreNoCocoon() {
        CocoonDetector.Report report = new CocoonDetector().detect(weibo(new Random(2), 0.05), "2026-W45");
        assertThat(report.signals()).isEmpty();
        assertThat(report.scopes()).hasSize(2);
    }

    @Test
    void metricsOfAKnownDistribution() {
        Concentration c = VoiceConcentration.of(Map.of("a", 50.0, "b", 30.0, "c", 20.0));
        assertThat(c.cr10()).isEqualTo(1.0);
        assertThat(c.hhi()).isCloseTo(0.25 + 0.09 + 0.04, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.effectiveVoices()).isCloseTo(1 / 0.38, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.top()).containsExactly("a", "b", "c");
        assertThat(VoiceConcentration.overlap(List.of("a", "b", "c", "d"), List.of("b", "d", "x"))).isEqualTo(0.5);
    }
}
