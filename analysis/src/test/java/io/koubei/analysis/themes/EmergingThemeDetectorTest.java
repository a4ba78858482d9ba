package io.koubei.analysis.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A problem no taxonomy word names (fingerprint unlocking fails) starts in one week across several channels: the
 * emerging-theme signal appears in that week and names it; a calm control (the same weeks without it) stays quiet.
 */
class EmergingThemeDetectorTest {
    private static final KoubeiAnalyzer ANALYZER = FeedbackAnalyzers.builtIn();
    private static final List<String> WEEKS = List.of("2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44",
            "2026-W45", "2026-W46", "2026-W47", "2026-W48");
    private static final String[] CALM = {"屏幕很清晰，满意", "续航太差了，一天三充", "拍照效果不错", "物流很快，包装完好",
            "客服态度很差", "外观很漂亮", "系统有点卡顿", "价格偏贵"};
    private static final String[] PROBLEM = {"升级以后指纹解锁老是失败", "指纹解锁失败好几次，只能输密码", "指纹识别很慢，经常解锁失败",
            "更新后指纹解锁不灵了"};
    private static final Channel[] CHANNELS = {Channel.COMMUNITY, Channel.SOCIAL, Channel.REVIEW, Channel.TICKET};

    private record Item(String id, String week, Channel channel, String version, String text) {
    }

    private static List<Item> scenario(boolean withProblem) {
        List<Item> items = new ArrayList<>();
        int n = 0;
        for (String week : WEEKS) {
            for (int i = 0; i < 40; i++) {
                items.add(new Item("i" + n++, week, CHANNELS[i % CHANNELS.length], "1.0", CALM[(i + week.hashCode()) & 7]));
            }
            if (withProblem && week.equals("2026-W47")) {
                for (int i = 0; i < 12; i++) {
                    items.add(new Item("p" + n++, week, CHANNELS[i % CHANNELS.length], "1.1", PROBLEM[i % PROBLEM.length]));
                }
            }
            if (withProblem && week.equals("2026-W48")) {
                for (int i = 0; i < 14; i++) {
                    items.add(new Item("p" + n++, week, CHANNELS[i % CHANNELS.length], "1.1", PROBLEM[i % PROBLEM.length]));
                }
            }
        }
        return items;
    }

    private static Map<String, List<Signal>> run(List<Item> items) {
        ThemeReader reader = new ThemeReader(ANALYZER, List.of());
        ThemeDiscovery discovery = reader.discovery(3);
        Map<String, List<ThemeCandidate>> candidates = new HashMap<>();
        for (Item it : items) {
            List<ThemeCandidate> c = reader.candidates(it.text());
            candidates.put(it.id(), c);
            discovery.add(c);
        }
        List<Theme> themes = discovery.themes();
        ThemeIndex index = new ThemeIndex(themes);
        List<ThemeMention> mentions = new ArrayList<>();
        for (Item it : items) {
            for (ThemeCandidate c : candidates.get(it.id())) {
                String id = index.themeOf(c.words());
                if (id != null) {
                    mentions.add(new ThemeMention(it.id(), it.week(), it.channel(), it.version(), id, c.polarity()));
                }
            }
        }
        Map<String, Theme> byId = new HashMap<>();
        themes.forEach(t -> byId.put(t.id(), t));
        Map<String, List<Signal>> out = new HashMap<>();
        EmergingThemeDetector d = new EmergingThemeDetector();
        for (int w = 4; w < WEEKS.size(); w++) {
            out.put(WEEKS.get(w), d.detect(mentions, byId, WEEKS.get(w), WEEKS.subList(0, w)));
        }
        return out;
    }

    @Test
    void anUnnamedProblemEmergesInTheWeekItStarts() {
        Map<String, List<Signal>> byWeek = run(scenario(true));
        for (String quiet : List.of("2026-W44", "2026-W45", "2026-W46")) {
            assertEquals(List.of(), byWeek.get(quiet), quiet);
        }
        List<Signal> w47 = byWeek.get("2026-W47");
        assertEquals(1, w47.size(), w47.toString());
        Signal s = w47.get(0);
        assertEquals(SignalType.EMERGING_THEME, s.type());
        assertTrue(s.title().contains("指纹"), s.title());
        assertTrue(s.channels().size() >= 3, "seen in several channels: " + s.channels());
        assertEquals("1.1", s.evidence().facts().get("versions"));
        assertTrue(s.evidence().itemIds().stream().allMatch(id -> id.startsWith("p")), "only the items behind it");
        assertTrue(s.evidence().drillDown().get("theme").startsWith("th-"));
        assertEquals(List.of(), byWeek.get("2026-W48"), "raised once, in the week it first crossed");
    }

    @Test
    void theCalmControlStaysQuiet() {
        Map<String, List<Signal>> byWeek = run(scenario(false));
        for (var e : byWeek.entrySet()) {
            assertEquals(List.of(), e.getValue(), e.getKey());
        }
    }

    @Test
    void aHiddenThemeDoesNotAlert() {
        Theme t = new Theme("th-x", "指纹解锁", "指纹", null, List.of("指纹"), List.of("指纹解锁"), 10, 10, List.of(), List.of(), true);
        List<ThemeMention> m = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            m.add(new ThemeMention("a" + i, "2026-W47", Channel.SOCIAL, null, "th-x", Polarity.NEGATIVE));
        }
        assertEquals(List.of(), new EmergingThemeDetector().detect(m, Map.of("th-x", t), "2026-W47", WEEKS.subList(0, 7)));
        Theme shown = new Theme("th-x", "指纹解锁", "指纹", null, List.of("指纹"), List.of("指纹解锁"), 10, 10, List.of(), List.of(), false);
        assertEquals(1, new EmergingThemeDetector().detect(m, Map.of("th-x", shown), "2026-W47", WEEKS.subList(0, 7)).size());
        assertTrue(Set.of(SignalType.values()).contains(SignalType.EMERGING_THEME));
    }
}
