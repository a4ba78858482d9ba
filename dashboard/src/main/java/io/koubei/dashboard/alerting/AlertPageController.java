package io.koubei.dashboard.alerting;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The alerts page: open alerts first, each with its evidence and a link to the items behind it. */
@Controller
public class AlertPageController {
    private final AlertService alerts;

    public AlertPageController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    public String list(@RequestParam(required = false) String status,
            @RequestParam org.springframework.util.MultiValueMap<String, String> raw, Model model) {
        Alert.Status s = status == null || status.isBlank() ? null : Alert.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        // the global filter bar's product, channel, aspect and week narrow the list
        var filter = io.koubei.dashboard.web.AlertFilter.of(io.koubei.dashboard.query.FilterParams.of(raw));
        model.addAttribute("alerts", filter.apply(alerts.list(s)).stream()
                .sorted(java.util.Comparator.comparing((Alert a) -> a.status() != Alert.Status.OPEN)
                        .thenComparing(Alert::severity, java.util.Comparator.reverseOrder())
                        .thenComparing(a -> a.week() == null ? "" : a.week(), java.util.Comparator.reverseOrder()))
                .toList());
        model.addAttribute("status", status);
        model.addAttribute("extraHidden", status == null ? java.util.Map.of() : java.util.Map.of("status", status));
        return "alerts";
    }

    @PostMapping("/alerts/{id}/ack")
    public String acknowledge(@PathVariable String id, Principal user) {
        alerts.acknowledge(id, user.getName());
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/{id}/resolve")
    public String resolve(@PathVariable String id, Principal user) {
        alerts.resolve(id, user.getName());
        return "redirect:/alerts";
    }
}
