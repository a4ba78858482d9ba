package io.koubei.dashboard.report;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** When and how the weekly report is made and delivered. */
@ConfigurationProperties(prefix = "koubei.report")
public class ReportProperties {
    /** Spring cron (second minute hour day month weekday), in {@link #zone}. Empty disables the schedule. */
    private String cron = "0 0 9 * * MON";
    private String zone = "Asia/Shanghai";
    /** Formats archived on schedule. */
    private List<String> formats = new ArrayList<>(List.of("html", "md"));
    /** Products to report on separately, besides the all-products report. */
    private List<String> products = new ArrayList<>();
    /** A .ttf/.otf/.ttc with Chinese glyphs for PDF export; empty: look for well-known system fonts. */
    private String pdfFont;
    /** E-mail recipients of the scheduled report (needs spring.mail.* settings). */
    private List<String> emailTo = new ArrayList<>();
    /** Webhooks that receive the scheduled report as Markdown: {@code url} (generic JSON) or {@code format|url}
     * with format wecom, dingtalk, feishu or slack. */
    private List<String> webhooks = new ArrayList<>();
    /**
     * Webhooks that receive the scheduled report signed, each with {@code url}, {@code format} (generic, wecom,
     * dingtalk, feishu, slack) and {@code secret}: signed as the alert webhooks are (DingTalk 加签, Feishu 签名校验,
     * {@code X-Koubei-Signature} on generic; docs/configuration.md).
     */
    private List<SignedWebhook> signedWebhooks = new ArrayList<>();

    /** One signed report webhook ({@code koubei.report.signed-webhooks[i].*}). */
    public static class SignedWebhook {
        private String url;
        private String format = "generic";
        /** Give it by environment, e.g. KOUBEI_REPORT_SIGNEDWEBHOOKS_0_SECRET. */
        private String secret;

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getFormat() { return format; }
        public void setFormat(String format) { this.format = format; }
        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
    }
    private String emailFrom = "koubei@localhost";

    public String getEmailFrom() { return emailFrom; }
    public void setEmailFrom(String emailFrom) { this.emailFrom = emailFrom; }

    public String getCron() { return cron; }
    public void setCron(String cron) { this.cron = cron; }
    public String getZone() { return zone; }
    public void setZone(String zone) { this.zone = zone; }
    public List<String> getFormats() { return formats; }
    public void setFormats(List<String> formats) { this.formats = formats; }
    public List<String> getProducts() { return products; }
    public void setProducts(List<String> products) { this.products = products; }
    public String getPdfFont() { return pdfFont; }
    public void setPdfFont(String pdfFont) { this.pdfFont = pdfFont; }
    public List<String> getEmailTo() { return emailTo; }
    public void setEmailTo(List<String> emailTo) { this.emailTo = emailTo; }
    public List<String> getWebhooks() { return webhooks; }
    public void setWebhooks(List<String> webhooks) { this.webhooks = webhooks; }
    public List<SignedWebhook> getSignedWebhooks() { return signedWebhooks; }
    public void setSignedWebhooks(List<SignedWebhook> signedWebhooks) { this.signedWebhooks = signedWebhooks; }
}
