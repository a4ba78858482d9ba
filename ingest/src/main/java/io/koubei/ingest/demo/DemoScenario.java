package io.koubei.ingest.demo;

import io.koubei.core.feedback.Channel;

/**
 * One embedded scenario, as detectors and tests should find it.
 *
 * @param type        what kind of situation
 * @param fromWeek    first affected week, 1-based within the dataset
 * @param toWeek      last affected week, 1-based, inclusive
 * @param weekKey     ISO week key of {@code fromWeek}, e.g. {@code 2026-W43}
 * @param toWeekKey   ISO week key of {@code toWeek}
 * @param channel     channel where the signal shows
 * @param source      source where the signal shows (null: all sources of the channel)
 * @param aspect      {@link DemoAspect#key()} of the aspect concerned, or null
 * @param product     product id
 * @param description what happens, with the numbers a detector should see
 */
public record DemoScenario(
        ScenarioType type,
        int fromWeek,
        int toWeek,
        String weekKey,
        String toWeekKey,
        Channel channel,
        String source,
        String aspect,
        String product,
        String description) {
}
