package io.koubei.dashboard.settings;

import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.analysis.signals.competitor.ProductRoster;
import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.core.state.StateStore;
import io.koubei.dashboard.platform.ReloadableAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and saves every settings section, and is the seam through which the rest of the platform sees them: the
 * analyzer is rebuilt after a change to its files, the detectors take {@link #scanConfig} and the alert service
 * {@link #alertProperties} at each scan. Saves are atomic per file; a change the analyzer cannot load is undone.
 */
public class SettingsService {
    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);
    static final String PRODUCTS = "products";
    static final String ALERT_RULES = "alert-rules";
    static final String CHANNELS = "channels";

    private final SettingsFiles files;
    private final AnalysisSettings analysis;
    private final ReloadableAnalyzer analyzer;
    private final AlertProperties configuredAlerts;
    private final ProductSettings configuredProducts;
    private volatile AlertRules alertRules;
    private volatile ProductSettings products;
    private volatile ChannelSettings channels;

    /**
     * @param shared the shared state store: settings saved on any node are read by every node (see {@link #refresh})
     */
    public SettingsService(Path dataDir, StateStore shared, ReloadableAnalyzer analyzer, AlertProperties configuredAlerts,
            ProductSettings configuredProducts) {
        this.files = new SettingsFiles(dataDir, shared.collection(SettingsFiles.COLLECTION));
        this.analysis = new AnalysisSettings(files);
        this.analyzer = analyzer;
        this.configuredAlerts = configuredAlerts;
        this.configuredProducts = configuredProducts;
        if (mirrorChanged(files.refresh())) {
            analyzer.reload();
        }
        readSections();
    }

    private void readSections() {
        this.alertRules = files.readJson(ALERT_RULES, AlertRules.class).orElseGet(() -> AlertRules.of(configuredAlerts));
        this.products = files.readJson(PRODUCTS, ProductSettings.class).orElse(configuredProducts);
        this.channels = files.readJson(CHANNELS, ChannelSettings.class).orElse(ChannelSettings.defaults());
    }

    private static boolean mirrorChanged(Set<String> changedPaths) {
        return changedPaths.stream().anyMatch(p -> p.startsWith("analysis/"));
    }

    /**
     * Picks up what other nodes saved: the sections are read again and the analyzer is rebuilt when its files
     * changed. Runs every few seconds on every node (see {@link SettingsConfiguration}).
     *
     * @return true when anything changed
     */
    public synchronized boolean refresh() {
        Set<String> changed = files.refresh();
        if (changed.isEmpty()) {
            return false;
        }
        if (mirrorChanged(changed)) {
            try {
                analyzer.reload();
                log.info("Analyzer rebuilt after another node changed {}", changed);
            } catch (RuntimeException e) {
                log.warn("Analyzer files changed by another node cannot be loaded here; the previous analyzer stays: {}", e.getMessage());
            }
        }
        readSections();
        return true;
    }

    public AnalysisSettings analysis() {
        return analysis;
    }

    public ReloadableAnalyzer analyzer() {
        return analyzer;
    }

    // ---- analyzer files: written, then the analyzer rebuilt (or the old file put back)

    public void saveTaxonomy(List<String> ids, List<String> names, List<String> terms) {
        replaceAnalysisFile(analysis.taxonomyPath(), AnalysisSettings.taxonomyFile(ids, names, terms));
    }

    public void resetTaxonomy() {
        replaceAnalysisFile(analysis.taxonomyPath(), null);
    }

    public void saveDictionary(String name, String text) {
        String content = AnalysisSettings.dictionaryFile(name, text);
        replaceAnalysisFile(analysis.dictionaryPath(name), content.isEmpty() ? null : content);
    }

    public void saveLexicon(String text) {
        String content = AnalysisSettings.lexiconFile(text);
        replaceAnalysisFile(analysis.lexiconPath(), AnalysisSettings.parseLexicon(text).isEmpty() ? null : content);
    }

    private synchronized void replaceAnalysisFile(Path file, String content) {
        Optional<String> before = analysis.read(file);
        if (content == null) {
            analysis.delete(file);
        } else {
            analysis.write(file, content);
        }
        try {
            analyzer.reload();
            log.info("Analyzer rebuilt after a change to {}", file);
        } catch (RuntimeException e) {
            before.ifPresentOrElse(old -> analysis.write(file, old), () -> analysis.delete(file));
            analyzer.reload();
            throw new Problem.Rejected(List.of(Problem.of("settings.error.analyzer", String.valueOf(e.getMessage()))));
        }
    }

    // ---- our products vs competitors

    public ProductSettings products() {
        return products;
    }

    public ProductSettings configuredProducts() {
        return configuredProducts;
    }

    public boolean productsCustomised() {
        return files.readText(files.settings(PRODUCTS)).isPresent();
    }

    public synchronized void saveProducts(ProductSettings p) {
        files.writeJson(PRODUCTS, p);
        products = p;
    }

    public synchronized void resetProducts() {
        files.delete(files.settings(PRODUCTS));
        products = configuredProducts;
    }

    /** Ours vs competitors for the detectors, or null when one side is empty (no comparison). */
    public ProductRoster roster() {
        ProductSettings p = products;
        return p.comparable() ? new ProductRoster(p.ours(), p.competitors()) : null;
    }

    public Set<String> ourProducts() {
        return products.ours();
    }

    public Set<String> competitors() {
        return products.competitors();
    }

    // ---- alert rules and detector thresholds

    public AlertRules alertRules() {
        return alertRules;
    }

    public AlertRules configuredAlertRules() {
        return AlertRules.of(configuredAlerts);
    }

    public boolean alertRulesCustomised() {
        return files.readText(files.settings(ALERT_RULES)).isPresent();
    }

    public synchronized void saveAlertRules(AlertRules rules) {
        rules.apply(ScanConfig.defaults()); // the detectors' own checks, before anything is written
        files.writeJson(ALERT_RULES, rules);
        alertRules = rules;
    }

    public synchronized void resetAlertRules() {
        files.delete(files.settings(ALERT_RULES));
        alertRules = AlertRules.of(configuredAlerts);
    }

    /** The detectors' parameters for the next scan: thresholds and roster from the settings. */
    public ScanConfig scanConfig(ScanConfig base) {
        return alertRules.apply(base).withRoster(roster());
    }

    /** What the alert service reads: the settings' rules, configuration's delivery targets. */
    public AlertProperties alertProperties() {
        return new EffectiveAlertProperties(configuredAlerts, this::alertRules);
    }

    // ---- channels and sources

    public ChannelSettings channels() {
        return channels;
    }

    public synchronized void saveChannels(ChannelSettings c) {
        files.writeJson(CHANNELS, c);
        channels = c;
    }
}
