/**
 * Response speed (快), pure functions: which items are cases ({@link io.koubei.analysis.speed.CaseAssembler}),
 * first response and resolution, nearest-rank percentiles, business-hours-aware durations and SLA deadlines,
 * share within SLA, 24-hour close rate, the one-hour anomaly rate ({@link io.koubei.analysis.speed.SpeedMetrics}),
 * lifecycle events tolerant of duplicates and disorder ({@link io.koubei.analysis.speed.LifecycleLog}), the live
 * queue ({@link io.koubei.analysis.speed.LiveQueue}) and routing rules. Definitions: docs/speed.md.
 */
package io.koubei.analysis.speed;
