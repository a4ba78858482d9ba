package io.koubei.dashboard.settings;

import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.platform.ReloadableAnalyzer;
import io.koubei.dashboard.signals.SignalsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    /** Settings files override koubei.alerts.* rules and koubei.signals.our-products/competitors once saved. */
    @Bean
    SettingsService settingsService(KoubeiProperties koubei, ReloadableAnalyzer analyzer, AlertProperties alerts,
            SignalsProperties signals) {
        return new SettingsService(koubei.getDataDir(), analyzer, alerts,
                new ProductSettings(signals.getOurProducts(), signals.getCompetitors()));
    }
}
