package io.koubei.dashboard.ops;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.StoreHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health indicators {@code store} and {@code bus} (members of the readiness group, see application.properties), the
 * {@code koubei_bus_*} / {@code koubei_store_up} gauges, and the ingestion counters. docs/operations.md.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean(destroyMethod = "close")
    BackendProbe backendProbe(FeedbackStore store, FeedbackBus bus,
            @Value("${koubei.health.timeout:PT2S}") Duration timeout, @Value("${koubei.health.cache:PT1S}") Duration cache) {
        return new BackendProbe(store, bus, timeout, cache, Clock.systemUTC());
    }

    /** Details (backend, detail) only for admins: see management.endpoint.health.show-details. */
    @Bean
    HealthIndicator storeHealthIndicator(BackendProbe probe) {
        return () -> {
            StoreHealth h = probe.store();
            return (h.up() ? Health.up() : Health.down()).withDetail("backend", h.backend())
                    .withDetail("detail", String.valueOf(h.detail())).build();
        };
    }

    @Bean
    HealthIndicator busHealthIndicator(BackendProbe probe) {
        return () -> {
            BusHealth h = probe.bus();
            return (h.up() ? Health.up() : Health.down()).withDetail("backend", h.backend())
                    .withDetail("pending", h.pending()).withDetail("deadLetters", h.deadLetters())
                    .withDetail("detail", String.valueOf(h.detail())).build();
        };
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry meters, BackendProbe probe) {
        // gauges read the probe: bounded by its timeout, cached, never a scrape held by a frozen backend
        Gauge.builder("koubei.bus.pending", probe, p -> p.bus().pending())
                .description("Items waiting on the bus (in-process queue, or the Kafka consumer group's lag); -1 unknown")
                .register(meters);
        Gauge.builder("koubei.bus.dead.letters", probe, p -> p.bus().deadLetters())
                .description("Items in the dead-letter queue (file or topic); -1 unknown").register(meters);
        Gauge.builder("koubei.bus.up", probe, p -> p.bus().up() ? 1 : 0).description("1 when the bus answers its health check")
                .register(meters);
        Gauge.builder("koubei.store.up", probe, p -> p.store().up() ? 1 : 0)
                .description("1 when the store answers its health check").register(meters);
        return new IngestMetrics(meters);
    }
}
