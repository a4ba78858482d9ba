package io.koubei.dashboard.settings;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.access.Role;
import io.koubei.dashboard.access.UserDirectory;
import io.koubei.dashboard.web.FilterOptions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings pages: everyone signed in reads them, admins change them (SecurityConfiguration). A rejected form is
 * shown again with what was typed and every problem listed (HTTP 422); a saved one redirects with a notice.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // its users directory lives in the web security setup
@RequestMapping("/settings")
public class SettingsController {
    public static final List<String> SECTIONS = List.of("taxonomy", "dictionaries", "lexicon", "sentiment", "products", "alerts",
            "channels", "themes", "users"); // themes: ThemesSettingsController
    private static final int BLANK_ROWS = 3;
    /** Items per second a re-analysis runs at on one busy core (docs/performance.md), for the estimate shown. */
    private static final int REANALYSIS_RATE = 1000;

    private final SettingsService settings;
    private final UserDirectory users;
    private final Reanalysis reanalysis;
    private final FeedbackStore store;
    private final FilterOptions options;
    private final io.koubei.dashboard.sentiment.SentimentModels sentimentModels;

    public SettingsController(SettingsService settings, UserDirectory users, Reanalysis reanalysis, FeedbackStore store,
            FilterOptions options, io.koubei.dashboard.sentiment.SentimentModels sentimentModels) {
        this.sentimentModels = sentimentModels;
        this.settings = settings;
        this.users = users;
        this.reanalysis = reanalysis;
        this.store = store;
        this.options = options;
    }

    @GetMapping
    public String index() {
        return "redirect:/settings/taxonomy";
    }

    @GetMapping("/{section}")
    public String show(@PathVariable String section, Model model, HttpServletRequest request) {
        if (!SECTIONS.contains(section)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        prepare(section, model, request);
        return "settings";
    }

    private void prepare(String section, Model model, HttpServletRequest request) {
        model.addAttribute("section", section);
        model.addAttribute("sections", SECTIONS);
        model.addAttribute("canEdit", request.isUserInRole(Role.ADMIN.name()));
        model.addAttribute("analyzerVersion", settings.analyzer().version());
        switch (section) {
            case "taxonomy" -> {
                if (!model.containsAttribute("rows")) {
                    model.addAttribute("rows", withBlanks(AnalysisSettings.rows(settings.analyzer().current().resources().taxonomy())));
                }
                model.addAttribute("customised", settings.analysis().taxonomyCustomised());
                model.addAttribute("file", settings.analysis().taxonomyPath());
                reanalysisModel(model);
            }
            case "dictionaries" -> {
                Map<String, String> texts = new LinkedHashMap<>();
                for (String d : AnalysisSettings.DICTIONARIES) {
                    texts.put(d, settings.analysis().dictionary(d));
                }
                if (model.getAttribute("dictionaryForm") instanceof Map<?, ?> typed) {
                    typed.forEach((k, v) -> texts.put((String) k, (String) v));
                }
                model.addAttribute("dictionaries", texts);
                model.addAttribute("file", settings.analysis().dictionaryPath("products").getParent());
                reanalysisModel(model);
            }
            case "lexicon" -> {
                if (!model.containsAttribute("lexiconText")) {
                    model.addAttribute("lexiconText", settings.analysis().lexiconText());
                }
                model.addAttribute("entries", settings.analysis().lexiconEntries());
                model.addAttribute("file", settings.analysis().lexiconPath());
                reanalysisModel(model);
            }
            case "sentiment" -> {
                model.addAttribute("sentiment", sentimentModels.status());
                reanalysisModel(model);
            }
            case "products" -> {
                ProductSettings p = settings.products();
                if (!model.containsAttribute("oursText")) {
                    model.addAttribute("oursText", String.join("\n", p.ours()));
                    model.addAttribute("competitorsText", String.join("\n", p.competitors()));
                }
                model.addAttribute("customised", settings.productsCustomised());
                model.addAttribute("configured", settings.configuredProducts());
                Set<String> unassigned = new TreeSet<>(options.values().products());
                unassigned.removeAll(p.ours());
                unassigned.removeAll(p.competitors());
                model.addAttribute("unassigned", unassigned);
            }
            case "alerts" -> {
                if (!model.containsAttribute("alertForm")) {
                    AlertRules r = settings.alertRules();
                    model.addAttribute("alertForm", r.toForm());
                    model.addAttribute("checkedTypes", r.types().stream().map(Enum::name).toList());
                }
                model.addAttribute("customised", settings.alertRulesCustomised());
                model.addAttribute("types", Arrays.asList(SignalType.values()));
                model.addAttribute("severities", Arrays.asList(Severity.values()));
                model.addAttribute("defaults", ScanConfig.defaults());
                model.addAttribute("aspectIds", settings.analyzer().current().resources().taxonomy().ids());
            }
            case "channels" -> {
                ChannelSettings c = settings.channels();
                model.addAttribute("departments", c.effectiveDepartments());
                model.addAttribute("defaultDepartments", Arrays.stream(Channel.values())
                        .collect(java.util.stream.Collectors.toMap(Channel::wireName, Channel::department)));
                if (!model.containsAttribute("sources")) {
                    List<ChannelSettings.Source> rows = new ArrayList<>(c.sources());
                    for (int i = 0; i < BLANK_ROWS; i++) {
                        rows.add(new ChannelSettings.Source("", "", ""));
                    }
                    model.addAttribute("sources", rows);
                }
                Set<String> unnamed = new TreeSet<>(options.values().sources());
                c.sources().forEach(s -> unnamed.remove(s.id()));
                model.addAttribute("unnamedSources", unnamed);
                model.addAttribute("channelIds", Arrays.stream(Channel.values()).map(Channel::wireName).toList());
            }
            case "users" -> {
                model.addAttribute("accounts", users.list());
                model.addAttribute("roles", List.of(Role.VIEWER, Role.ANALYST, Role.ADMIN));
            }
            default -> throw new IllegalStateException(section);
        }
    }

    private void reanalysisModel(Model model) {
        long count = store.count(FeedbackFilter.ALL);
        model.addAttribute("itemCount", count);
        model.addAttribute("reanalysisMinutes", Math.max(1, Math.round(count / (double) REANALYSIS_RATE / 60)));
        model.addAttribute("reanalysisRunning", reanalysis.running());
    }

    private static List<AnalysisSettings.AspectRow> withBlanks(List<AnalysisSettings.AspectRow> rows) {
        List<AnalysisSettings.AspectRow> out = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            out.add(new AnalysisSettings.AspectRow("", "", ""));
        }
        return out;
    }

    /** Shows the section again with the problems and what was typed, as 422. */
    private String rejected(String section, Problem.Rejected e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("problems", e.problems());
        prepare(section, model, request);
        return "settings";
    }

    private static String saved(String section, RedirectAttributes flash, String notice) {
        flash.addFlashAttribute("notice", notice);
        return "redirect:/settings/" + section;
    }

    // ---- analyzer files

    @PostMapping("/taxonomy")
    public String saveTaxonomy(@RequestParam(name = "id", required = false) List<String> ids,
            @RequestParam(name = "name", required = false) List<String> names,
            @RequestParam(name = "terms", required = false) List<String> terms, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        List<String> i = orEmpty(ids);
        List<String> n = orEmpty(names);
        List<String> t = orEmpty(terms);
        try {
            settings.saveTaxonomy(i, n, t);
            options.refresh();
            return saved("taxonomy", flash, "settings.saved.analysis");
        } catch (Problem.Rejected e) {
            List<AnalysisSettings.AspectRow> typed = new ArrayList<>();
            for (int k = 0; k < Math.max(i.size(), Math.max(n.size(), t.size())); k++) {
                typed.add(new AnalysisSettings.AspectRow(at(i, k), at(n, k), at(t, k)));
            }
            model.addAttribute("rows", typed);
            return rejected("taxonomy", e, model, request, response);
        }
    }

    @PostMapping("/taxonomy/reset")
    public String resetTaxonomy(RedirectAttributes flash) {
        settings.resetTaxonomy();
        options.refresh();
        return saved("taxonomy", flash, "settings.saved.reset");
    }

    @PostMapping("/dictionaries/{name}")
    public String saveDictionary(@PathVariable String name, @RequestParam(defaultValue = "") String text, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            settings.saveDictionary(name, text);
            return saved("dictionaries", flash, "settings.saved.analysis");
        } catch (Problem.Rejected e) {
            model.addAttribute("dictionaryForm", Map.of(name, text));
            model.addAttribute("problemDictionary", name);
            return rejected("dictionaries", e, model, request, response);
        }
    }

    @PostMapping("/lexicon")
    public String saveLexicon(@RequestParam(defaultValue = "") String text, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        try {
            settings.saveLexicon(text);
            return saved("lexicon", flash, "settings.saved.analysis");
        } catch (Problem.Rejected e) {
            model.addAttribute("lexiconText", text);
            return rejected("lexicon", e, model, request, response);
        }
    }

    @PostMapping("/reanalyze")
    public String reanalyze(@RequestParam(defaultValue = "taxonomy") String back, RedirectAttributes flash) {
        boolean started = reanalysis.start();
        return saved(SECTIONS.contains(back) ? back : "taxonomy", flash,
                started ? "settings.reanalysis.started" : "settings.reanalysis.busy");
    }

    @PostMapping("/sentiment/train")
    public String trainSentiment(RedirectAttributes flash) {
        boolean started = sentimentModels.trainInBackground();
        return saved("sentiment", flash, started ? "settings.sentiment.trainingStarted" : "settings.sentiment.trainingBusy");
    }

    @PostMapping("/sentiment/activate")
    public String activateSentiment(@RequestParam String version, RedirectAttributes flash) {
        try {
            sentimentModels.activate(version);
            return saved("sentiment", flash, "settings.sentiment.activated");
        } catch (IllegalArgumentException e) {
            return saved("sentiment", flash, "settings.sentiment.noSuchModel");
        }
    }

    // ---- products, alert rules, channels

    @PostMapping("/products")
    public String saveProducts(@RequestParam(defaultValue = "") String ours, @RequestParam(defaultValue = "") String competitors,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            settings.saveProducts(ProductSettings.parse(ours, competitors));
            return saved("products", flash, "settings.saved.scan");
        } catch (Problem.Rejected e) {
            model.addAttribute("oursText", ours);
            model.addAttribute("competitorsText", competitors);
            return rejected("products", e, model, request, response);
        }
    }

    @PostMapping("/products/reset")
    public String resetProducts(RedirectAttributes flash) {
        settings.resetProducts();
        return saved("products", flash, "settings.saved.reset");
    }

    @PostMapping("/alerts")
    public String saveAlerts(@RequestParam Map<String, String> form,
            @RequestParam(name = "type", required = false) List<String> types, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        try {
            settings.saveAlertRules(AlertRules.parse(form, orEmpty(types),
                    settings.analyzer().current().resources().taxonomy().ids()));
            return saved("alerts", flash, "settings.saved.scan");
        } catch (Problem.Rejected e) {
            model.addAttribute("alertForm", form);
            model.addAttribute("checkedTypes", orEmpty(types));
            return rejected("alerts", e, model, request, response);
        } catch (IllegalArgumentException e) {
            model.addAttribute("alertForm", form);
            model.addAttribute("checkedTypes", orEmpty(types));
            return rejected("alerts", new Problem.Rejected(List.of(Problem.of("settings.error.detector", e.getMessage()))),
                    model, request, response);
        }
    }

    @PostMapping("/alerts/reset")
    public String resetAlerts(RedirectAttributes flash) {
        settings.resetAlertRules();
        return saved("alerts", flash, "settings.saved.reset");
    }

    @PostMapping("/channels")
    public String saveChannels(@RequestParam Map<String, String> form,
            @RequestParam(name = "sourceId", required = false) List<String> ids,
            @RequestParam(name = "sourceName", required = false) List<String> names,
            @RequestParam(name = "sourceChannel", required = false) List<String> channels, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Map<String, String> departments = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("department.")) {
                departments.put(k.substring("department.".length()), v);
            }
        });
        try {
            settings.saveChannels(ChannelSettings.parse(departments, orEmpty(ids), orEmpty(names), orEmpty(channels)));
            return saved("channels", flash, "settings.saved.channels");
        } catch (Problem.Rejected e) {
            List<ChannelSettings.Source> typed = new ArrayList<>();
            for (int k = 0; k < orEmpty(ids).size(); k++) {
                typed.add(new ChannelSettings.Source(at(ids, k), at(names, k), at(channels, k)));
            }
            model.addAttribute("sources", typed);
            return rejected("channels", e, model, request, response);
        }
    }

    // ---- users

    @PostMapping("/users")
    public String createUser(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "VIEWER") String role,
            @RequestParam(defaultValue = "") String password, Principal actor, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        try {
            String pw = users.create(name, role(role), password, actor.getName());
            flash.addFlashAttribute("newPassword", password.isBlank() ? pw : null);
            flash.addFlashAttribute("newPasswordFor", name.strip());
            return saved("users", flash, "settings.saved.userCreated");
        } catch (Problem.Rejected e) {
            model.addAttribute("typedUser", name);
            return rejected("users", e, model, request, response);
        }
    }

    @PostMapping("/users/{name}/role")
    public String setRole(@PathVariable String name, @RequestParam String role, Principal actor, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            users.setRole(name, role(role), actor.getName());
            return saved("users", flash, "settings.saved.user");
        } catch (Problem.Rejected e) {
            return rejected("users", e, model, request, response);
        }
    }

    @PostMapping("/users/{name}/enabled")
    public String setEnabled(@PathVariable String name, @RequestParam boolean enabled, Principal actor, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            users.setEnabled(name, enabled, actor.getName());
            return saved("users", flash, "settings.saved.user");
        } catch (Problem.Rejected e) {
            return rejected("users", e, model, request, response);
        }
    }

    @PostMapping("/users/{name}/password")
    public String resetPassword(@PathVariable String name, Principal actor, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("newPassword", users.resetPassword(name, actor.getName()));
            flash.addFlashAttribute("newPasswordFor", name);
            return saved("users", flash, "settings.saved.password");
        } catch (Problem.Rejected e) {
            return rejected("users", e, model, request, response);
        }
    }

    private static Role role(String s) {
        try {
            return Role.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // reported by the directory as an unknown role
        }
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i);
    }
}
