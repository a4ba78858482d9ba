package io.koubei.dashboard.report;

import io.koubei.analysis.metrics.Interval;
import io.koubei.analysis.metrics.NetSentiment;
import io.koubei.analysis.metrics.NpsScore;
import java.time.Instant;
import java.util.List;

/**
 * Everything the weekly NPS report says, computed once and rendered as HTML, Markdown or PDF. Numbers carry
 * their n; below the minimum n they are marked insufficient rather than shown as precise.
 */
public record WeeklyReport(
        String week,
        String product,
        Instant generatedAt,
        int minimumN,
        Headline headline,
        List<WeekPoint> trend,
        List<Row> byChannel,
        List<Row> byProduct,
        List<Row> bySegment,
        List<Driver> drivers,
        List<Opinion> coreOpinions,
        Impression massImpression,
        List<Note> signals,
        List<Note> divergences,
        Integrity integrity,
        List<Voices> voices,
        List<Verbatim> verbatims,
        List<Coverage> coverage,
        Silence silence,
        List<FollowUp> openAlerts,
        List<NewTheme> newThemes) {

    public WeeklyReport {
        newThemes = newThemes == null ? List.of() : List.copyOf(newThemes);
    }

    /** A report without the "new this week" section's themes (it then says there are none). */
    public WeeklyReport(String week, String product, Instant generatedAt, int minimumN, Headline headline,
            List<WeekPoint> trend, List<Row> byChannel, List<Row> byProduct, List<Row> bySegment, List<Driver> drivers,
            List<Opinion> coreOpinions, Impression massImpression, List<Note> signals, List<Note> divergences,
            Integrity integrity, List<Voices> voices, List<Verbatim> verbatims, List<Coverage> coverage, Silence silence,
            List<FollowUp> openAlerts) {
        this(week, product, generatedAt, minimumN, headline, trend, byChannel, byProduct, bySegment, drivers,
                coreOpinions, massImpression, signals, divergences, integrity, voices, verbatims, coverage, silence,
                openAlerts, List.of());
    }

    /**
     * A discovered theme new or growing this week (新主题): its display name, negative items this week against the
     * median of its history weeks ({@code usual}), whether it was first seen this week and whether the emerging-theme
     * test raised it, the week's channels (wire names, most items first), one masked sentence of the week, and the
     * link to its items ({@code /search?theme=…&week=…}).
     */
    public record NewTheme(String id, String name, long negative, double usual, boolean firstSeen, boolean emerging,
            List<String> channels, String quote, String link) {
    }

    /**
     * Silence is a signal: {@code noData} when nothing at all arrived this week; {@code quietSources} had items in
     * the four weeks before and none this week (most items first); {@code lastWeekWithData} the latest week up to
     * this one that had any (null when none).
     */
    public record Silence(boolean noData, List<String> quietSources, String lastWeekWithData) {
    }

    /**
     * An alert still open (or acknowledged, not resolved) at the report's week, whether it was raised this week
     * ({@code newThisWeek}) or earlier ({@code week} it was last seen); {@code owner} who acknowledged it, if anyone.
     */
    public record FollowUp(String kind, String title, String severity, String week, String status, String owner,
            boolean newThisWeek, Subject subject) {
        public FollowUp(String kind, String title, String severity, String week, String status, String owner,
                boolean newThisWeek) {
            this(kind, title, severity, week, status, owner, newThisWeek, null);
        }
    }

    /** NPS this week against last week and the trailing four weeks, with significance in words. */
    public record Headline(NpsScore current, NpsScore lastWeek, NpsScore trailing4, Change vsLastWeek,
            Change vsTrailing4, NetSentiment netSentiment, long volume) {
    }

    /** A difference of two NPS values with its 95% interval; {@code text} says e.g. "−4 分，不显著". */
    public record Change(Interval difference, boolean significant, boolean comparable, String textZh, String textEn) {
    }

    public record WeekPoint(String week, NpsScore nps, NetSentiment net, long volume) {
    }

    public record Row(String key, long volume, NpsScore nps, NetSentiment net, Change vsLastWeek) {
    }

    /**
     * An aspect pulling NPS down (detractors mention it negatively more often than promoters) or up (promoters
     * praise it more often than detractors). {@code npsWithout}: NPS if this aspect's negative detractors were passives.
     */
    public record Driver(String aspect, String direction, long detractors, long detractorMentions,
            long promoters, long promoterMentions, double detractorShare, double promoterShare, Double npsWithout) {
    }

    public record Opinion(String aspect, String polarity, long count, String example, String exampleId, String latestDay) {
    }

    public record Impression(long volume, NetSentiment net, NetSentiment netLastWeek, NpsScore nps,
            List<AspectCount> clusteredAspects) {
    }

    public record AspectCount(String aspect, long count, long negative) {
    }

    /**
     * A signal note. {@code title} and {@code detail} are the producer's Chinese text; {@code titleEn} and
     * {@code detailEn} its English, when the producer writes one; {@code subject}, when the note is about an alert
     * or a detector's finding, lets the English report name it from its structure (type, channels, aspect …).
     */
    public record Note(String kind, String title, String detail, Subject subject, String titleEn, String detailEn) {
        public Note(String kind, String title, String detail) {
            this(kind, title, detail, null, null, null);
        }
    }

    /**
     * What an alert is about: its signal type (e.g. {@code SPIKE}), channels, aspect and product ids, and the
     * source or account it concerns ({@code about}), each may be null.
     */
    public record Subject(String type, List<String> channels, String aspect, String product, String about) {
    }

    /**
     * Astroturf (水军): items flagged this week, and the headline numbers with and without them (raw vs weighted),
     * so that a campaign cannot move the report unnoticed.
     */
    public record Integrity(long items, long flagged, NpsScore rawNps, NpsScore weightedNps, NetSentiment rawNet,
            NetSentiment weightedNet) {
    }

    /**
     * Concentration of one channel's voices this week (信息茧房): CR10 share of the top 10 accounts, HHI and the
     * effective number of voices; {@code concentrated} when it crosses the detector's thresholds.
     */
    public record Voices(String channel, long items, int voices, double cr10, double hhi, double effectiveVoices,
            boolean concentrated, boolean enoughData) {
    }

    public record Verbatim(String id, String channel, String source, String polarity, Double rating, String text) {
    }

    public record Coverage(String channel, long volume, long npsN, boolean sufficient) {
    }
}
