package io.koubei.dashboard.thisweek;

import java.util.List;

/**
 * "How is our word of mouth this week, and what changed?": the latest week with data under the page's filters, its
 * headline numbers with their changes, and at most five ranked findings, each one sentence in the viewer's language
 * with the link to the items behind it.
 *
 * @param week         the week shown (ISO key), the latest with data unless the filters name one week
 * @param dataUpTo     the newest day with data (yyyy-MM-dd), null when there is none at all
 * @param noData       true when the week shown has no items: the page says no data arrived, never "all is well"
 * @param statement    one sentence: "数据截至 11-22" / "Data up to Nov 22", with the weeks since then that had none
 * @param weeksWithout complete weeks after the week shown in which no data arrived at all (ISO keys)
 * @param staleSources sources that sent nothing for longer than their usual cadence
 * @param headline     NPS, net sentiment and volume of the week with their changes
 * @param findings     at most {@value ThisWeekService#MAX_FINDINGS}, strongest first
 * @param summary      one sentence when there are no findings (never "all is well" on an empty week)
 */
public record ThisWeek(String week, String dataUpTo, boolean noData, String statement, List<String> weeksWithout,
        List<StaleSource> staleSources, Headline headline, List<Finding> findings, String summary) {

    /**
     * A source that has gone quiet: its display name, the last week it sent something, its usual gap in weeks; or one
     * that nearly stopped ({@code thisWeek} items, under a quarter of its {@code weeklyBefore} average).
     */
    public record StaleSource(String source, String name, String lastWeek, int usualGapWeeks, long thisWeek,
            long weeklyBefore) {
        public boolean nearlySilent() {
            return thisWeek > 0;
        }
    }

    /**
     * The week's headline. NPS on the −100…100 scale with its 95% interval and n; net sentiment in percent (−100…100);
     * changes are differences with their 95% interval, significant when it excludes 0; null when either side has no
     * answers.
     */
    public record Headline(Double nps, Double npsLow, Double npsHigh, long npsN, boolean npsSufficient,
            Change npsVsLastWeek, Change npsVsTrailing4, Double netSentimentPct, Change netSentimentVsTrailing4,
            long volume, long volumeLastWeek, long volumeTrailing4Mean) {
    }

    /** A difference (this week − reference) with its 95% interval, in the metric's unit. */
    public record Change(double value, double low, double high, boolean significant) {
    }

    /**
     * One thing that changed.
     *
     * @param kind     alert, aspect, divergence or silence
     * @param subject  what it is about: the alert id, aspect, channel or source id
     * @param score    ranking strength (about a z-score)
     * @param sentence one plain sentence in the viewer's language
     * @param link     the search (with filters) listing the items behind it
     * @param series   the twelve weeks behind the sparkline, oldest first (null where a week has no value)
     * @param unit     of the series: "%" or "items"
     */
    public record Finding(Kind kind, String subject, double score, String sentence, String link, List<Point> series, String unit) {
    }

    public record Point(String week, Double value) {
    }

    public enum Kind {
        ALERT, ASPECT, DIVERGENCE, SILENCE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
