package io.koubei.dashboard.signals;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which products are ours and which are competitors, and when the detectors run (koubei.signals.*). */
@ConfigurationProperties(prefix = "koubei.signals")
public class SignalsProperties {
    private Set<String> ourProducts = new LinkedHashSet<>();
    private Set<String> competitors = new LinkedHashSet<>();
    /** Spring cron for re-scanning the current and the last week; empty disables. */
    private String cron = "0 7 * * * *";
    /** After feedback is stored (any bus, any entry), how long the stream must be quiet before the touched weeks are re-scanned. */
    private java.time.Duration rescanQuiet = java.time.Duration.ofSeconds(20);
    /** Whether stored batches trigger the re-scan at all ({@code koubei import --no-signals} turns it off). */
    private boolean rescanAfterStore = true;

    public Set<String> getOurProducts() { return ourProducts; }
    public void setOurProducts(Set<String> v) { this.ourProducts = v; }
    public Set<String> getCompetitors() { return competitors; }
    public void setCompetitors(Set<String> v) { this.competitors = v; }
    public String getCron() { return cron; }
    public void setCron(String cron) { this.cron = cron; }
    public java.time.Duration getRescanQuiet() { return rescanQuiet; }
    public void setRescanQuiet(java.time.Duration v) { this.rescanQuiet = v; }
    public boolean isRescanAfterStore() { return rescanAfterStore; }
    public void setRescanAfterStore(boolean v) { this.rescanAfterStore = v; }
}
