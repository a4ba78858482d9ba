package io.koubei.ingest.demo;

/** Ground truth of who wrote an item; not written to the data, used by tests and evaluations. */
public enum AuthorGroup {
    /** Enthusiasts: old accounts, high forum level, post often, technical vocabulary. */
    CORE,
    /** Mass users, mostly one-off. */
    MASS,
    /** The company's own accounts (author.official = true). */
    OFFICIAL,
    /** Newly registered coordinated accounts of the astroturf burst. */
    ASTROTURF,
    /** The few fixed accounts that dominate replies under the official account. */
    FAN
}
