package io.koubei.dashboard.web;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.dashboard.alerting.Alert;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.SearchQuery;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.ItemView;
import io.koubei.dashboard.query.QueryService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Server-rendered pages; charts read the same JSON the API serves, embedded in the page. */
@Controller
public class PageController {
    private static final int PAGE = 20;

    private final QueryService queries;
    private final MessageSource messages;
    private final ImportStatus importStatus;
    private final AlertService alerts;
    private final JsonMapper json;

    public PageController(QueryService queries, MessageSource messages, ImportStatus importStatus, AlertService alerts,
            JsonMapper json) {
        this.json = json;
        this.queries = queries;
        this.messages = messages;
        this.importStatus = importStatus;
        this.alerts = alerts;
    }

    @GetMapping("/")
    public String overview(@RequestParam MultiValueMap<String, String> raw, Model model, Locale locale) {
        FilterParams params = FilterParams.of(raw);
        common(model, params, locale);
        QueryService.Overview overview = queries.overview(params);
        model.addAttribute("overview", overview);
        // serialised here with the application's mapper: the page's script reads it as one JSON string
        model.addAttribute("overviewJson", json.writeValueAsString(overview));
        model.addAttribute("openAlerts", alerts.list(Alert.Status.OPEN));
        return "index";
    }

    @GetMapping("/search")
    public String search(@RequestParam MultiValueMap<String, String> raw, @RequestParam(defaultValue = "0") int offset,
            Model model, Locale locale) {
        FilterParams params = FilterParams.of(raw);
        common(model, params, locale);
        model.addAttribute("result", queries.search(params, Math.max(0, offset), PAGE));
        Map<String, String> hidden = new LinkedHashMap<>();
        params.values().forEach((k, v) -> {
            if (!k.equals("q")) {
                hidden.put(k, String.join(",", v));
            }
        });
        model.addAttribute("hidden", hidden);
        model.addAttribute("filterSummary", hidden.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" · ")));
        return "search";
    }

    @GetMapping("/item/{id}")
    public String item(@PathVariable String id, Model model, Locale locale) {
        AnalyzedFeedback f = queries.store().get(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + id));
        common(model, FilterParams.empty(), locale);
        model.addAttribute("item", ItemView.of(f, null));
        model.addAttribute("parent", f.item().replyTo() == null ? null
                : queries.store().get(f.item().replyTo()).map(p -> ItemView.of(p, null)).orElse(null));
        var replies = queries.store().search(new SearchQuery(FeedbackFilter.builder().replyTo(id).build(), 0, 50));
        model.addAttribute("replies", replies.items().stream().map(r -> ItemView.of(r, null)).toList());
        return "item";
    }

    private void common(Model model, FilterParams params, Locale locale) {
        model.addAttribute("params", params);
        model.addAttribute("query", params.toQueryString());
        model.addAttribute("channels", Arrays.stream(Channel.values()).map(Channel::wireName).toList());
        model.addAttribute("channelNamesJson", json.writeValueAsString(Arrays.stream(Channel.values()).collect(
                Collectors.toMap(Channel::wireName, c -> messages.getMessage("channel." + c.wireName(), null, c.wireName(), locale)))));
        List<String> products = queries.store().aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.PRODUCT)))
                .stream().map(b -> b.key().get(0)).filter(k -> !Dimension.NONE.equals(k)).toList();
        model.addAttribute("products", products);
        model.addAttribute("echartsVersion", "5.3.1");
        model.addAttribute("importStatus", importStatus.describe(locale));
    }
}
