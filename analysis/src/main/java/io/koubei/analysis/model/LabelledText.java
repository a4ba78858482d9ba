package io.koubei.analysis.model;

import io.koubei.core.feedback.Polarity;
import java.util.Objects;

/** One training or evaluation example. */
public record LabelledText(String text, Polarity label) {
    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
