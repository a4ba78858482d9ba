package io.koubei.dashboard.sources;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The 数据源 page: every source of sources.yml with its last run, counts and last error (the same as GET /api/v1/sources). */
@Controller
public class SourcesPageController {
    private final SourcesService sources;

    public SourcesPageController(SourcesService sources) {
        this.sources = sources;
    }

    @GetMapping("/sources")
    public String page(Model model) {
        model.addAttribute("overview", sources.overview());
        return "sources";
    }
}
