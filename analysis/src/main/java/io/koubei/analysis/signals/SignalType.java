package io.koubei.analysis.signals;

/** What kind of pattern a detector found. The UI groups and routes alerts by it. */
public enum SignalType {
    /** Two channels' trends move in opposite directions beyond noise. */
    DIVERGENCE,
    /** A series rose above its robust baseline. */
    SPIKE,
    /** Volume, or core users' criticism, fell far below its baseline ("已经没人骂了"). */
    SILENCE,
    /** A cluster of coordinated or near-duplicate posts (水军). */
    ASTROTURF,
    /** A channel's or official account's picture rests on a few voices (信息茧房). */
    COCOON,
    /** NPS fell significantly week over week or against the trailing average. */
    NPS_DROP,
    /** CSAT fell significantly. */
    CSAT_DROP,
    /** Core users converge on a negative opinion point. */
    CORE_COMPLAINT,
    /** An event (launch, OTA, price change) was followed by a significant change. */
    EVENT_IMPACT,
    /** Our product trails a competitor significantly on an aspect. */
    COMPETITOR_GAP,
    /** An unanswered item is close to (or past) its first-response SLA, e.g. the 100-minute rule. */
    RESPONSE_SLA,
    /** A connector failed several runs in a row: its channel is silent because it is not read, not because users are. */
    SOURCE_DOWN,
    /** A discovered theme (a problem no taxonomy aspect names) is new or its negative volume grew far above its own history. */
    EMERGING_THEME
}
