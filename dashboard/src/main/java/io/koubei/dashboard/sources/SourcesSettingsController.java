package io.koubei.dashboard.sources;

import io.koubei.dashboard.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sources settings page ({@code /settings/sources}): everyone signed in reads it, admins add, edit and remove
 * sources (the {@code /settings/**} rule of the access table). Secrets are accepted only as {@code ${VARIABLE}}
 * references; a clear-text value is refused with a message and never written. A refused form is shown again with what
 * was typed (HTTP 422).
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/settings/sources")
public class SourcesSettingsController {
    private static final int BLANK_ROWS = 2;

    private final SourcesService sources;
    private final MessageSource messages;

    public SourcesSettingsController(SourcesService sources, MessageSource messages) {
        this.sources = sources;
        this.messages = messages;
    }

    private SourcesEditor editor() {
        return new SourcesEditor(sources.file(), System::getenv);
    }

    @GetMapping
    public String page(Model model, HttpServletRequest request) {
        List<SourcesEditor.Entry> rows = new ArrayList<>();
        try {
            rows.addAll(editor().entries());
        } catch (RuntimeException e) {
            model.addAttribute("fileError", e.getMessage());
        }
        return show(model, request, rows, List.of());
    }

    @PostMapping
    public String save(@RequestParam(name = "name", required = false) List<String> name,
                       @RequestParam(name = "type", required = false) List<String> type,
                       @RequestParam(name = "schedule", required = false) List<String> schedule,
                       @RequestParam(name = "product", required = false) List<String> product,
                       @RequestParam(name = "channel", required = false) List<String> channel,
                       @RequestParam(name = "settings", required = false) List<String> settings,
                       @RequestParam(name = "remove", required = false) List<Integer> remove,
                       Model model, HttpServletRequest request, HttpServletResponse response, Locale locale,
                       RedirectAttributes redirect) {
        if (name == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST); // not this form: nothing is changed
            return show(model, request, editor().entries(), List.of(text("sources.edit.noForm", List.of(), locale)));
        }
        List<SourcesEditor.Entry> edited = new ArrayList<>();
        List<SourcesEditor.Entry> kept = new ArrayList<>();
        for (int i = 0; i < name.size(); i++) {
            SourcesEditor.Entry e = new SourcesEditor.Entry(name.get(i), at(type, i), at(schedule, i), at(product, i),
                    at(channel, i), at(settings, i));
            edited.add(e);
            if (remove == null || !remove.contains(i)) {
                kept.add(e);
            }
        }
        SourcesEditor.Outcome outcome = editor().save(kept);
        if (!outcome.saved()) {
            response.setStatus(422);
            return show(model, request, edited, outcome.problems().stream().map(p -> text(p.key(), p.args(), locale)).toList());
        }
        redirect.addFlashAttribute("notice", text("sources.edit.saved", List.of(String.valueOf(kept.stream().filter(e -> !e.blank()).count())), locale));
        if (!outcome.unsetVariables().isEmpty()) {
            redirect.addFlashAttribute("unset", text("sources.edit.unset", List.of(String.join(", ", outcome.unsetVariables())), locale));
        }
        return "redirect:/settings/sources";
    }

    private String show(Model model, HttpServletRequest request, List<SourcesEditor.Entry> rows, List<String> problems) {
        List<SourcesEditor.Entry> withBlanks = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            withBlanks.add(new SourcesEditor.Entry("", "", "", "", "", ""));
        }
        model.addAttribute("rows", withBlanks);
        model.addAttribute("problems", problems);
        model.addAttribute("types", SourcesEditor.types());
        model.addAttribute("file", sources.file().toString());
        model.addAttribute("canEdit", request.isUserInRole(Role.ADMIN.name()));
        return "sources-settings";
    }

    private String text(String key, List<String> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? "" : values.get(i);
    }
}
