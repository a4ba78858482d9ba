package io.koubei.dashboard.signals;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.crosscheck.ChannelMatrix;
import io.koubei.analysis.signals.survey.SurveyMetrics;
import io.koubei.analysis.signals.survey.SurveyQuestion;
import io.koubei.analysis.signals.weighting.AccountWeighting;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.settings.SettingsService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The word-of-mouth views over the API: the cross-channel matrix, survey metrics (NPS, CSAT, first-recommendation
 * rate, brand health) with significance, raw vs weighted metrics, and the concentration of voices.
 */
@RestController
@RequestMapping("/api/v1")
public class WordOfMouthController {
    private static final int MATRIX_WEEKS = 9;

    private final FeedbackStore store;
    private final SignalsService signals;
    private final SettingsService settings;
    private final Detectors detectors;
    private final int minimumN;

    public WordOfMouthController(FeedbackStore store, SignalsService signals, SettingsService settings,
            Detectors detectors, KoubeiProperties koubei) {
        this.store = store;
        this.detectors = detectors;
        this.signals = signals;
        this.settings = settings; // ours vs competitors: settings page, else koubei.signals.*
        this.minimumN = koubei.getMinimumN();
    }

    private String week(String week) {
        return week == null || week.isBlank() ? signals.currentWeek() : SignalsController.checkWeek(week);
    }

    private FeedbackFilter.Builder scope(String product, List<String> weeks) {
        FeedbackFilter.Builder b = FeedbackFilter.builder().weeks(new HashSet<>(weeks));
        return product == null || product.isBlank() ? b : b.product(product);
    }

    /** Channel and department × volume, net sentiment, NPS, top negative aspects, for one week. */
    @GetMapping("/crosscheck")
    public Map<String, Object> crosscheck(@RequestParam(required = false) String week,
            @RequestParam(required = false) String product, @RequestParam(defaultValue = "3") int topAspects) {
        String w = week(week);
        FeedbackFilter f = scope(product, Weeks.endingAt(w, MATRIX_WEEKS)).excludeFlags(Set.of(AstroturfParams.FLAG)).build();
        List<Dimension> overallDims = List.of(Dimension.WEEK, Dimension.CHANNEL);
        List<Dimension> aspectDims = List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY);
        BucketTable overall = BucketTable.of(overallDims, store.aggregate(new AggregateQuery(f, overallDims)));
        BucketTable aspects = BucketTable.of(aspectDims, store.aggregate(new AggregateQuery(f, aspectDims)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("week", w);
        out.put("byChannel", ChannelMatrix.byChannel(overall, aspects, w, minimumN, topAspects));
        out.put("byDepartment", ChannelMatrix.byDepartment(overall, aspects, w, minimumN, topAspects));
        out.put("divergences", signals.lastScan(w).map(s -> s.signals().stream()
                .filter(x -> x.type() == io.koubei.analysis.signals.SignalType.DIVERGENCE).toList()).orElse(List.of()));
        return out;
    }

    /** NPS and CSAT per week with week-over-week and trailing-4-week significance, and survey-field proportions. */
    @GetMapping("/survey")
    public Map<String, Object> survey(@RequestParam(required = false) String week, @RequestParam(defaultValue = "8") int weeks,
            @RequestParam(required = false) String product, @RequestParam(required = false) List<String> brand) {
        String w = week(week);
        List<String> window = Weeks.endingAt(w, Math.max(1, Math.min(weeks, 52)));
        List<String> withHistory = Weeks.endingAt(w, window.size() + 4);
        List<AnalyzedFeedback> items = new ArrayList<>();
        store.scan(scope(product, withHistory).channel(Channel.SURVEY).build(), items::add);
        SurveyMetrics metrics = new SurveyMetrics();
        var byWeek = SurveyMetrics.byWeek(items);
        Set<String> brands = brand == null || brand.isEmpty() ? settings.ourProducts() : new HashSet<>(brand);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("weeks", window);
        out.put("nps", metrics.nps(byWeek, window));
        out.put("csat", metrics.csat(byWeek, window));
        out.put("proportions", SurveyQuestion.defaults(brands).stream()
                .collect(Collectors.toMap(SurveyQuestion::metric, q -> metrics.proportion(q, items, window),
                        (a, b) -> a, LinkedHashMap::new)));
        return out;
    }

    /** Net sentiment and NPS raw, and with astroturf-flagged items and per-account excess removed. */
    @GetMapping("/weighted")
    public Object weighted(@RequestParam(required = false) String week, @RequestParam(required = false) String product) {
        String w = week(week);
        List<AnalyzedFeedback> items = new ArrayList<>();
        store.scan(scope(product, List.of(w)).build(), items::add);
        Set<String> flagged = items.stream().filter(f -> f.analysis().flags().contains(AstroturfParams.FLAG))
                .map(AnalyzedFeedback::id).collect(Collectors.toSet());
        AccountWeighting weighting = new AccountWeighting();
        return weighting.compare(items, weighting.plan(items, flagged));
    }

    /**
     * Our products against competitors (koubei.signals.our-products / competitors, or ?ours=&competitor=) over the
     * four weeks ending at {@code week}: share of voice and net sentiment overall and per aspect, side by side.
     * Compared on the channels both sides are present in (social, reviews): our own tickets have no counterpart.
     */
    @GetMapping("/competitors")
    public Object competitors(@RequestParam(required = false) String week, @RequestParam(required = false) List<String> ours,
            @RequestParam(required = false) List<String> competitor,
            @RequestParam(defaultValue = "social,review") List<String> channels) {
        String w = week(week);
        Set<String> o = ours == null || ours.isEmpty() ? settings.ourProducts() : new HashSet<>(ours);
        Set<String> c = competitor == null || competitor.isEmpty() ? settings.competitors() : new HashSet<>(competitor);
        if (o.isEmpty() || c.isEmpty()) {
            throw new IllegalArgumentException("no products to compare: set koubei.signals.our-products and "
                    + "koubei.signals.competitors, or pass ours= and competitor=");
        }
        FeedbackFilter f = FeedbackFilter.builder().weeks(new HashSet<>(Weeks.endingAt(w, 4)))
                .channels(channels.stream().map(ch -> Channel.fromWire(ch).orElseThrow(() ->
                        new IllegalArgumentException("channels: unknown channel '" + ch + "'"))).collect(Collectors.toSet()))
                .excludeFlags(Set.of(AstroturfParams.FLAG)).build();
        List<Dimension> p = List.of(Dimension.PRODUCT);
        List<Dimension> pa = List.of(Dimension.PRODUCT, Dimension.ASPECT_POLARITY);
        return new io.koubei.analysis.signals.competitor.CompetitorComparison(
                new io.koubei.analysis.signals.competitor.ProductRoster(o, c), minimumN, 0.1)
                .compare(BucketTable.of(p, store.aggregate(new AggregateQuery(f, p))),
                        BucketTable.of(pa, store.aggregate(new AggregateQuery(f, pa))), w);
    }

    /** CR10, HHI, effective number of voices and top-20 overlap per channel and per official account. */
    @GetMapping("/concentration")
    public Object concentration(@RequestParam(required = false) String week) {
        String w = week(week);
        List<AnalyzedFeedback> items = new ArrayList<>();
        store.scan(FeedbackFilter.builder().weeks(Set.of(w, io.koubei.core.time.CalendarKeys.shiftWeek(w, -1))).build(),
                items::add);
        return detectors.cocoon().detect(items, w).scopes();
    }
}
