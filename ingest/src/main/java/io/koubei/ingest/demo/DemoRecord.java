package io.koubei.ingest.demo;

import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Polarity;

/**
 * A generated item with the ground truth it was generated from. Only {@link #item()} is written to the dataset;
 * the truth lets tests and evaluations check what detectors and analysers should find.
 *
 * @param item     the feedback item (format v1)
 * @param aspect   the aspect the text is about (null for texts without a dominant aspect)
 * @param polarity the polarity the text was written with
 * @param group    who wrote it
 * @param scenario the scenario the item belongs to, or null for background traffic
 */
public record DemoRecord(FeedbackItem item, DemoAspect aspect, Polarity polarity, AuthorGroup group,
                         ScenarioType scenario) {
}
