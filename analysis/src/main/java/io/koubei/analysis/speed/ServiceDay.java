package io.koubei.analysis.speed;

import java.time.LocalDate;
import java.util.Collection;

/**
 * One day of a hotline or online-chat queue, as the contact-centre system reports it.
 *
 * @param line               e.g. {@code hotline}, {@code online}
 * @param handledWithin3Min  answered contacts handled within three minutes
 * @param satisfied          rated contacts that were satisfied; {@code rated} how many were rated
 */
public record ServiceDay(LocalDate day, String line, String product, long offered, long answered,
        long handledWithin3Min, long rated, long satisfied) {

    public ServiceDay {
        if (offered < 0 || answered < 0 || handledWithin3Min < 0 || rated < 0 || satisfied < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (answered > offered || handledWithin3Min > answered || satisfied > rated) {
            throw new IllegalArgumentException("need answered ≤ offered, handledWithin3Min ≤ answered, satisfied ≤ rated");
        }
    }

    /** Rates over summed counts (not averages of daily rates); null when a denominator is zero. */
    public record Rates(long offered, long answered, Double answerRate, Double within3MinRate, Double satisfaction) {
        public static Rates of(Collection<ServiceDay> days) {
            long o = 0, a = 0, h = 0, r = 0, s = 0;
            for (ServiceDay d : days) {
                o += d.offered; a += d.answered; h += d.handledWithin3Min; r += d.rated; s += d.satisfied;
            }
            return new Rates(o, a, SpeedMetrics.rate((int) a, (int) o), SpeedMetrics.rate((int) h, (int) a),
                    SpeedMetrics.rate((int) s, (int) r));
        }
    }
}
