package io.koubei.dashboard.web;

import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.ingest.demo.DemoDataGenerator;
import io.koubei.ingest.demo.DemoOptions;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import io.koubei.analysis.signals.trend.ProductEvent;
import io.koubei.dashboard.signals.EventRegistry;
import io.koubei.dashboard.signals.SignalsRescan;
import io.koubei.dashboard.signals.SignalsService;
import io.koubei.ingest.demo.DemoEvent;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code serve --demo}: when the store is empty, writes the demo dataset into the data directory and imports it in
 * the background, so the dashboard is up at once and fills as the import runs (progress shown as a banner).
 */
@Component
public class DemoLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final boolean enabled;
    private final KoubeiProperties props;
    private final FeedbackStore store;
    private final FeedbackImporter importer;
    private final ImportStatus status;
    private final SignalsService signals;
    private final SignalsRescan rescan;
    private final EventRegistry events;
    private final io.koubei.dashboard.settings.SettingsService settings;

    public DemoLoader(@Value("${koubei.demo.load-on-start:false}") boolean enabled, KoubeiProperties props,
            FeedbackStore store, FeedbackImporter importer, ImportStatus status, SignalsService signals,
            SignalsRescan rescan, EventRegistry events, io.koubei.dashboard.settings.SettingsService settings) {
        this.settings = settings;
        this.enabled = enabled;
        this.props = props;
        this.store = store;
        this.importer = importer;
        this.status = status;
        this.signals = signals;
        this.rescan = rescan;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIfEmpty() {
        if (!enabled) {
            return;
        }
        DemoNames.apply(settings); // 星河 X1, 微博, 天猫 … unless named on the settings pages
        if (store.count(FeedbackFilter.ALL) > 0) {
            log.info("Demo data: the store already holds items; nothing to load");
            return;
        }
        Thread t = new Thread(this::load, "demo-loader");
        t.setDaemon(true);
        t.start();
    }

    private void load() {
        try {
            Path dir = props.getDataDir().resolve("demo");
            Files.createDirectories(dir);
            Path file = dir.resolve("demo.jsonl");
            DemoOptions options = DemoOptions.defaults();
            status.start("demo.jsonl", 0);
            DemoDataGenerator.writeJsonl(file, options);
            DemoDataGenerator.writeEvents(dir.resolve("demo-events.json"), options);
            ImportSummary s = importer.importFile(file, ImportOptions.defaults(), status::progress);
            log.info("Demo data loaded: {}", s.describe());
            events.record(DemoDataGenerator.defaults().events().stream().map(DemoLoader::event).toList());
            status.start("signals", 0);
            // the re-scan heard of the stored weeks; judge them now that the events are recorded, not in 20 s
            if (rescan.flush().isEmpty()) {
                signals.scanAllWeeks(); // re-scan after store switched off
            }
        } catch (Exception e) {
            log.error("Demo data could not be loaded: {}", e.toString());
        } finally {
            status.finish();
        }
    }

    /** The demo generator's events as the detectors know them (id: type-product-version). */
    public static ProductEvent event(DemoEvent e) {
        ProductEvent.Kind kind = switch (e.type()) {
            case "launch" -> ProductEvent.Kind.LAUNCH;
            case "ota" -> ProductEvent.Kind.OTA;
            case "price_change" -> ProductEvent.Kind.PRICE_CHANGE;
            default -> ProductEvent.Kind.OTHER;
        };
        String id = (e.type() + "-" + e.product() + "-" + (e.version() == null ? e.at().toString() : e.version()))
                .toLowerCase(Locale.ROOT);
        return new ProductEvent(id, kind, e.product(), e.version(), e.at(), e.name());
    }
}
