/**
 * The settings pages' model: what an admin may change at run time (aspect taxonomy, dictionaries, sentiment lexicon
 * overrides, our products vs competitors, alert rules, channel departments and sources), validated with clear
 * messages and kept as files in the data directory — the analysis module's own formats under {@code analysis/}, and
 * JSON overrides under {@code settings/} that the detectors and alerting read at scan time.
 */
package io.koubei.dashboard.settings;
