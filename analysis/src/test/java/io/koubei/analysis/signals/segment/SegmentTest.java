package io.koubei.analysis.signals.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.TestItems;
import io.koubei.analysis.signals.Weeks;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentTest {
    static final List<String> WEEKS = Weeks.range("2026-W36", "2026-W45");
    static final List<String> ASPECTS = List.of("battery", "screen", "camera", "system", "aod");
    static final Instant AS_OF = TestItems.CAL.weekStart("2026-W46");

    static Author core(int i) {
        return new Author("core" + i, "老粉" + i, 800, Instant.parse("2021-03-01T00:00:00Z"), 6 + i % 3, false, false);
    }

    static Author mass(int i) {
        return new Author("mass" + i, "路人" + i, 50, Instant.parse("2026-06-01T00:00:00Z"), 1, false, false);
    }

    /**
     * 12 core users posting technical notes on the forum every week, 300 mass users posting now and then. In
     * {@code complaintWeek} (if any) core users complain about the AOD after an OTA.
     */
    static List<AnalyzedFeedback> forum(Random r, String complaintWeek) {
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (String w : WEEKS) {
            for (int i = 0; i < 12; i++) {
                for (int k = 0; k < 2; k++) {
                    boolean complaint = w.equals(complaintWeek) && k == 0 && i < 11;
                    String aspect = complaint ? "aod" : ASPECTS.get(r.nextInt(4));
                    Polarity p = complaint ? Polarity.NEGATIVE : Polarity.values()[r.nextInt(3)];
                    out.add(TestItems.item().channel(Channel.COMMUNITY).product("X1")
                            .version(complaint ? "2.1.0" : "2.0.5").author(core(i))
                            .at(TestItems.inWeek(w, r.nextInt(3000))).polarity(p)
                            .replyTo(k == 1 ? "post" + r.nextInt(100) : null)
                            .text(complaint ? "升级 2.1.0 后息屏显示待机功耗明显变高，一晚掉电 12%" : "刷了新版本测了下功耗和帧率")
                            .opinion(aspect, p, complaint ? "息屏显示待机功耗明显变高" : aspect + " 还行").build());
                }
            }
            for (int i = 0; i < 60; i++) {
                int who = r.nextInt(300);
                Polarity p = Polarity.values()[r.nextInt(3)];
                out.add(TestItems.item().channel(Channel.COMMUNITY).product("X1").author(mass(who))
                        .at(TestItems.inWeek(w, r.nextInt(3000))).polarity(p).text("手机挺好看的")
                        .opinion(r.nextDouble() < 0.5 ? "appearance" : ASPECTS.get(r.nextInt(4)), p, "…").build());
            }
        }
        return out;
    }

    @Test
    void behaviourRulesSeparateCoreFromMassWithReasons() {
        List<AnalyzedFeedback> items = new ArrayList<>(forum(new Random(1), null));
        items.add(TestItems.item().author(mass(999)).tags("内测组").at(AS_OF.minusSeconds(3600)).text("hi").build());
        CoreUserClassifier c = new CoreUserClassifier();
        Map<String, Classification> classes = c.classifyAll(items, AS_OF);
        assertThat(classes.get("core3").segment()).isEqualTo(Segment.CORE);
        assertThat(classes.get("core3").reasons()).anyMatch(s -> s.startsWith("社区等级"))
                .anyMatch(s -> s.startsWith("技术词汇占比")).anyMatch(s -> s.startsWith("窗口内回复"));
        assertThat(classes.get("mass999").segment()).isEqualTo(Segment.CORE);
        assertThat(classes.get("mass999").reasons()).containsExactly("参与内测/公测");
        long massCore = classes.values().stream()
                .filter(x -> x.authorId().startsWith("mass") && !x.authorId().equals("mass999"))
                .filter(x -> x.segment() == Segment.CORE).count();
        assertThat(massCore).isZero();
        CoreUserClassifier.SegmentCounts counts = CoreUserClassifier.count(classes);
        assertThat(counts.coreAuthors()).isEqualTo(13);
        assertThat(counts.massAuthors()).isGreaterThan(200);
    }

    @Test
    void coreComplaintAfterOtaIsFoundAndRankedFirst() {
        List<AnalyzedFeedback> items = forum(new Random(2), "2026-W41");
        Map<String, Classification> classes = new CoreUserClassifier().classifyAll(items, AS_OF);
        List<Signal> signals = new CoreComplaintDetector().detect(items, classes, "2026-W41", "2026-W36");
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.CORE_COMPLAINT);
            assertThat(s.aspect()).isEqualTo("aod");
            assertThat(s.product()).isEqualTo("X1");
            assertThat(s.channels()).containsExactly(Channel.COMMUNITY);
            assertThat(s.evidence().figures().get("coreAuthors")).isEqualTo(11.0);
            assertThat(s.evidence().facts().get("versions")).contains("2.1.0=11");
            assertThat(s.evidence().facts().get("snippets")).contains("息屏显示");
            assertThat(s.evidence().itemIds()).hasSize(11);
            assertThat(s.dedupKey()).isEqualTo("CORE_COMPLAINT|2026-W41|-|-|aod|X1|-");
        });

        List<AnalyzedFeedback> core = items.stream()
                .filter(f -> CoreUserClassifier.segmentOf(f, classes) == Segment.CORE).toList();
        List<RankedOpinion> ranked = new OpinionPointRanking().rank(core, TestItems.CAL.weekStart("2026-W42"));
        assertThat(ranked.get(0).aspect()).isEqualTo("aod");
        assertThat(ranked.get(0).polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(ranked.get(0).version()).isEqualTo("2.1.0");
        assertThat(ranked.get(0).authors()).isEqualTo(11);
        assertThat(ranked.get(0).snippets()).containsExactly("息屏显示待机功耗明显变高");
    }

    @Test
    void calmWeeksRaiseNoCoreComplaint() {
        List<AnalyzedFeedback> items = forum(new Random(3), null);
        Map<String, Classification> classes = new CoreUserClassifier().classifyAll(items, AS_OF);
        for (String w : WEEKS.subList(4, WEEKS.size())) {
            assertThat(new CoreComplaintDetector().detect(items, classes, w, "2026-W36")).as(w).isEmpty();
        }
    }

    @Test
    void massImpressionShowsTrendAndWhereFeedbackClusters() {
        List<AnalyzedFeedback> items = forum(new Random(4), null);
        Map<String, Classification> classes = new CoreUserClassifier().classifyAll(items, AS_OF);
        List<AnalyzedFeedback> mass = items.stream()
                .filter(f -> CoreUserClassifier.segmentOf(f, classes) == Segment.MASS).toList();
        MassImpression.Impression imp = MassImpression.of(mass, WEEKS, 30, 3);
        assertThat(imp.trend()).hasSize(WEEKS.size());
        assertThat(imp.trend().get(0).items()).isEqualTo(60);
        assertThat(imp.trend().get(0).netSentiment().sufficient()).isTrue();
        assertThat(imp.clusters().get(0).aspect()).isEqualTo("appearance");
        assertThat(imp.clusters().get(0).share()).isBetween(0.4, 0.6);
    }
}
