package io.koubei.ingest.kafka;

/**
 * What this process's workers did since the bus started (not the whole group's totals).
 *
 * @param received          records polled and parsed or sent to the dead-letter topic
 * @param created           items the handler reported as new in the store
 * @param updated           items the handler reported as replacing an existing one (re-publish, redelivery)
 * @param deadLettered      letters written to the dead-letter topic
 * @param handlerCalls      calls of the handler, retries included
 * @param storeUnavailable  handler calls that failed with StoreUnavailableException (each one is followed by a backoff)
 * @param pauses            times consumption was paused because the store was unavailable
 * @param paused            consumption is paused right now (some worker waits for the store)
 */
public record KafkaBusStats(
        long received,
        long created,
        long updated,
        long deadLettered,
        long handlerCalls,
        long storeUnavailable,
        long pauses,
        boolean paused) {
}
