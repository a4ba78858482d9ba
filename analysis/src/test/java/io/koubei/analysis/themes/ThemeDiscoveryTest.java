package io.koubei.analysis.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeDiscoveryTest {
    private static final KoubeiAnalyzer ANALYZER = FeedbackAnalyzers.builtIn();

    private static List<String> corpus() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            texts.add("升级以后指纹解锁老是失败，烦死了");
            texts.add("指纹解锁太慢了");
            texts.add("充电头发烫得厉害，不敢用");
            texts.add("Nova X9 的感觉很好，值得买");
            texts.add("屏幕很清晰，满意");
        }
        texts.add("指纹解锁功能经常失灵");
        texts.add("指纹解锁速度很差");
        return texts;
    }

    private static List<Theme> discover(List<String> texts, ThemeEdits edits) {
        ThemeReader reader = new ThemeReader(ANALYZER, List.of("Nova X9"));
        ThemeDiscovery d = reader.discovery(3);
        for (String t : texts) {
            d.add(reader.candidates(t));
        }
        return d.themes(edits);
    }

    private static Theme named(List<Theme> themes, String part) {
        return themes.stream().filter(t -> t.name().contains(part)).findFirst().orElse(null);
    }

    @Test
    void findsAProblemTheTaxonomyHasNoWordFor() {
        List<Theme> themes = discover(corpus(), ThemeEdits.NONE);
        Theme unlock = named(themes, "指纹");
        assertNotNull(unlock, themes.toString());
        assertEquals("指纹解锁", unlock.name());
        assertNull(unlock.aspect(), "no taxonomy aspect names fingerprint unlocking");
        assertTrue(unlock.negativeShare() > 0.9);
        assertTrue(unlock.quotes().get(0).contains("指纹解锁"), unlock.quotes().toString());
        Theme charger = named(themes, "充电头");
        assertNotNull(charger, themes.toString());
        assertEquals("charging", charger.aspect(), "linked to the taxonomy aspect that fits");
        Theme screen = named(themes, "屏幕");
        assertEquals("screen", screen.aspect());
    }

    @Test
    void noThemeIsAStopWordOrAProductName() {
        for (Theme t : discover(corpus(), ThemeEdits.NONE)) {
            for (String bad : List.of("感觉", "nova", "x9", "Nova X9", "升级以后")) {
                assertFalse(t.name().equalsIgnoreCase(bad) || t.keys().contains(bad.toLowerCase()), t.toString());
            }
        }
    }

    @Test
    void idsAreStableAcrossRunsAndOrder() {
        List<String> shuffled = new ArrayList<>(corpus());
        Collections.shuffle(shuffled, new Random(7));
        List<Theme> a = discover(corpus(), ThemeEdits.NONE);
        List<Theme> b = discover(shuffled, ThemeEdits.NONE);
        assertEquals(a.stream().map(Theme::id).sorted().toList(), b.stream().map(Theme::id).sorted().toList());
        Theme unlock = named(a, "指纹");
        assertEquals(ThemeIds.of(unlock.key()), unlock.id(), "the id is derived from the canonical word alone");
    }

    @Test
    void variantsOfATargetLandInTheSameTheme() {
        ThemeReader reader = new ThemeReader(ANALYZER, List.of());
        ThemeIndex index = new ThemeIndex(discover(corpus(), ThemeEdits.NONE));
        String id = index.themeOf(reader.words("指纹解锁"));
        assertNotNull(id);
        assertEquals(id, index.themeOf(reader.words("指纹解锁功能")));
        assertEquals(id, index.themeOf(reader.words("指纹")));
        assertNull(index.themeOf(reader.words("方向盘")));
    }

    @Test
    void teamEditsAreRespected() {
        List<Theme> plain = discover(corpus(), ThemeEdits.NONE);
        String unlock = named(plain, "指纹").id();
        String charger = named(plain, "充电头").id();
        String screen = named(plain, "屏幕").id();
        ThemeEdits edits = new ThemeEdits(Map.of(unlock, "指纹解锁失败"), Set.of(screen), Map.of(charger, unlock), Map.of(unlock, "system"));
        List<Theme> edited = discover(corpus(), edits);
        Theme u = edited.stream().filter(t -> t.id().equals(unlock)).findFirst().orElseThrow();
        assertEquals("指纹解锁失败", u.name());
        assertEquals("system", u.aspect());
        assertTrue(u.keys().contains("充电头"), "merged theme's words now belong to it: " + u.keys());
        assertTrue(edited.stream().noneMatch(t -> t.id().equals(charger)));
        assertTrue(edited.stream().filter(t -> t.id().equals(screen)).findFirst().orElseThrow().hidden());
        assertEquals(unlock, new ThemeIndex(edited).themeOf(List.of("充电头")));
    }
}
