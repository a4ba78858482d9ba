package io.koubei.analysis.signals;

import io.koubei.core.feedback.Channel;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An alert candidate: what a detector found, where, and why. Detectors only produce these; delivery,
 * acknowledgement and UI live elsewhere.
 *
 * @param type        the pattern
 * @param severity    how urgent
 * @param week        ISO week key the signal is about ({@code 2026-W47}), or null
 * @param day         day key ({@code 2026-11-24}) for intra-week signals, or null
 * @param channels    the channel(s) involved; for a divergence the first is the channel that looks
 *                    good, the second the one that contradicts it
 * @param aspect      taxonomy aspect id, or null
 * @param product     product, or null
 * @param subject     further discriminator (official account id, cluster id, event id, metric name), or null
 * @param title       one-line Chinese headline for the alert list
 * @param description the explanation with the numbers, Chinese
 * @param evidence    counts, baselines, thresholds and the item ids behind it
 * @param dedupKey    stable key: the same finding on a re-run yields the same key
 */
public record Signal(SignalType type, Severity severity, String week, String day, List<Channel> channels,
        String aspect, String product, String subject, String title, String description, Evidence evidence,
        String dedupKey) {

    public Signal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        channels = channels == null ? List.of() : List.copyOf(channels);
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        evidence = evidence == null ? Evidence.builder().build() : evidence;
        dedupKey = dedupKey == null ? dedupKeyOf(type, week, day, channels, aspect, product, subject) : dedupKey;
    }

    /**
     * {@code TYPE|week|day|channels|aspect|product|subject}, with {@code -} for absent parts. Severity and
     * numbers are deliberately left out so a worsening finding updates the same alert.
     */
    public static String dedupKeyOf(SignalType type, String week, String day, List<Channel> channels, String aspect,
            String product, String subject) {
        String ch = channels == null || channels.isEmpty() ? "-"
                : channels.stream().map(Channel::wireName).collect(Collectors.joining("+"));
        return String.join("|", type.name(), part(week), part(day), ch, part(aspect), part(product), part(subject));
    }

    private static String part(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    public static Builder builder(SignalType type) {
        return new Builder(type);
    }

    /** Readable construction for detectors; the dedup key is derived unless set. */
    public static final class Builder {
        private final SignalType type;
        private Severity severity = Severity.WARNING;
        private String week;
        private String day;
        private List<Channel> channels = List.of();
        private String aspect;
        private String product;
        private String subject;
        private String title;
        private String description;
        private Evidence evidence;
        private boolean dedupWithoutChannels;

        private Builder(SignalType type) {
            this.type = type;
        }

        public Builder severity(Severity v) { severity = v; return this; }
        public Builder week(String v) { week = v; return this; }
        public Builder day(String v) { day = v; return this; }
        public Builder channels(List<Channel> v) { channels = v; return this; }
        public Builder channel(Channel v) { channels = v == null ? List.of() : List.of(v); return this; }
        public Builder aspect(String v) { aspect = v; return this; }
        public Builder product(String v) { product = v; return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder evidence(Evidence v) { evidence = v; return this; }

        /**
         * Derive the dedup key without the channels: for findings whose channel list comes from the items found
         * (core complaints, campaigns), so that a re-run that sees one more channel updates the same alert.
         */
        public Builder dedupWithoutChannels() {
            dedupWithoutChannels = true;
            return this;
        }

        public Signal build() {
            return new Signal(type, severity, week, day, channels, aspect, product, subject, title, description,
                    evidence, dedupWithoutChannels ? dedupKeyOf(type, week, day, List.of(), aspect, product, subject) : null);
        }
    }
}
