package io.koubei.dashboard.web;

import io.koubei.dashboard.query.FilterParams;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What every page's layout needs: the filters of the URL (so the navigation keeps a shared view), the filter bar,
 * and the background-job banner. Pages, not the JSON API: REST controllers are left out.
 */
@ControllerAdvice(annotations = Controller.class)
public class PageModel {
    private final FilterOptions options;
    private final ImportStatus importStatus;

    public PageModel(FilterOptions options, ImportStatus importStatus) {
        this.options = options;
        this.importStatus = importStatus;
    }

    @ModelAttribute
    public void common(@RequestParam MultiValueMap<String, String> raw, HttpServletRequest request, Model model,
            Locale locale) {
        if (request.getRequestURI().startsWith("/api/")) {
            return;
        }
        FilterParams params = FilterParams.of(raw);
        model.addAttribute("params", params);
        model.addAttribute("query", params.toQueryString());
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("filterBar", new FilterBar(params, options, request.getRequestURI()));
        model.addAttribute("importStatus", importStatus.describe(locale));
        model.addAttribute("echartsVersion", "5.3.1");
    }
}
