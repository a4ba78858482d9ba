package io.koubei.core.feedback;

/** Engagement counters as reported by the source platform. */
public record Interactions(int likes, int reposts, int replies) {
    public static final Interactions NONE = new Interactions(0, 0, 0);

    public int total() {
        return likes + reposts + replies;
    }
}
