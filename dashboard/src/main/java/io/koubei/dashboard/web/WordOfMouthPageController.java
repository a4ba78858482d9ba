package io.koubei.dashboard.web;

import io.koubei.analysis.signals.Weeks;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.analysis.signals.segment.MassImpression;
import io.koubei.analysis.signals.segment.OpinionPointRanking;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.signals.SignalsService;
import io.koubei.dashboard.signals.WordOfMouthController;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Cross-check (channels × departments), core users' opinion points and mass users' impression. */
@Controller
public class WordOfMouthPageController {
    private static final int WEEKS = 8;

    private final WordOfMouthController wom;
    private final SignalsService signals;
    private final FeedbackStore store;
    private final CalendarKeys calendar;
    private final int minimumN;

    public WordOfMouthPageController(WordOfMouthController wom, SignalsService signals, FeedbackStore store,
            CalendarKeys calendar, KoubeiProperties props) {
        this.wom = wom;
        this.signals = signals;
        this.store = store;
        this.calendar = calendar;
        this.minimumN = props.getMinimumN();
    }

    /** The requested week, else the latest week with data. */
    private String week(String week) {
        if (week != null && week.matches("\\d{4}-W\\d{2}")) {
            return week;
        }
        List<String> weeks = signals.weeksWithData();
        return weeks.isEmpty() ? signals.currentWeek() : weeks.get(weeks.size() - 1);
    }

    private void common(Model model, String week, String product) {
        model.addAttribute("week", week);
        model.addAttribute("product", product);
        model.addAttribute("weeks", signals.weeksWithData());
        model.addAttribute("query", FilterParams.empty().with("product", product).toQueryString());
    }

    @GetMapping("/crosscheck")
    public String crosscheck(@RequestParam(required = false) String week, @RequestParam(required = false) String product,
            Model model) {
        String w = week(week);
        common(model, w, product);
        model.addAttribute("matrix", wom.crosscheck(w, product, 3));
        return "crosscheck";
    }

    @GetMapping("/users")
    public String users(@RequestParam(required = false) String week, @RequestParam(required = false) String product,
            Model model) {
        String w = week(week);
        common(model, w, product);
        List<String> window = Weeks.endingAt(w, WEEKS);
        FeedbackFilter.Builder base = FeedbackFilter.builder().weeks(new HashSet<>(window))
                .excludeFlags(Set.of(AstroturfParams.FLAG));
        if (product != null && !product.isBlank()) {
            base.product(product);
        }
        List<AnalyzedFeedback> core = new ArrayList<>();
        store.scan(base.segments(Set.of(Segment.CORE)).build(), core::add);
        List<AnalyzedFeedback> mass = new ArrayList<>();
        store.scan(base.segments(Set.of(Segment.MASS)).build(), mass::add);
        model.addAttribute("coreCount", core.stream().map(f -> f.item().authorId()).distinct().count());
        model.addAttribute("massCount", mass.stream().map(f -> f.item().authorId()).distinct().count());
        model.addAttribute("opinions", new OpinionPointRanking().rank(core, calendar.weekStart(CalendarKeys.shiftWeek(w, 1)))
                .stream().limit(20).toList());
        model.addAttribute("impression", MassImpression.of(mass, window, minimumN, 10));
        return "users";
    }
}
