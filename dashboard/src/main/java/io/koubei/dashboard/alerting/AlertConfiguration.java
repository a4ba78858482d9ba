package io.koubei.dashboard.alerting;

import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.platform.KoubeiProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;

/** Alert repository, targets from configuration, and a minutely retry of pending deliveries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
public class AlertConfiguration {

    @Bean
    AlertRepository alertRepository(io.koubei.core.state.StateStore state, KoubeiProperties koubei) {
        return new AlertRepository(state, koubei.getDataDir());
    }

    @Bean
    AlertService alertService(AlertRepository repository, AlertProperties props, ObjectProvider<JavaMailSender> mail,
            Clock clock, CalendarKeys calendar, io.koubei.dashboard.settings.SettingsService settings,
            ObjectProvider<io.koubei.dashboard.web.Labels> labels) {
        List<AlertNotifier> notifiers = new ArrayList<>();
        for (AlertProperties.Webhook w : props.getWebhooks()) {
            notifiers.add(new WebhookNotifier(w.getUrl(), w.getFormat(), w.getSecret(), Clock.systemUTC()));
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (!props.getEmailTo().isEmpty()) {
            if (sender == null) {
                throw new IllegalStateException("koubei.alerts.email-to is set but no SMTP server is configured (spring.mail.host)");
            }
            notifiers.add(new EmailNotifier(sender, props.getEmailFrom(), props.getEmailTo()));
        }
        // rules as edited on the settings page (data-dir override of koubei.alerts.*), targets from configuration
        io.koubei.dashboard.web.Labels l = labels.getIfAvailable();
        return new AlertService(repository, settings.alertProperties(), notifiers, clock, calendar.zone(),
                l == null ? IncidentNames.IDS : new LabelNames(l));
    }

    @Bean
    PendingAlertDelivery pendingAlertDelivery(AlertService alerts, io.koubei.dashboard.platform.state.ClusterLeader leader) {
        return new PendingAlertDelivery(alerts, leader);
    }

    /** Retries deliveries held by quiet hours, the hourly limit or a failing target. */
    static final class PendingAlertDelivery {
        private final AlertService alerts;
        private final io.koubei.dashboard.platform.state.ClusterLeader leader;

        PendingAlertDelivery(AlertService alerts, io.koubei.dashboard.platform.state.ClusterLeader leader) {
            this.alerts = alerts;
            this.leader = leader;
        }

        @Scheduled(fixedDelayString = "${koubei.alerts.retry-interval:PT1M}")
        void retry() {
            leader.runIfLeader("alert delivery retry", alerts::deliverPending);
        }
    }
}
