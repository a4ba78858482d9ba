package io.koubei.dashboard.themes;

/**
 * A team's decision about one discovered theme (state collection {@code themes}, keyed by theme id).
 *
 * @param name       the team's name for it, or null
 * @param hidden     hidden as noise
 * @param mergedInto id of the theme it was merged into, or null
 * @param aspect     taxonomy aspect it was promoted into, or null
 */
public record ThemeEdit(String id, String name, boolean hidden, String mergedInto, String aspect) {
    static ThemeEdit none(String id) {
        return new ThemeEdit(id, null, false, null, null);
    }
}
