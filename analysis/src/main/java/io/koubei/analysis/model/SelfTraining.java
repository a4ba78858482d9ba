package io.koubei.analysis.model;

import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns rated feedback into a training set, so the platform can train itself from its rated channels:
 * NPS comments by score band (0–6 negative, 7–8 neutral, 9–10 positive), star reviews and CSAT
 * (1–2 negative, 3 neutral, 4–5 positive). Texts too short to say anything are skipped.
 */
public final class SelfTraining {
    /** Shorter texts ("好", "ok") teach the model nothing beyond the rating. */
    public static final int MIN_TEXT_LENGTH = 4;

    private SelfTraining() {
    }

    public record RatedText(String text, Rating rating) {
    }

    /** The label a rating implies, or null when the rating is absent. */
    public static Polarity labelOf(Rating rating) {
        if (rating == null) {
            return null;
        }
        double v = rating.value();
        return switch (rating.scale()) {
            case NPS -> v <= 6 ? Polarity.NEGATIVE : v <= 8 ? Polarity.NEUTRAL : Polarity.POSITIVE;
            case STARS, CSAT -> v < 3 ? Polarity.NEGATIVE : v < 4 ? Polarity.NEUTRAL : Polarity.POSITIVE;
        };
    }

    /**
     * @param includeNeutral keep the middle band as a third class (needs enough such items to learn it)
     */
    public static List<LabelledText> fromRatings(Collection<RatedText> rated, boolean includeNeutral) {
        List<LabelledText> out = new ArrayList<>();
        for (RatedText r : rated) {
            Polarity p = labelOf(r.rating());
            if (p == null || r.text() == null || r.text().strip().length() < MIN_TEXT_LENGTH) {
                continue;
            }
            if (p == Polarity.NEUTRAL && !includeNeutral) {
                continue;
            }
            out.add(new LabelledText(r.text().strip(), p));
        }
        return out;
    }

    /** Rated items of any channel (title and text joined as the analyzer reads them). */
    public static List<LabelledText> fromItems(Collection<FeedbackItem> items, boolean includeNeutral) {
        List<RatedText> rated = new ArrayList<>();
        for (FeedbackItem i : items) {
            if (i.rating() != null) {
                rated.add(new RatedText(textOf(i), i.rating()));
            }
        }
        return fromRatings(rated, includeNeutral);
    }

    /** Title and text joined as the analyzer reads them. */
    public static String textOf(FeedbackItem i) {
        return i.title() == null || i.title().isBlank() ? i.text() : i.title() + "\n" + i.text();
    }
}
