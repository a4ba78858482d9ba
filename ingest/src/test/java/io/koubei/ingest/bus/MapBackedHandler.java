package io.koubei.ingest.bus;

import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.UpsertResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A test double of the bus's consumer: "stores" into a plain map, upserting by id like the real stores do, and gives
 * up on items matching {@code poison}.
 */
public class MapBackedHandler implements FeedbackHandler {

    public final Map<String, FeedbackItem> stored = new ConcurrentHashMap<>();
    private final Predicate<FeedbackItem> poison;

    public MapBackedHandler() {
        this(i -> false);
    }

    public MapBackedHandler(Predicate<FeedbackItem> poison) {
        this.poison = poison;
    }

    @Override
    public HandleResult handle(List<FeedbackItem> batch) {
        int created = 0;
        int updated = 0;
        List<DeadLetter> failed = new ArrayList<>();
        for (FeedbackItem item : batch) {
            if (poison.test(item)) {
                failed.add(new DeadLetter(item.id(), null, "cannot analyse: " + item.text(), Instant.now()));
            } else if (stored.put(item.id(), item) == null) {
                created++;
            } else {
                updated++;
            }
        }
        return new HandleResult(new UpsertResult(created, updated), failed);
    }
}
