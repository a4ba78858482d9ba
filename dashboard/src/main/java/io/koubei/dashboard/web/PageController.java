package io.koubei.dashboard.web;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.ItemView;
import io.koubei.dashboard.query.QueryService;
import io.koubei.dashboard.thisweek.ChartEvents;
import io.koubei.dashboard.thisweek.ThisWeekService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Overview, search and item pages; charts read the same JSON the API serves, embedded in the page. */
@Controller
public class PageController {
    private static final int PAGE = 20;
    private static final int AUTHOR_HISTORY = 10;
    private static final int THREAD_DEPTH = 5;

    private final QueryService queries;
    private final MessageSource messages;
    private final AlertService alerts;
    private final JsonMapper json;

    private final ThisWeekService thisWeek;
    private final ChartEvents events;
    private final io.koubei.dashboard.thisweek.ThisWeekView sparklines;

    public PageController(QueryService queries, MessageSource messages, AlertService alerts, JsonMapper json,
            ThisWeekService thisWeek, ChartEvents events, io.koubei.dashboard.thisweek.ThisWeekView sparklines) {
        this.sparklines = sparklines;
        this.thisWeek = thisWeek;
        this.events = events;
        this.json = json;
        this.queries = queries;
        this.messages = messages;
        this.alerts = alerts;
    }

    @GetMapping("/")
    public String overview(@RequestParam MultiValueMap<String, String> raw, Model model, Locale locale) {
        FilterParams params = FilterParams.of(raw);
        QueryService.Overview overview = queries.overview(params);
        model.addAttribute("overview", overview);
        io.koubei.dashboard.thisweek.ThisWeek tw = thisWeek.thisWeek(params, locale);
        model.addAttribute("thisWeek", tw);
        // drawn here from numbers only (Thymeleaf does not call beans inside th:utext)
        model.addAttribute("sparklines", tw.findings().stream().map(f -> sparklines.sparkline(f.series())).toList());
        model.addAttribute("eventsJson", json.writeValueAsString(events.markers(params)));
        // serialised here with the application's mapper: the page's script reads it as one JSON string
        model.addAttribute("overviewJson", json.writeValueAsString(overview));
        model.addAttribute("channelNamesJson", json.writeValueAsString(Arrays.stream(Channel.values()).collect(
                Collectors.toMap(Channel::wireName, c -> messages.getMessage("channel." + c.wireName(), null, c.wireName(), locale)))));
        // open incidents (one per subject over the weeks), not weekly alerts: the count the alerts page shows
        model.addAttribute("openAlerts", alerts.views(AlertFilter.of(params).applyToIncidents(alerts.incidents(Alert.Status.OPEN)), locale));
        return "index";
    }

    @GetMapping("/search")
    public String search(@RequestParam MultiValueMap<String, String> raw, @RequestParam(defaultValue = "0") int offset,
            Model model) {
        FilterParams params = FilterParams.of(raw);
        model.addAttribute("result", queries.search(params, Math.max(0, offset), PAGE));
        return "search";
    }

    /**
     * One item: its text and analysis with the explanation, the author's other posts, and the thread it belongs to
     * (the posts it replies to, up to {@value #THREAD_DEPTH} levels, and the replies to it, official ones marked).
     */
    @GetMapping("/item/{id}")
    public String item(@PathVariable String id, Model model) {
        AnalyzedFeedback f = queries.store().get(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + id));
        model.addAttribute("item", ItemView.of(f, null));
        List<ItemView> ancestors = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(id));
        String parent = f.item().replyTo();
        while (parent != null && ancestors.size() < THREAD_DEPTH && seen.add(parent)) {
            var p = queries.store().get(parent);
            if (p.isEmpty()) {
                model.addAttribute("missingParent", parent);
                break;
            }
            ancestors.add(0, ItemView.of(p.get(), null));
            parent = p.get().item().replyTo();
        }
        model.addAttribute("ancestors", ancestors);
        SearchPage replies = queries.store().search(new SearchQuery(FeedbackFilter.builder().replyTo(id).build(), 0, 50));
        model.addAttribute("replies", replies.items().stream().map(r -> ItemView.of(r, null)).toList());
        model.addAttribute("replyTotal", replies.total());
        String author = f.item().authorId();
        if (author != null) {
            SearchPage history = queries.store().search(new SearchQuery(
                    FeedbackFilter.builder().authorIds(Set.of(author)).build(), 0, AUTHOR_HISTORY + 1));
            model.addAttribute("authorHistory", history.items().stream().filter(h -> !h.id().equals(id))
                    .limit(AUTHOR_HISTORY).map(h -> ItemView.of(h, null)).toList());
            model.addAttribute("authorTotal", history.total());
            model.addAttribute("authorLink", FilterParams.empty().href("/search", "author", author));
        }
        return "item";
    }
}
