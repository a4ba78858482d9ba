package io.koubei.dashboard.themes;

import io.koubei.core.state.StateStore;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.settings.SettingsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ThemesConfiguration {
    @Bean
    ThemeEditStore themeEditStore(StateStore state) {
        return new ThemeEditStore(state);
    }

    @Bean
    ThemeService themeService(FeedbackStore store, SettingsService settings, ThemeEditStore edits,
            io.koubei.dashboard.query.QueryService queries) {
        ThemeService service = new ThemeService(store, () -> settings.analyzer().current(), () -> {
            java.util.Set<String> names = new java.util.LinkedHashSet<>(settings.ourProducts());
            names.addAll(settings.competitors());
            return names;
        }, edits);
        queries.useThemes(service);
        return service;
    }

    /** The weekly report's "new this week" section. */
    @Bean
    ThemeReportSource themeReportSource(ThemeService themes, io.koubei.dashboard.signals.Detectors detectors) {
        return new ThemeReportSource(themes, detectors::config);
    }
}
