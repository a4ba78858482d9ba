package io.koubei.ingest.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Parameters of the demo dataset.
 *
 * @param seed        random seed; the same options always give byte-identical output
 * @param firstMonday Monday of the first week (Asia/Shanghai calendar)
 * @param weeks       number of ISO weeks to generate (scenarios need at least {@link #MIN_WEEKS_FOR_SCENARIOS})
 * @param scale       size factor: 1.0 gives the full dataset (&gt; 50,000 items); 0.05 a quick small one
 * @param calm        calm control: same structure, none of the embedded scenarios
 */
public record DemoOptions(long seed, LocalDate firstMonday, int weeks, double scale, boolean calm) {

    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_WEEKS = 12;
    /**
     * Fixed reference date: by default the data covers the {@value #DEFAULT_WEEKS} ISO weeks that end just before
     * it (2026-W36 … 2026-W47). Fixed, never "today", so the output does not change from one day to the next.
     */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 23);
    /** Scenario weeks are placed by index (launch in week 8, quiet channel in weeks 10–12). */
    public static final int MIN_WEEKS_FOR_SCENARIOS = 12;

    public DemoOptions {
        if (firstMonday == null || firstMonday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("firstMonday must be a Monday, got " + firstMonday);
        }
        if (weeks < 1 || weeks > 104) {
            throw new IllegalArgumentException("weeks must be 1..104, got " + weeks);
        }
        if (!(scale > 0 && scale <= 100)) {
            throw new IllegalArgumentException("scale must be in (0, 100], got " + scale);
        }
    }

    /** Seed 42, 12 weeks ending the week before {@link #REFERENCE_DATE}, full size, scenarios on. */
    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_SEED, REFERENCE_DATE.minusWeeks(DEFAULT_WEEKS), DEFAULT_WEEKS, 1.0, false);
    }

    public DemoOptions withSeed(long newSeed) {
        return new DemoOptions(newSeed, firstMonday, weeks, scale, calm);
    }

    public DemoOptions withScale(double newScale) {
        return new DemoOptions(seed, firstMonday, weeks, newScale, calm);
    }

    public DemoOptions withCalm(boolean newCalm) {
        return new DemoOptions(seed, firstMonday, weeks, scale, newCalm);
    }

    public DemoOptions withWeeks(LocalDate newFirstMonday, int newWeeks) {
        return new DemoOptions(seed, newFirstMonday, newWeeks, scale, calm);
    }

    /** True when the scenarios are generated: not calm, and enough weeks to place them. */
    public boolean scenariosEnabled() {
        return !calm && weeks >= MIN_WEEKS_FOR_SCENARIOS;
    }
}
