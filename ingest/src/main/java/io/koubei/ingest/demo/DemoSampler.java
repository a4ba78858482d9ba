package io.koubei.ingest.demo;

import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws categories (aspect, polarity, star rating, user group …) from shuffled decks instead of independent dice:
 * each deck holds the categories in their exact proportions and is reshuffled when used up. Weekly counts per
 * category then stay close to their expected value, so the background of the demo carries no accidental spikes and
 * the calm control raises no alerts, while the order of items remains random.
 */
final class DemoSampler {
    private static final int DECK_SIZE = 100;

    private final Random r;
    private final Map<List<Object>, Deck> decks = new HashMap<>();

    DemoSampler(Random r) {
        this.r = r;
    }

    /** Index drawn in proportion to the weights. */
    int index(double... weights) {
        return indexIn(null, weights);
    }

    /** Like {@link #index} with a separate deck per context (e.g. per polarity), so joint counts stay in proportion. */
    int indexIn(Object context, double... weights) {
        return decks.computeIfAbsent(key(context, weights), k -> new Deck(weights)).draw();
    }

    /** Aspect drawn with weights listed in {@link DemoAspect} declaration order, one deck per polarity. */
    DemoAspect aspect(double[] weights, Polarity polarity) {
        return DemoAspect.values()[indexIn(polarity, weights)];
    }

    Polarity polarity(double pos, double neu, double neg) {
        return Polarity.values()[2 - index(pos, neu, neg)];
    }

    /** True with the given probability, exactly that often per deck. */
    boolean chance(double p) {
        return index(p, 1 - p) == 0;
    }

    private static List<Object> key(Object context, double[] weights) {
        List<Object> k = new ArrayList<>(weights.length + 1);
        k.add(context);
        for (double w : weights) {
            k.add(w);
        }
        return k;
    }

    private final class Deck {
        private final int[] cards;
        private int next;

        Deck(double[] weights) {
            double sum = Arrays.stream(weights).sum();
            int[] counts = new int[weights.length];
            double[] remainders = new double[weights.length];
            int dealt = 0;
            for (int i = 0; i < weights.length; i++) {
                double exact = weights[i] / sum * DECK_SIZE;
                counts[i] = (int) Math.floor(exact);
                remainders[i] = exact - counts[i];
                dealt += counts[i];
            }
            // largest remainders get the cards left over, so the deck holds exactly DECK_SIZE cards
            while (dealt < DECK_SIZE) {
                int best = 0;
                for (int i = 1; i < remainders.length; i++) {
                    if (remainders[i] > remainders[best]) {
                        best = i;
                    }
                }
                counts[best]++;
                remainders[best] = -1;
                dealt++;
            }
            cards = new int[DECK_SIZE];
            int c = 0;
            for (int i = 0; i < counts.length; i++) {
                for (int j = 0; j < counts[i]; j++) {
                    cards[c++] = i;
                }
            }
            next = DECK_SIZE;
        }

        int draw() {
            if (next == cards.length) {
                shuffle();
                next = 0;
            }
            return cards[next++];
        }

        private void shuffle() {
            for (int i = cards.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = cards[i];
                cards[i] = cards[j];
                cards[j] = t;
            }
        }
    }
}
