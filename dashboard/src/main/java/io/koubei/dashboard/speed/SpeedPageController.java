package io.koubei.dashboard.speed;

import io.koubei.core.feedback.Channel;
import io.koubei.core.time.CalendarKeys;
import java.time.ZoneId;
import io.koubei.dashboard.query.FilterParams;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 响应速度 page: the same figures as /api/v1/speed/metrics, each linked to its items, and the live queue. */
@Controller
public class SpeedPageController {
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
        model.addAttribute("m", speed.metricsFor(params));
        model.addAttribute("queue", speed.queue());
        return "speed";
    }
}
