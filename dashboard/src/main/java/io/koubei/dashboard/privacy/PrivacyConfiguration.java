package io.koubei.dashboard.privacy;

import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.audit.AuditLog;
import io.koubei.dashboard.report.ReportArchive;
import io.koubei.dashboard.speed.LifecycleEventStore;
import io.koubei.dashboard.platform.state.ClusterLeader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class PrivacyConfiguration implements SchedulingConfigurer {
    private final RetentionProperties retention;
    private final ObjectProvider<RetentionService> service;
    private final ObjectProvider<ClusterLeader> leader;

    public PrivacyConfiguration(RetentionProperties retention, ObjectProvider<RetentionService> service,
            ObjectProvider<ClusterLeader> leader) {
        this.retention = retention;
        this.service = service;
        this.leader = leader;
    }

    @Bean
    RetentionService retentionService(FeedbackStore store, AuditLog audit) {
        return new RetentionService(store, audit, retention.getRetention());
    }

    /** Daily, on the node that runs scheduled work; nothing to do without rules. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (retention.getRetention().isEmpty() || retention.getRetentionCron().isBlank()) {
            return;
        }
        registrar.addCronTask(new CronTask(() -> leader.getObject().runIfLeader("retention",
                () -> service.getObject().apply(java.time.Instant.now())), new CronTrigger(retention.getRetentionCron())));
    }

    @Bean
    PrivacyService privacyService(FeedbackStore store, FeedbackBus bus, LifecycleEventStore lifecycle, ReportArchive reports,
            AuditLog audit) {
        return new PrivacyService(store, bus, lifecycle, reports, audit);
    }
}
