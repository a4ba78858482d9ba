package io.koubei.core.bus;

/**
 * Told after every batch the store path made durable (see {@link StoredEvent}). Called on the bus's worker thread,
 * after the store confirmed and before the batch is acknowledged: it must return quickly (note the change, work
 * later) and should not throw; a failure is logged and does not undo or repeat the stored batch.
 */
@FunctionalInterface
public interface StoredListener {
    /** Nobody listens. */
    StoredListener NONE = event -> { };

    void stored(StoredEvent event);
}
