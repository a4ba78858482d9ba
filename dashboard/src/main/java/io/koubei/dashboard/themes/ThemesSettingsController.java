package io.koubei.dashboard.themes;

import io.koubei.core.store.FeedbackFilter;
import io.koubei.dashboard.access.Role;
import io.koubei.dashboard.settings.SettingsController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The themes section of the settings page ({@code /settings/themes}): the discovered themes of everything stored
 * (hidden ones too, so they can be shown again) with their volume, negative share, first week and taxonomy aspect;
 * analysts and admins rename, hide or show, and merge them (the access table's theme rule, as the API), through the
 * same {@link ThemeService} methods as {@code POST /api/v1/themes/{id}} and {@code /{id}/merge}.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/settings/themes")
public class ThemesSettingsController {
    static final String SECTION = "themes";

    private final ThemeService themes;

    public ThemesSettingsController(ThemeService themes) {
        this.themes = themes;
    }

    @GetMapping
    public String page(Model model, HttpServletRequest request) {
        List<ThemeService.ThemeView> list = themes.list(FeedbackFilter.ALL, true);
        model.addAttribute("section", SECTION);
        model.addAttribute("sections", SettingsController.SECTIONS);
        model.addAttribute("canEdit", request.isUserInRole(Role.ANALYST.name()) || request.isUserInRole(Role.ADMIN.name()));
        model.addAttribute("themes", list);
        return "settings";
    }

    /** Rename ({@code name}; blank gives discovery's name back) and hide or show ({@code hidden}). */
    @PostMapping("/{id}")
    public String change(@PathVariable String id, @RequestParam(required = false) String name,
            @RequestParam(required = false) Boolean hidden, RedirectAttributes flash) {
        themes.change(id, name, hidden, null);
        flash.addFlashAttribute("notice", "settings.saved.theme");
        return "redirect:/settings/themes";
    }

    @PostMapping("/{id}/merge")
    public String merge(@PathVariable String id, @RequestParam String into, RedirectAttributes flash) {
        themes.merge(id, into);
        flash.addFlashAttribute("notice", "settings.saved.themeMerged");
        return "redirect:/settings/themes";
    }
}
