package io.koubei.ingest.connect;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page a {@link Connector} read.
 *
 * @param records    format v1 records (JSON objects), possibly none
 * @param nextCursor where the next fetch goes on; stored only after the records were acknowledged
 * @param more       true when another page can be fetched right away (false: caught up until the next run)
 */
public record Page(List<ObjectNode> records, String nextCursor, boolean more) {
    public Page {
        records = List.copyOf(records);
    }
}
