package io.koubei.dashboard.platform;

import io.koubei.core.bus.StoredEvent;
import io.koubei.core.bus.StoredListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one "stored: these weeks/products changed" channel of this process: the analysis handler of whichever bus is
 * configured (in-process, or the Kafka workers) publishes here after each durable batch, and services subscribe
 * (the signals re-scan). Subscribers are called on the bus's worker thread and must only take note.
 */
public final class StoredEvents implements StoredListener {
    private static final Logger log = LoggerFactory.getLogger(StoredEvents.class);

    private final List<StoredListener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(StoredListener listener) {
        listeners.add(listener);
    }

    @Override
    public void stored(StoredEvent event) {
        for (StoredListener l : listeners) {
            try {
                l.stored(event);
            } catch (RuntimeException e) {
                log.error("A listener of stored batches failed on {} items of weeks {}: {}", event.items(),
                        event.weeks(), e.toString());
            }
        }
    }
}
