package io.koubei.analysis.signals.competitor;

import java.util.Set;

/** Which products are ours and which are competitors (from configuration). Others are ignored. */
public record ProductRoster(Set<String> ours, Set<String> competitors) {
    public enum Side {
        OURS,
        COMPETITOR
    }

    public ProductRoster {
        ours = Set.copyOf(ours);
        competitors = Set.copyOf(competitors);
        if (ours.isEmpty()) {
            throw new IllegalArgumentException("at least one product must be ours");
        }
        if (ours.stream().anyMatch(competitors::contains)) {
            throw new IllegalArgumentException("a product cannot be ours and a competitor: " + ours + " / " + competitors);
        }
    }

    /** null when the product is in neither list. */
    public Side sideOf(String product) {
        if (product == null) {
            return null; // immutable sets throw on contains(null)
        }
        return ours.contains(product) ? Side.OURS : competitors.contains(product) ? Side.COMPETITOR : null;
    }
}
