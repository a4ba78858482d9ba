package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.web.AlertFilter;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The alerts page: incidents (the alerts about one subject over the weeks), unresolved and most urgent first, each
 * with one sentence of evidence, a mini chart against its baseline, the items behind it and the statistics behind
 * "details"; narrowed by the global filters, status, type and severity, 50 a page. Acknowledge, resolve, assign and
 * comment act on the incident.
 */
@Controller
public class AlertPageController {
    private final AlertService alerts;

    public AlertPageController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    public String list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String severity, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) String incident,
            @RequestParam org.springframework.util.MultiValueMap<String, String> raw, Locale locale, Model model) {
        Alert.Status s = status == null || status.isBlank() ? null : parse("status", status, Alert.Status.class);
        String t = type == null || type.isBlank() ? null : parse("type", type, SignalType.class).name();
        String v = severity == null || severity.isBlank() ? null : parse("severity", severity, Severity.class).name();
        // the global filter bar's product, channel, aspect and week narrow the list
        FilterParams filters = FilterParams.of(raw);
        java.util.List<Incident> matching = AlertFilter.of(filters).applyToIncidents(alerts.incidents(s));
        if (incident != null && !incident.isBlank()) { // the link of a notification: that incident alone
            matching = matching.stream().filter(i -> i.id().equals(incident)).toList();
        }
        AlertListView view = AlertListView.of(filters, s == null ? null : s.name().toLowerCase(Locale.ROOT), t, v, offset,
                alerts.views(matching, locale));
        model.addAttribute("view", view);
        model.addAttribute("incidents", view.page());
        Map<String, String> typeNames = new LinkedHashMap<>();
        for (SignalType st : SignalType.values()) {
            typeNames.put(st.name(), IncidentText.typeName(st, locale));
        }
        model.addAttribute("typeNames", typeNames);
        model.addAttribute("single", incident != null && !incident.isBlank());
        model.addAttribute("status", status);
        Map<String, String> hidden = new LinkedHashMap<>();
        if (view.status() != null) {
            hidden.put("status", view.status());
        }
        if (t != null) {
            hidden.put("type", t);
        }
        if (v != null) {
            hidden.put("severity", v);
        }
        model.addAttribute("extraHidden", hidden);
        return "alerts";
    }

    /** An enum parameter; a bad one is a 400 that names the parameter and its values. */
    private static <E extends Enum<E>> E parse(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": unknown '" + value + "' (expected one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ")");
        }
    }

    /** Back to the list as it was (filters, page), when the form came from it. */
    private static String back(String referer) {
        if (referer != null) {
            try {
                java.net.URI u = java.net.URI.create(referer);
                if ("/alerts".equals(u.getPath())) {
                    return "redirect:/alerts" + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed Referer: the plain list
            }
        }
        return "redirect:/alerts";
    }

    @PostMapping("/alerts/{id}/ack")
    public String acknowledge(@PathVariable String id, Principal user,
            @RequestHeader(value = "Referer", required = false) String referer) {
        alerts.acknowledge(id, user.getName());
        return back(referer);
    }

    /** An alert that does not exist (any more): 404, as the API answers, not a 500. */
    @org.springframework.web.bind.annotation.ExceptionHandler(java.util.NoSuchElementException.class)
    public org.springframework.http.ResponseEntity<String> missing(java.util.NoSuchElementException e) {
        return org.springframework.http.ResponseEntity.status(404)
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @PostMapping("/alerts/{id}/resolve")
    public String resolve(@PathVariable String id, Principal user,
            @RequestHeader(value = "Referer", required = false) String referer) {
        alerts.resolve(id, user.getName());
        return back(referer);
    }

    @PostMapping("/alerts/{id}/assign")
    public String assign(@PathVariable String id, @RequestParam(required = false) String owner, Principal user,
            @RequestHeader(value = "Referer", required = false) String referer) {
        alerts.assign(id, owner, user.getName());
        return back(referer);
    }

    @PostMapping("/alerts/{id}/comment")
    public String comment(@PathVariable String id, @RequestParam(required = false) String text, Principal user,
            @RequestHeader(value = "Referer", required = false) String referer) {
        alerts.comment(id, user.getName(), text);
        return back(referer);
    }
}
