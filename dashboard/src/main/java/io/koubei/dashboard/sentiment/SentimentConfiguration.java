package io.koubei.dashboard.sentiment;

import io.koubei.core.time.CalendarKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/** Scheduled self-training, when koubei.sentiment.self-training-cron is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SentimentProperties.class)
public class SentimentConfiguration implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(SentimentConfiguration.class);

    private final SentimentProperties props;
    private final ObjectProvider<SentimentModels> models;
    private final CalendarKeys calendar;

    public SentimentConfiguration(SentimentProperties props, ObjectProvider<SentimentModels> models, CalendarKeys calendar) {
        this.props = props;
        this.models = models;
        this.calendar = calendar;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        String cron = props.getSelfTrainingCron();
        if (cron == null || cron.isBlank()) {
            return;
        }
        registrar.addCronTask(new CronTask(() -> {
            if (!models.getObject().trainInBackground()) {
                log.info("Scheduled sentiment self-training skipped: a run is still going");
            }
        }, new CronTrigger(cron, calendar.zone())));
    }
}
