package io.koubei.dashboard.speed;

import io.koubei.core.feedback.Channel;
import io.koubei.core.time.CalendarKeys;
import java.time.ZoneId;
import io.koubei.dashboard.query.FilterParams;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 响应速度 page: the same figures as /api/v1/speed/metrics, each linked to its items, and the live queue. */
@Controller
public class SpeedPageController {
    static final int QUEUE_SHOWN = 50;
    static final int PAGE = 20;

    private final SpeedService speed;
    private final ZoneId zone;

    public SpeedPageController(SpeedService speed, CalendarKeys calendar) {
        this.speed = speed;
        this.zone = calendar.zone();
    }

    @GetMapping("/speed")
    public String page(@RequestParam MultiValueMap<String, String> raw, Model model) {
        FilterParams params = FilterParams.of(raw);
        if (params.first("week") == null && params.first("from") == null && params.first("to") == null) {
            // the whole history takes seconds on a large store; the page opens on the last four weeks
            params = params.with("from", speed.now().atZone(zone).toLocalDate().minusWeeks(4).toString());
        }
        model.addAttribute("params", params);
        model.addAttribute("channels", Arrays.stream(Channel.values()).map(Channel::wireName).toList());
        SpeedService.PageView view = speed.pageFor(params, QUEUE_SHOWN);
        model.addAttribute("m", view.metrics());
        // the queue is the unanswered set of the same filters: its length is the unanswered count
        model.addAttribute("queue", view.queue());
        model.addAttribute("queueTotal", view.queueTotal());
        model.addAttribute("queueAll", view.queueTotal() == 0 ? null
                : SpeedService.link(List.of("any"), "unanswered", params));
        return "speed";
    }

    /** The complete, paged list behind a figure: the same set the figure counts. */
    @GetMapping("/speed/items")
    public String items(@RequestParam MultiValueMap<String, String> raw, @RequestParam String set,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        FilterParams params = FilterParams.of(raw);
        SpeedService.CasePage page = speed.casePage(params, set, Math.max(0, offset), PAGE);
        model.addAttribute("params", params);
        model.addAttribute("set", set);
        model.addAttribute("page", page);
        model.addAttribute("items", speed.itemsOf(page.ids()));
        model.addAttribute("missing", page.ids().size() - speed.itemsOf(page.ids()).size());
        String base = params.href("/speed/items", "set", set);
        model.addAttribute("prev", page.offset() > 0 ? base + "&offset=" + Math.max(0, page.offset() - PAGE) : null);
        model.addAttribute("next", page.offset() + PAGE < page.total() ? base + "&offset=" + (page.offset() + PAGE) : null);
        model.addAttribute("back", params.href("/speed"));
        return "speed-items";
    }
}
