package io.koubei.dashboard.speed;

import io.koubei.core.state.StateStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.dashboard.platform.KoubeiProperties;
import io.koubei.dashboard.query.QueryService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Response speed: event and service-day stores and the loop ledger in the state store, the service, and the minutely breach check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpeedProperties.class)
public class SpeedConfiguration {

    @Bean
    LifecycleEventStore lifecycleEventStore(KoubeiProperties koubei, StateStore state) {
        return new LifecycleEventStore(state, koubei.getDataDir());
    }

    @Bean
    ServiceDayStore serviceDayStore(KoubeiProperties koubei, StateStore state) {
        return new ServiceDayStore(state, koubei.getDataDir());
    }

    @Bean
    SpeedService speedService(QueryService queries, LifecycleEventStore events, ServiceDayStore days,
            SpeedProperties props, CalendarKeys calendar, AlertService alerts, Clock clock,
            io.koubei.dashboard.settings.SettingsService settings) {
        return new SpeedService(queries, events, days, props, calendar, alerts, clock, settings::competitors);
    }

    @Bean
    LoopService loopService(SpeedProperties props, KoubeiProperties koubei, StateStore state, QueryService queries,
            Clock clock, io.koubei.dashboard.alerting.AlertProperties alerts) {
        return new LoopService(props, new LoopLedger(state, koubei.getDataDir()), new IssueTracker(), queries, clock,
                alerts.getBaseUrl());
    }

    /** The weekly report's speed section (the report builder combines every ReportNotes bean). */
    @Bean
    io.koubei.dashboard.report.WeeklyReportBuilder.ReportNotes speedReportNotes(SpeedService speed) {
        return new SpeedReportNotes(speed);
    }

    @Bean
    BreachCheck speedBreachCheck(SpeedService speed, io.koubei.dashboard.platform.state.ClusterLeader leader) {
        return new BreachCheck(speed, leader);
    }

    /** Raises breach-risk alerts for the live queue; {@code koubei.speed.check-interval} (default PT1M, 0 = off). */
    static final class BreachCheck {
        private static final Logger log = LoggerFactory.getLogger(BreachCheck.class);
        private final SpeedService speed;
        private final io.koubei.dashboard.platform.state.ClusterLeader leader;

        BreachCheck(SpeedService speed, io.koubei.dashboard.platform.state.ClusterLeader leader) {
            this.speed = speed;
            this.leader = leader;
        }

        @Scheduled(fixedDelayString = "${koubei.speed.check-interval:PT1M}", initialDelayString = "${koubei.speed.check-interval:PT1M}")
        void run() {
            try {
                leader.runIfLeader("response-speed check", speed::checkQueue);
            } catch (RuntimeException e) {
                log.warn("Response-speed check failed: {}", e.getMessage());
            }
        }
    }
}
