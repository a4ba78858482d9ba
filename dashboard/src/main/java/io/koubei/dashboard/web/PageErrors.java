package io.koubei.dashboard.web;

import io.koubei.core.store.StoreUnavailableException;
import io.koubei.dashboard.alerting.AlertPageController;
import io.koubei.dashboard.api.ApiErrors;
import io.koubei.dashboard.settings.SettingsController;
import io.koubei.dashboard.speed.SpeedPageController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad filters in a page's URL (an unknown channel, a malformed date…) answer 400 with the reason on a page, like the
 * API's JSON errors; an unavailable store answers 503. The JSON API has its own advice ({@code ApiErrors}).
 */
// before Spring Boot's problem-details advice, which would answer a type mismatch without naming the parameter
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {PageController.class, WordOfMouthPageController.class, AlertPageController.class,
    SpeedPageController.class, SettingsController.class, io.koubei.dashboard.themes.ThemesSettingsController.class})
public class PageErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    public String badRequest(IllegalArgumentException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("message", e.getMessage());
        model.addAttribute("query", "");
        return "bad-request";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return badRequest(new IllegalArgumentException(ApiErrors.describe(e)), model, response);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    public String unavailable(StoreUnavailableException e, Model model, HttpServletResponse response) {
        response.setStatus(503);
        response.setHeader("Retry-After", "5");
        model.addAttribute("message", e.getMessage());
        model.addAttribute("query", "");
        return "bad-request";
    }
}
