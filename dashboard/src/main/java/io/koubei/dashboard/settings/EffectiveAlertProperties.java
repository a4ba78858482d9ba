package io.koubei.dashboard.settings;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import io.koubei.dashboard.alerting.AlertProperties;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * koubei.alerts.* as the alert service sees them: the rules from the settings page (read at every call, so a save
 * applies to the next scan and delivery), delivery targets from configuration.
 */
final class EffectiveAlertProperties extends AlertProperties {
    private final AlertProperties configured;
    private final Supplier<AlertRules> rules;

    EffectiveAlertProperties(AlertProperties configured, Supplier<AlertRules> rules) {
        this.configured = configured;
        this.rules = rules;
    }

    @Override
    public Set<SignalType> getTypes() {
        return rules.get().types();
    }

    @Override
    public Severity getMinSeverity() {
        return rules.get().minSeverity();
    }

    @Override
    public String getQuietFrom() {
        return rules.get().quietFrom();
    }

    @Override
    public String getQuietTo() {
        return rules.get().quietTo();
    }

    @Override
    public int getMaxPerHour() {
        return rules.get().maxPerHour();
    }

    @Override
    public Set<String> getMutedAspects() {
        return rules.get().mutedAspects();
    }

    @Override
    public String getBaseUrl() {
        return configured.getBaseUrl();
    }

    @Override
    public String getLanguage() {
        return configured.getLanguage();
    }

    @Override
    public List<Webhook> getWebhooks() {
        return configured.getWebhooks();
    }

    @Override
    public List<String> getEmailTo() {
        return configured.getEmailTo();
    }

    @Override
    public String getEmailFrom() {
        return configured.getEmailFrom();
    }
}
