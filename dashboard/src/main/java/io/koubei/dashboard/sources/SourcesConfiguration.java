package io.koubei.dashboard.sources;

import io.koubei.core.state.StateStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.platform.state.ClusterLeader;
import io.koubei.ingest.connect.HttpFetcher;
import io.koubei.ingest.connect.SourceRunner;
import io.koubei.ingest.connect.SourceStatuses;
import io.koubei.ingest.importing.FeedbackImporter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connectors: the service behind {@code koubei sync} and {@code GET /api/v1/sources}, and, in {@code koubei serve}
 * only, a scheduler that runs each source on its schedule on the leading node ({@code koubei.sources.enabled=false}
 * turns it off; {@code koubei.sources.check-interval}, default PT30S, is how often it looks for due sources).
 */
@Configuration(proxyBeanMethods = false)
public class SourcesConfiguration {

    @Bean
    SourcesService sourcesService(KoubeiProperties props, StateStore state, FeedbackImporter importer,
                                  AlertService alerts, CalendarKeys calendar, Clock clock) {
        SourceStatuses statuses = new SourceStatuses(state);
        return new SourcesService(props.getDataDir(), statuses, new SourceRunner(importer, statuses), new HttpFetcher(),
                alerts, calendar, clock, importer);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication
    @ConditionalOnProperty(name = "koubei.sources.enabled", havingValue = "true", matchIfMissing = true)
    SourcesScheduler sourcesScheduler(SourcesService sources, ClusterLeader leader,
                                      @Value("${koubei.sources.check-interval:PT30S}") Duration every) {
        return new SourcesScheduler(sources, leader, every);
    }

    /**
     * Its own thread, so that a long first sync (a forum's whole history) never holds up the alert deliveries and
     * reports on Spring's scheduler thread. Runs sources one after the other.
     */
    static final class SourcesScheduler implements AutoCloseable {
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "koubei-sources");
            t.setDaemon(true);
            return t;
        });

        SourcesScheduler(SourcesService sources, ClusterLeader leader, Duration every) {
            executor.scheduleWithFixedDelay(() -> {
                try {
                    leader.runIfLeader("scheduled sources", sources::runDue);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(SourcesScheduler.class).warn("Scheduled sources failed: {}", e.getMessage());
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
