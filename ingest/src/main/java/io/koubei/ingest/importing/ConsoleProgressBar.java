package io.koubei.ingest.importing;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A text progress bar for the CLI ({@code [#########-----------]  45%  45,000 / 100,000 rows}), redrawn in place at
 * most every 200 ms. Stays silent for small inputs (below {@code minRows}) so short imports print only the summary.
 */
public final class ConsoleProgressBar implements ImportProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long minRows;
    private long lastDraw;
    private boolean drawn;
    private boolean finished;

    public ConsoleProgressBar(PrintStream out, long minRows) {
        this.out = out;
        this.minRows = minRows;
    }

    @Override
    public void update(long rowsRead, long totalRows) {
        if (Math.max(rowsRead, totalRows) < minRows) {
            return;
        }
        long now = System.nanoTime();
        boolean last = totalRows > 0 && rowsRead >= totalRows;
        if (last && finished) {
            return; // the full bar is on screen; later acknowledgements do not redraw it
        }
        if (drawn && !last && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print('\r');
        out.print(render(rowsRead, totalRows));
        if (last) {
            out.println();
            drawn = false;
            finished = true;
        }
        out.flush();
    }

    /** Finishes the line if a bar was drawn (call after the import). */
    public void done() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }

    static String render(long rowsRead, long totalRows) {
        if (totalRows <= 0) {
            return String.format(Locale.ROOT, "%,d rows", rowsRead);
        }
        double f = Math.min(1.0, (double) rowsRead / totalRows);
        int filled = (int) Math.round(f * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d / %,d rows", "#".repeat(filled), "-".repeat(WIDTH - filled),
                Math.round(f * 100), rowsRead, totalRows);
    }
}
