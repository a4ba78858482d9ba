package io.koubei.dashboard.web;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.crosscheck.ChannelMatrix;
import io.koubei.analysis.signals.crosscheck.ChannelRow;
import io.koubei.analysis.signals.segment.CoreOpinions;
import io.koubei.analysis.signals.segment.MassImpression;
import io.koubei.analysis.signals.segment.OpinionPointRanking;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.settings.ChannelSettings;
import io.koubei.dashboard.settings.SettingsService;
import io.koubei.dashboard.signals.SignalsService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Cross-check (channels × departments), core users' opinion points and mass users' impression, for one week (the
 * filter's, else the latest with data) and the rest of the global filters. Astroturf-flagged items are left out, and
 * the drill-down links say so, so that the items behind a number are exactly the ones counted.
 */
@Controller
public class WordOfMouthPageController {
    private static final int WEEKS = 8;
    private static final int MATRIX_WEEKS = 9;
    private static final List<String> NOT_WEEKLY = List.of("week", "from", "to", "day");

    private final SignalsService signals;
    private final FeedbackStore store;
    private final CalendarKeys calendar;
    private final FeedbackAnalyzer analyzer;
    private final SettingsService settings;
    private final io.koubei.dashboard.signals.Detectors detectors;
    private final int minimumN;

    public WordOfMouthPageController(SignalsService signals, FeedbackStore store, CalendarKeys calendar,
            FeedbackAnalyzer analyzer, SettingsService settings, io.koubei.dashboard.signals.Detectors detectors,
            KoubeiProperties props) {
        this.signals = signals;
        this.detectors = detectors;
        this.store = store;
        this.calendar = calendar;
        this.analyzer = analyzer;
        this.settings = settings;
        this.minimumN = props.getMinimumN();
    }

    /** The requested week, else the latest week with data. */
    private String week(FilterParams params) {
        String week = params.first("week");
        if (week != null) {
            return CalendarKeys.checkWeek("week", week);
        }
        List<String> weeks = signals.weeksWithData();
        return weeks.isEmpty() ? signals.currentWeek() : weeks.get(weeks.size() - 1);
    }

    /** The page's filters (without time, which the week replaces) over {@code weeks}, astroturf excluded. */
    private FeedbackFilter.Builder scope(FilterParams params, List<String> weeks, String... without) {
        List<String> drop = new ArrayList<>(NOT_WEEKLY);
        drop.addAll(List.of(without));
        FeedbackFilter f = params.without(drop.toArray(String[]::new)).toFilter(calendar.zone(), analyzer);
        Set<String> exclude = new HashSet<>(f.excludeFlags());
        exclude.add(AstroturfParams.FLAG);
        return f.toBuilder().weeks(new HashSet<>(weeks)).excludeFlags(exclude);
    }

    private FilterParams common(Model model, FilterParams params, String week) {
        model.addAttribute("week", week);
        model.addAttribute("weekly", true);
        FilterParams links = params.without(NOT_WEEKLY.toArray(String[]::new)).with("excludeFlag", AstroturfParams.FLAG);
        model.addAttribute("links", links);
        return links;
    }

    @GetMapping("/crosscheck")
    public String crosscheck(@RequestParam MultiValueMap<String, String> raw, Model model) {
        FilterParams params = FilterParams.of(raw);
        String w = week(params);
        common(model, params, w);
        FeedbackFilter f = scope(params, Weeks.endingAt(w, MATRIX_WEEKS)).build();
        List<Dimension> overallDims = List.of(Dimension.WEEK, Dimension.CHANNEL);
        List<Dimension> aspectDims = List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY);
        BucketTable overall = BucketTable.of(overallDims, store.aggregate(new AggregateQuery(f, overallDims)));
        BucketTable aspects = BucketTable.of(aspectDims, store.aggregate(new AggregateQuery(f, aspectDims)));
        ChannelSettings channels = settings.channels();
        // channel rows name the department set on the settings page; the department view groups channels by it
        List<ChannelRow> byChannel = ChannelMatrix.byChannel(overall, aspects, w, minimumN, 3).stream()
                .map(r -> new ChannelRow(r.scope(), channels.departmentOf(r.scope()), r.volume(), r.netSentiment(),
                        r.nps(), r.topNegative()))
                .toList();
        List<ChannelRow> byDepartment = ChannelMatrix.byChannel(overall.mapValues(Dimension.CHANNEL, channels::departmentOf),
                aspects.mapValues(Dimension.CHANNEL, channels::departmentOf), w, minimumN, 3);
        Map<String, String> departmentChannels = new TreeMap<>();
        channels.effectiveDepartments().forEach((ch, d) -> departmentChannels.merge(d, ch, (a, b) -> a + "," + b));
        model.addAttribute("byChannel", byChannel);
        model.addAttribute("byDepartment", byDepartment);
        model.addAttribute("departmentChannels", departmentChannels);
        // the divergence detector on the same tables (and thresholds) the weekly scan uses: what the page shows is
        // what the detectors would say for these filters, also after a restart and for weeks not scanned yet
        List<Signal> divergences = detectors.divergence().detect(overall, aspects, w, params.first("product"));
        model.addAttribute("divergences", divergences);
        return "crosscheck";
    }

    private BucketTable table(FeedbackFilter f, Dimension d) {
        return BucketTable.of(List.of(d), store.aggregate(new AggregateQuery(f, List.of(d))));
    }

    /** Distinct authors of the items, anonymous ones counting as one author (as distinct ids with null do). */
    private long authors(FeedbackFilter f) {
        return store.aggregate(new AggregateQuery(f, List.of(Dimension.AUTHOR))).size();
    }

    @GetMapping("/users")
    public String users(@RequestParam MultiValueMap<String, String> raw, Model model) {
        FilterParams params = FilterParams.of(raw);
        String w = week(params);
        FilterParams links = common(model, params, w).without("segment");
        List<String> window = Weeks.endingAt(w, WEEKS);
        model.addAttribute("windowWeeks", window.get(0) + " – " + window.get(window.size() - 1));
        model.addAttribute("links", links.with("week", String.join(",", window)));
        // mass users: counts only (the store's aggregations); core users: their items, for the opinion points
        FeedbackFilter massItems = scope(params, window, "segment").segments(Set.of(Segment.MASS)).build();
        FeedbackFilter coreItems = scope(params, window, "segment").segments(Set.of(Segment.CORE)).build();
        model.addAttribute("coreCount", authors(coreItems));
        model.addAttribute("massCount", authors(massItems));
        // opinion points from the store's counts; a few items are read for the examples of the points shown
        model.addAttribute("opinions", CoreOpinions.top(store, coreItems,
                calendar.weekStart(CalendarKeys.shiftWeek(w, 1)), calendar.zone(), new OpinionPointRanking(), 20));
        model.addAttribute("impression", MassImpression.of(table(massItems, Dimension.WEEK),
                table(massItems, Dimension.ASPECT), table(massItems, Dimension.ASPECT_POLARITY), window, minimumN, 10));
        return "users";
    }
}
