package io.koubei.dashboard.access;

import io.koubei.dashboard.access.sso.OidcRegistration;
import io.koubei.dashboard.access.sso.SsoProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@ConditionalOnWebApplication // its SsoProperties are bound by SecurityConfiguration, which only web servers have
class LoginController {
    private final SsoProperties sso;

    LoginController(SsoProperties sso) {
        this.sso = sso;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (sso.getOidc().enabled()) {
            model.addAttribute("oidcName", sso.getOidc().getDisplayName());
            model.addAttribute("oidcPath", "/oauth2/authorization/" + OidcRegistration.ID);
        }
        model.addAttribute("ldap", sso.getLdap().enabled());
        return "login";
    }
}
