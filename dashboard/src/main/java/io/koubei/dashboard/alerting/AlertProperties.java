package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.SignalType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Alert rules and delivery targets (koubei.alerts.*). */
@ConfigurationProperties(prefix = "koubei.alerts")
public class AlertProperties {
    /** Signal types that raise alerts. */
    private Set<SignalType> types = EnumSet.allOf(SignalType.class);
    /** Signals below this severity are kept as signals but raise no alert. */
    private Severity minSeverity = Severity.WARNING;
    /** Quiet hours in the team's zone, e.g. 23:00 and 08:00: non-critical deliveries wait until the end. */
    private String quietFrom;
    private String quietTo;
    /** At most this many deliveries per hour per target; the rest wait (never dropped). */
    private int maxPerHour = 20;
    /** Aspects whose signals stay signals and raise no alert (e.g. logistics for a brand without its own delivery). */
    private Set<String> mutedAspects = new java.util.LinkedHashSet<>();
    /** Base URL for links in messages. */
    private String baseUrl = "http://localhost:8080";
    private List<Webhook> webhooks = new ArrayList<>();
    private List<String> emailTo = new ArrayList<>();
    private String emailFrom = "koubei@localhost";
    /** The language of notifications (webhooks and e-mail): zh (default) or en. */
    private String language = "zh";

    public static class Webhook {
        private String url;
        /** generic | wecom | dingtalk | feishu | slack */
        private String format = "generic";
        /** Signing secret: DingTalk 加签 (SEC…), Feishu 签名校验, or X-Koubei-Signature on generic; empty = unsigned. */
        private String secret;

        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getFormat() { return format; }
        public void setFormat(String format) { this.format = format; }
    }

    public Set<SignalType> getTypes() { return types; }
    public void setTypes(Set<SignalType> types) { this.types = types; }
    public Severity getMinSeverity() { return minSeverity; }
    public void setMinSeverity(Severity minSeverity) { this.minSeverity = minSeverity; }
    public String getQuietFrom() { return quietFrom; }
    public void setQuietFrom(String quietFrom) { this.quietFrom = quietFrom; }
    public String getQuietTo() { return quietTo; }
    public void setQuietTo(String quietTo) { this.quietTo = quietTo; }
    public int getMaxPerHour() { return maxPerHour; }
    public void setMaxPerHour(int maxPerHour) { this.maxPerHour = maxPerHour; }
    public Set<String> getMutedAspects() { return mutedAspects; }
    public void setMutedAspects(Set<String> mutedAspects) { this.mutedAspects = mutedAspects; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public List<Webhook> getWebhooks() { return webhooks; }
    public void setWebhooks(List<Webhook> webhooks) { this.webhooks = webhooks; }
    public List<String> getEmailTo() { return emailTo; }
    public void setEmailTo(List<String> emailTo) { this.emailTo = emailTo; }
    public String getEmailFrom() { return emailFrom; }
    public void setEmailFrom(String emailFrom) { this.emailFrom = emailFrom; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) {
        String l = language == null ? "zh" : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (!l.equals("zh") && !l.equals("en")) {
            throw new IllegalArgumentException("koubei.alerts.language must be zh or en, not " + language);
        }
        this.language = l;
    }

    /** The locale notifications are written in. */
    public java.util.Locale notificationLocale() {
        return "en".equals(getLanguage()) ? java.util.Locale.ENGLISH : java.util.Locale.SIMPLIFIED_CHINESE;
    }
}
