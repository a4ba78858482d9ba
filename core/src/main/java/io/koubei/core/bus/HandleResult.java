package io.koubei.core.bus;

import io.koubei.core.store.UpsertResult;
import java.util.List;

/** What a handler did with a batch: stored counts, and the items it had to give up on. */
public record HandleResult(UpsertResult stored, List<DeadLetter> failed) {
    public HandleResult {
        failed = failed == null ? List.of() : List.copyOf(failed);
    }
}
