package io.koubei.dashboard.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code koubei.retention.<channel or source>=P365D}: items older than that are deleted daily. A key that is a
 * channel's wire name ({@code social}, {@code ticket} …) applies to the channel, any other key to the source of that
 * name. Empty (the default): items are kept for ever. {@code koubei.retention-cron} says when (default 03:30 daily).
 */
@ConfigurationProperties("koubei")
public class RetentionProperties {
    private Map<String, Duration> retention = new LinkedHashMap<>();
    private String retentionCron = "0 30 3 * * *";

    public Map<String, Duration> getRetention() {
        return retention;
    }

    public void setRetention(Map<String, Duration> retention) {
        this.retention = retention;
    }

    public String getRetentionCron() {
        return retentionCron;
    }

    public void setRetentionCron(String retentionCron) {
        this.retentionCron = retentionCron;
    }
}
