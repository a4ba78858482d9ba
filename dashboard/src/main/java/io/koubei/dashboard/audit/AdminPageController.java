package io.koubei.dashboard.audit;

import io.koubei.dashboard.access.AdminOnly;

import io.koubei.dashboard.access.ApiTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page ({@code /admin}): the audit log, newest first and filtered by actor or action; the API tokens
 * with forms to create (the secret is shown once) and revoke them; the retention rules in force (set in
 * configuration, {@code koubei.retention.*}). Admins only; others get 403.
 */
@Controller
public class AdminPageController {
    private final AuditLog audit;
    private final ApiTokens tokens;
    private final io.koubei.dashboard.privacy.RetentionProperties retention;

    public AdminPageController(AuditLog audit, ApiTokens tokens, io.koubei.dashboard.privacy.RetentionProperties retention) {
        this.audit = audit;
        this.tokens = tokens;
        this.retention = retention;
    }

    @GetMapping("/admin")
    public String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            Authentication auth, Model model, HttpServletResponse response) {
        if (!AdminOnly.isAdmin(auth)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("message", "admins only");
            return "bad-request";
        }
        String a = actor == null || actor.isBlank() ? null : actor.trim();
        String x = action == null || action.isBlank() ? null : action.trim();
        List<AuditEntry> entries = audit.list(null, null, a, x, 200);
        model.addAttribute("entries", entries);
        model.addAttribute("actor", a == null ? "" : a);
        model.addAttribute("action", x == null ? "" : x);
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("retention", retention.getRetention());
        model.addAttribute("retentionCron", retention.getRetentionCron());
        return "admin";
    }

    @PostMapping("/admin/tokens")
    public String create(@RequestParam String name, @RequestParam String scope, Authentication auth, RedirectAttributes flash) {
        try {
            ApiTokens.Created c = tokens.create(name, ApiTokens.Scope.of(scope), auth.getName());
            flash.addFlashAttribute("secret", c.secret());
            flash.addFlashAttribute("secretName", c.token().name());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    public String revoke(@PathVariable String id, Authentication auth) {
        tokens.revoke(id, auth.getName());
        return "redirect:/admin";
    }
}
