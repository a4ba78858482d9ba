package io.koubei.dashboard.settings;

import io.koubei.dashboard.alerting.AlertProperties;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.platform.ReloadableAnalyzer;
import io.koubei.dashboard.signals.SignalsProperties;
import io.koubei.core.state.StateStore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    /** Settings files override koubei.alerts.* rules and koubei.signals.our-products/competitors once saved. */
    @Bean
    SettingsService settingsService(KoubeiProperties koubei, StateStore state, ReloadableAnalyzer analyzer,
            AlertProperties alerts, SignalsProperties signals) {
        return new SettingsService(koubei.getDataDir(), state, analyzer, alerts,
                new ProductSettings(signals.getOurProducts(), signals.getCompetitors()));
    }

    /** Every node looks for settings saved elsewhere every few seconds (cheap: a listing of a few documents). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService settingsRefresh(SettingsService settings,
            @Value("${koubei.settings.refresh-seconds:5}") long seconds) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settings-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                settings.refresh();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(SettingsConfiguration.class).warn("Settings refresh failed (will retry): {}", e.getMessage());
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        return timer;
    }
}
