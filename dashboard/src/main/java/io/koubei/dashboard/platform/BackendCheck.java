package io.koubei.dashboard.platform;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.StoreHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at startup, in one line each, whether the configured store and bus answer, and what to check when not. The
 * server starts either way (the workers wait and retry, queries answer 503 until the backend is reachable), so an
 * unreachable Elasticsearch or Kafka must not hide in a stack trace.
 */
@Component
@ConditionalOnWebApplication
class BackendCheck {
    private static final Logger log = LoggerFactory.getLogger(BackendCheck.class);
    private final FeedbackStore store;
    private final FeedbackBus bus;
    private final KoubeiProperties props;

    BackendCheck(FeedbackStore store, FeedbackBus bus, KoubeiProperties props) {
        this.store = store;
        this.bus = bus;
        this.props = props;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        StoreHealth s = store.check();
        if (s.up()) {
            log.info("Store {}: {}", s.backend(), s.detail());
        } else {
            log.error("Store {} is NOT available: {}. Koubei is running, but queries answer 503 and nothing is stored"
                    + " until it is reachable ({}).", s.backend(), s.detail(), storeHint());
        }
        BusHealth b = bus.health();
        if (b.up()) {
            log.info("Bus {}: {}", b.backend(), b.detail());
        } else {
            log.error("Bus {} is NOT available: {}. Koubei is running; imports and POST /api/v1/feedback fail, and the"
                    + " workers retry until it is reachable ({}).", b.backend(), b.detail(), busHint());
        }
    }

    private String storeHint() {
        return "elasticsearch".equals(props.getStore())
                ? "KOUBEI_STORE=elasticsearch, ES_URL=" + props.getElasticsearch().getUrl() + "; check ES_URL, ES_USERNAME, ES_PASSWORD"
                : "the embedded index in " + props.getDataDir().resolve("index");
    }

    private String busHint() {
        return "kafka".equals(props.getBus())
                ? "KOUBEI_BUS=kafka, KAFKA_BOOTSTRAP_SERVERS=" + props.getKafka().getBootstrapServers()
                : "the in-process bus";
    }
}
