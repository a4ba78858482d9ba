package io.koubei.dashboard.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.platform.ReloadableAnalyzer;
import io.koubei.store.state.FileStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings saved to the data dir in the analysis module's formats, validated, and seen by the analyzer and detectors. */
class SettingsServiceTest {
    @TempDir
    Path dir;
    ReloadableAnalyzer analyzer;
    AlertProperties configured;
    SettingsService settings;

    @BeforeEach
    void setUp() {
        analyzer = new ReloadableAnalyzer(dir);
        configured = new AlertProperties();
        configured.setQuietFrom("22:00");
        configured.setQuietTo("07:00");
        settings = new SettingsService(dir, new FileStateStore(dir), analyzer, configured, new ProductSettings(Set.of("nova-x1"), Set.of("rival-r9")));
    }

    private Polarity polarityOf(String text) {
        return polarityOf(analyzer, text);
    }

    private static Polarity polarityOf(ReloadableAnalyzer analyzer, String text) {
        return analyzer.analyze(FeedbackItem.builder().id("t").source("t").channel(Channel.SOCIAL).externalId("t")
                .createdAt(Instant.parse("2026-11-01T00:00:00Z")).text(text).build()).sentiment().polarity();
    }

    private static List<String> keys(Problem.Rejected e) {
        return e.problems().stream().map(Problem::key).toList();
    }

    @Test
    void aLexiconOverrideIsWrittenAsTheAnalyzerReadsItAndUsedAtOnce() throws Exception {
        assertThat(polarityOf("这个手机呱唧呱")).isEqualTo(Polarity.NEUTRAL);
        settings.saveLexicon("呱唧呱 -2.5\n# comment\n给力\t2");
        assertThat(Files.readString(dir.resolve("analysis/sentiment-lexicon.tsv"), StandardCharsets.UTF_8))
                .contains("呱唧呱\t-2.5").contains("给力\t2");
        assertThat(polarityOf("这个手机呱唧呱")).isEqualTo(Polarity.NEGATIVE);
        // a restart reads the same file
        assertThat(new ReloadableAnalyzer(dir).segment("这个手机呱唧呱")).contains("呱唧呱");
        assertThat(settings.analysis().lexiconEntries()).extracting(AnalysisSettings.LexiconEntry::word).contains("呱唧呱", "给力");
    }

    @Test
    void badWeightsAreRejectedLineByLineAndNothingIsWritten() {
        assertThatThrownBy(() -> settings.saveLexicon("好 1\n糟 abc\n烂 -7\n好 2\n孤词"))
                .isInstanceOfSatisfying(Problem.Rejected.class, e -> {
                    assertThat(keys(e)).containsExactly("settings.error.weight", "settings.error.weight",
                            "settings.error.lexiconDuplicate", "settings.error.lexiconLine");
                    assertThat(e.problems().get(0).args()).containsExactly(2, "abc");
                    assertThat(e.problems().get(1).args()).containsExactly(3, "-7");
                });
        assertThat(dir.resolve("analysis/sentiment-lexicon.tsv")).doesNotExist();
    }

    @Test
    void taxonomyEditsAreValidatedAndReplaceTheBuiltInOne() {
        assertThatThrownBy(() -> settings.saveTaxonomy(List.of("battery", "Bad Id", "battery", "screen"),
                List.of("续航", "x", "again", ""), List.of("电池,续航", "y", "z", "电池")))
                .isInstanceOfSatisfying(Problem.Rejected.class, e -> assertThat(keys(e)).contains(
                        "settings.error.aspectId", "settings.error.aspectDuplicate", "settings.error.aspectName",
                        "settings.error.termTwice"));
        settings.saveTaxonomy(List.of("battery", "nfc", ""), List.of("续航", "NFC", ""), List.of("电池,续航", "nfc，刷卡", ""));
        assertThat(analyzer.current().resources().taxonomy().ids()).containsExactly("battery", "nfc");
        assertThat(analyzer.current().resources().taxonomy().aspectOf("刷卡")).isEqualTo("nfc");
        settings.resetTaxonomy();
        assertThat(analyzer.current().resources().taxonomy().ids()).contains("camera", "screen");
    }

    @Test
    void dictionariesKeepOneEntryPerLine() throws Exception {
        assertThatThrownBy(() -> settings.saveDictionary("slang", "拉胯\n" + "长".repeat(61)))
                .isInstanceOfSatisfying(Problem.Rejected.class, e -> assertThat(e.problems().get(0).args().get(0)).isEqualTo(2));
        assertThatThrownBy(() -> settings.saveDictionary("../etc", "x")).isInstanceOf(IllegalArgumentException.class);
        settings.saveDictionary("products", "Nova X1 Pro\n星河 Ultra\nnova x1 pro\n");
        assertThat(Files.readAllLines(dir.resolve("analysis/dictionary/products.txt"))).containsExactly("Nova X1 Pro", "星河 Ultra");
        assertThat(analyzer.segment("我的星河 Ultra续航")).contains("星河 ultra");
    }

    @Test
    void alertRulesApplyToTheNextScanAndToTheAlertService() {
        Map<String, String> form = new HashMap<>(Map.of("minSeverity", "CRITICAL", "quietFrom", "23:00", "quietTo", "",
                "maxPerHour", "abc", "mutedAspects", "logistics\nbatery", "spikeMinCount", "0", "cocoonCr10", "0.7"));
        assertThatThrownBy(() -> AlertRules.parse(form, List.of("SPIKE"), analyzer.current().resources().taxonomy().ids()))
                .isInstanceOfSatisfying(Problem.Rejected.class, e -> assertThat(keys(e)).containsExactlyInAnyOrder(
                        "settings.error.quietHoursPair", "settings.error.integer", "settings.error.unknownAspect",
                        "settings.error.range"));
        form.put("quietTo", "08:00");
        form.put("maxPerHour", "5");
        form.put("mutedAspects", "logistics");
        form.put("spikeMinCount", "25");
        AlertRules rules = AlertRules.parse(form, List.of("SPIKE", "SILENCE"), analyzer.current().resources().taxonomy().ids());
        AlertProperties seen = settings.alertProperties();
        assertThat(seen.getQuietFrom()).isEqualTo("22:00"); // configured, until saved
        settings.saveAlertRules(rules);
        assertThat(seen.getQuietFrom()).isEqualTo("23:00");
        assertThat(seen.getMinSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(seen.getTypes()).containsExactlyInAnyOrder(SignalType.SPIKE, SignalType.SILENCE);
        assertThat(seen.getMutedAspects()).containsExactly("logistics");
        assertThat(seen.getMaxPerHour()).isEqualTo(5);
        ScanConfig next = settings.scanConfig(ScanConfig.defaults());
        assertThat(next.baseline().spikeMinCount()).isEqualTo(25);
        assertThat(next.cocoon().cr10Alert()).isEqualTo(0.7);
        assertThat(next.divergence()).isEqualTo(ScanConfig.defaults().divergence());
        assertThat(next.roster().ours()).containsExactly("nova-x1");
        // kept across a restart
        SettingsService again = new SettingsService(dir, new FileStateStore(dir), analyzer, configured, new ProductSettings(Set.of(), Set.of()));
        assertThat(again.alertRules()).isEqualTo(rules);
        again.resetAlertRules();
        assertThat(again.alertProperties().getQuietFrom()).isEqualTo("22:00");
    }

    @Test
    void productsAndChannels() {
        assertThatThrownBy(() -> ProductSettings.parse("a\nb", "b\nc"))
                .isInstanceOfSatisfying(Problem.Rejected.class, e -> assertThat(keys(e)).containsExactly("settings.error.productBothSides"));
        assertThatThrownBy(() -> ProductSettings.parse("", "c"))
                .isInstanceOfSatisfying(Problem.Rejected.class, e -> assertThat(keys(e)).containsExactly("settings.error.noOurs"));
        settings.saveProducts(ProductSettings.parse("星河 X1\nnova-x1", "rival-r9"));
        assertThat(settings.roster().ours()).containsExactlyInAnyOrder("星河 X1", "nova-x1");
        settings.saveProducts(ProductSettings.parse("nova-x1", ""));
        assertThat(settings.roster()).as("no competitors: no comparison").isNull();

        assertThatThrownBy(() -> ChannelSettings.parse(Map.of("ticket", "Customer Care!"), List.of("weibo", "weibo", "bad id"),
                List.of("微博", "x", "y"), List.of("social", "social", "telepathy")))
                .isInstanceOfSatisfying(Problem.Rejected.class, e -> assertThat(keys(e)).containsExactly(
                        "settings.error.department", "settings.error.sourceDuplicate", "settings.error.sourceId",
                        "settings.error.sourceChannel"));
        ChannelSettings c = ChannelSettings.parse(Map.of("ticket", "care", "social", "pr"), List.of("weibo", ""),
                List.of("微博", ""), List.of("social", ""));
        settings.saveChannels(c);
        assertThat(settings.channels().departmentOf("ticket")).isEqualTo("care");
        assertThat(settings.channels().departmentOf("qc")).isEqualTo("quality");
        assertThat(settings.channels().sourceName("weibo")).isEqualTo("微博");
        assertThat(settings.channels().sourceName("jd")).isEqualTo("jd");
    }

    @Test
    void twoNodesSharingOneStateStoreSeeEachOthersSettingsAndAnalyzerFiles(@TempDir Path nodeA, @TempDir Path nodeB,
            @TempDir Path stateDir) {
        FileStateStore shared = new FileStateStore(stateDir); // one store both nodes talk to, as Elasticsearch is
        ReloadableAnalyzer analyzerA = new ReloadableAnalyzer(nodeA);
        ReloadableAnalyzer analyzerB = new ReloadableAnalyzer(nodeB);
        ProductSettings configuredProducts = new ProductSettings(Set.of("nova-x1"), Set.of("rival-r9"));
        SettingsService a = new SettingsService(nodeA, shared, analyzerA, configured, configuredProducts);
        SettingsService b = new SettingsService(nodeB, shared, analyzerB, configured, configuredProducts);

        a.saveProducts(ProductSettings.parse("星河 X1\nnova-x1", "rival-r9"));
        a.saveLexicon("呱唧呱 -2.5");
        assertThat(polarityOf(analyzerB, "这个手机呱唧呱")).isEqualTo(Polarity.NEUTRAL);

        assertThat(b.refresh()).isTrue();
        assertThat(b.ourProducts()).containsExactlyInAnyOrder("星河 X1", "nova-x1");
        assertThat(polarityOf(analyzerB, "这个手机呱唧呱")).isEqualTo(Polarity.NEGATIVE);
        assertThat(b.analysis().lexiconText()).contains("呱唧呱");
        assertThat(b.refresh()).as("nothing new").isFalse();

        b.resetProducts();
        a.refresh();
        assertThat(a.ourProducts()).containsExactly("nova-x1");
        assertThat(nodeA.resolve("settings").resolve("products.json")).doesNotExist();
    }

    @Test
    void settingsFilesOfAnEarlierVersionAreImportedIntoTheSharedStateOnce(@TempDir Path nodeB) throws Exception {
        Files.createDirectories(dir.resolve("settings"));
        Files.writeString(dir.resolve("settings").resolve("products.json"),
                "{\"ours\":[\"旧产品\"],\"competitors\":[\"rival-r9\"]}", StandardCharsets.UTF_8);
        FileStateStore shared = new FileStateStore(dir.resolve("shared"));
        SettingsService upgraded = new SettingsService(dir, shared, analyzer, configured, new ProductSettings(Set.of(), Set.of()));
        assertThat(upgraded.ourProducts()).containsExactly("旧产品");

        SettingsService other = new SettingsService(nodeB, shared, new ReloadableAnalyzer(nodeB), configured,
                new ProductSettings(Set.of(), Set.of()));
        assertThat(other.ourProducts()).containsExactly("旧产品");
        other.resetProducts();
        // a restart of the first node does not import its stale local copy again
        SettingsService restarted = new SettingsService(dir, shared, analyzer, configured, new ProductSettings(Set.of("x"), Set.of()));
        assertThat(restarted.ourProducts()).containsExactly("x");
        assertThat(dir.resolve("settings").resolve("products.json")).doesNotExist();
    }
}
