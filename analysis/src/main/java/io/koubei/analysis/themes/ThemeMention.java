package io.koubei.analysis.themes;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;

/** One item's opinion on a theme, with where and when it was said (the input of {@link EmergingThemeDetector}). */
public record ThemeMention(String itemId, String week, Channel channel, String productVersion, String themeId, Polarity polarity) {
}
