package io.koubei.dashboard.cli;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import java.io.PrintStream;

/**
 * While an import runs, tells the user when the bus is stuck (the store refuses writes, the brokers do not answer):
 * the progress bar alone would just stop moving. One line when trouble starts, one when it ends.
 */
final class BusWatch implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 5_000;
    private final Thread thread;
    private volatile boolean running = true;

    BusWatch(FeedbackBus bus, PrintStream out) {
        thread = new Thread(() -> watch(bus, out), "koubei-import-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(FeedbackBus bus, PrintStream out) {
        boolean troubled = false;
        while (sleep()) {
            BusHealth h;
            try {
                h = bus.health();
            } catch (RuntimeException e) {
                h = new BusHealth("unknown", false, -1, -1, e.toString());
            }
            boolean trouble = !h.up() || h.detail().contains("unavailable") || h.detail().contains("paused");
            if (trouble && !troubled) {
                out.printf("%n  waiting: %s — nothing is lost; the import continues when it is back%n", h.detail());
            } else if (!trouble && troubled) {
                out.printf("%n  %s bus available again%n", h.backend());
            }
            troubled = trouble;
        }
    }

    private boolean sleep() {
        try {
            Thread.sleep(INTERVAL_MILLIS);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
