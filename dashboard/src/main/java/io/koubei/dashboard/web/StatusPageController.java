package io.koubei.dashboard.web;

import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.dashboard.ops.BackendProbe;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.QueryService;
import io.koubei.dashboard.thisweek.ThisWeekService;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 系统状态 for people: store and bus up or down, what is queued or dead-lettered, how many items there are, until
 * when data arrived and which sources went quiet. The JSON for monitors stays at {@code /api/v1/health}.
 */
@Controller
public class StatusPageController {
    private final BackendProbe probe;
    private final FeedbackAnalyzer analyzer;
    private final QueryService queries;
    private final ThisWeekService thisWeek;

    public StatusPageController(BackendProbe probe, FeedbackAnalyzer analyzer, QueryService queries, ThisWeekService thisWeek) {
        this.probe = probe;
        this.analyzer = analyzer;
        this.queries = queries;
        this.thisWeek = thisWeek;
    }

    @GetMapping("/status")
    public String status(Model model, Locale locale) {
        var store = probe.store();
        var bus = probe.bus();
        model.addAttribute("store", store);
        model.addAttribute("bus", bus);
        model.addAttribute("up", store.up() && bus.up());
        model.addAttribute("analyzerVersion", analyzer.version());
        model.addAttribute("items", store.up() ? queries.store().count(FeedbackFilter.ALL) : null);
        model.addAttribute("data", store.up() ? thisWeek.thisWeek(FilterParams.empty(), locale) : null);
        return "status";
    }
}
