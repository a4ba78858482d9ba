package io.koubei.ingest.demo;

/** The situations embedded in the demo data that detectors are expected to find. */
public enum ScenarioType {
    /** Social glowing after a launch while tickets about one aspect climb (divergence between channels). */
    LAUNCH_DIVERGENCE,
    /** A burst of near-duplicate praise from newly registered, low-follower accounts (水军). */
    ASTROTURF_BURST,
    /** Core users repeatedly complaining about one detail after an OTA update (opinion point). */
    CORE_COMPLAINT_AFTER_UPDATE,
    /** One source going quiet for the last weeks (silence: 已经没人骂了). */
    CHANNEL_QUIET,
    /** Replies under the official account dominated by about ten fixed accounts (信息茧房). */
    INFORMATION_COCOON
}
