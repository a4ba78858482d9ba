package io.koubei.ingest.connect;

import java.time.Duration;

/** Waits between attempts; tests record the waits instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
}
