package io.koubei.dashboard.signals;

import io.koubei.analysis.signals.alert.ScanConfig;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.platform.StoredEvents;
import io.koubei.dashboard.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/** Detector settings, the event registry, and the hourly re-scan of the current and the last week. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignalsProperties.class)
public class SignalsConfiguration implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(SignalsConfiguration.class);

    private final SignalsProperties props;
    private final ObjectProvider<SignalsService> signals;
    private final CalendarKeys calendar;

    private final ObjectProvider<io.koubei.dashboard.platform.state.ClusterLeader> leader;

    public SignalsConfiguration(SignalsProperties props, ObjectProvider<SignalsService> signals, CalendarKeys calendar,
            ObjectProvider<io.koubei.dashboard.platform.state.ClusterLeader> leader) {
        this.leader = leader;
        this.props = props;
        this.signals = signals;
        this.calendar = calendar;
    }

    @Bean
    EventRegistry eventRegistry(io.koubei.core.state.StateStore state, KoubeiProperties koubei) {
        return new EventRegistry(state, koubei.getDataDir());
    }

    /** Thresholds and ours-vs-competitors as the settings page left them (koubei.signals.* until saved there). */
    @Bean
    Detectors detectors(FeedbackStore store, SettingsService settings) {
        return new Detectors(() -> settings.scanConfig(ScanConfig.defaults()), store);
    }

    @Bean
    SignalsService signalsService(FeedbackStore store, EventRegistry events, AlertService alerts, Detectors detectors,
            io.koubei.dashboard.themes.ThemeService themes) {
        return new SignalsService(store, calendar, detectors::config, events, alerts).withThemes(themes);
    }

    /** The one re-scan after new feedback: it hears of every stored batch, whichever bus or entry it came by. */
    @Bean
    SignalsRescan signalsRescan(SignalsService signals, StoredEvents stored) {
        SignalsRescan rescan = new SignalsRescan(signals, props.getRescanQuiet());
        if (props.isRescanAfterStore()) {
            stored.subscribe(rescan);
        }
        return rescan;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.getCron() == null || props.getCron().isBlank()) {
            return;
        }
        // on one node of a cluster only: the one holding the scheduler lease
        registrar.addCronTask(new CronTask(() -> leader.getObject().runIfLeader("hourly signals scan", this::rescanRecentWeeks),
                new CronTrigger(props.getCron(), calendar.zone())));
    }

    void rescanRecentWeeks() {
        SignalsService s = signals.getObject();
        String now = s.currentWeek();
        for (String week : java.util.List.of(io.koubei.core.time.CalendarKeys.shiftWeek(now, -1), now)) {
            try {
                s.scan(week);
            } catch (RuntimeException e) {
                log.error("Signals scan of {} failed: {}", week, e.toString());
            }
        }
    }
}
