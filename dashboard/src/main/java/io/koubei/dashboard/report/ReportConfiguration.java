package io.koubei.dashboard.report;

import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.platform.KoubeiProperties;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.thymeleaf.ITemplateEngine;

/** The weekly report: builder, archive, and the Monday-morning schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReportProperties.class)
public class ReportConfiguration implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(ReportConfiguration.class);

    private final ReportProperties props;
    private final ObjectProvider<ReportArchive> archive;
    private final ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mail;

    private final ObjectProvider<io.koubei.dashboard.platform.state.ClusterLeader> leader;

    public ReportConfiguration(ReportProperties props, ObjectProvider<ReportArchive> archive,
            ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mail,
            ObjectProvider<io.koubei.dashboard.platform.state.ClusterLeader> leader) {
        this.leader = leader;
        this.props = props;
        this.archive = archive;
        this.mail = mail;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WeeklyReportBuilder weeklyReportBuilder(FeedbackStore store, CalendarKeys calendar, KoubeiProperties koubei,
            ObjectProvider<WeeklyReportBuilder.ReportNotes> notes, Clock clock,
            io.koubei.dashboard.signals.Detectors detectors, ObjectProvider<ReportThemes> themes) {
        // every section source (alerts, response speed, …) contributes its notes, in bean order
        java.util.List<WeeklyReportBuilder.ReportNotes> sources = notes.orderedStream().toList();
        WeeklyReportBuilder.ReportNotes all = new WeeklyReportBuilder.ReportNotes() {
            @Override
            public java.util.List<WeeklyReport.Note> notesFor(String week, String product) {
                return sources.stream().flatMap(n -> n.notesFor(week, product).stream()).toList();
            }

            @Override
            public java.util.List<WeeklyReport.FollowUp> openFor(String week, String product) {
                return sources.stream().flatMap(n -> n.openFor(week, product).stream()).toList();
            }
        };
        return new WeeklyReportBuilder(store, calendar, koubei.getMinimumN(), all, clock,
                detectors::config).withThemes(themes.getIfAvailable(() -> ReportThemes.NONE));
    }

    @Bean
    ReportArchive reportArchive(KoubeiProperties koubei, io.koubei.core.state.StateStore state, WeeklyReportBuilder builder,
            ITemplateEngine templates, CalendarKeys calendar, io.koubei.dashboard.web.Labels labels) {
        // aspects and user groups by name (taxonomy / messages), not by id
        HtmlReportRenderer html = new HtmlReportRenderer(templates, calendar.zone(), labels::aspect, labels::segment,
                labels::source).withProductLabels(labels::product);
        MarkdownReportRenderer markdown = new MarkdownReportRenderer((a, l) -> labels.aspect(a, l), labels::source)
                .withProductNames(labels::product);
        return new ReportArchive(koubei.getDataDir(), state, builder, html, markdown, new PdfReportRenderer(props.getPdfFont()));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.getCron() == null || props.getCron().isBlank()) {
            return;
        }
        // generated and sent by one node of a cluster: the one holding the scheduler lease
        registrar.addCronTask(new org.springframework.scheduling.config.CronTask(
                () -> leader.getObject().runIfLeader("weekly report", this::runScheduled),
                new CronTrigger(props.getCron(), ZoneId.of(props.getZone()))));
    }

    void runScheduled() {
        ReportArchive a = archive.getObject();
        // the week that just ended, even without data: a scheduled report that says "nothing arrived" is the signal
        String week = a.builder().lastCompleteWeek();
        java.util.List<String> products = new java.util.ArrayList<>();
        products.add(null);
        products.addAll(props.getProducts());
        for (String product : products) {
            for (String format : props.getFormats()) {
                try {
                    log.info("Weekly report {} {} {}: {}", week, product == null ? "all products" : product, format,
                            a.generate(week, product, ReportFormat.of(format)));
                } catch (RuntimeException e) {
                    log.error("Weekly report {} {} {} failed: {}", week, product, format, e.getMessage());
                }
            }
            deliver(a, week, product);
        }
    }

    /** Sends the Markdown version to the configured webhooks and e-mail recipients; failures are logged, not fatal. */
    void deliver(ReportArchive a, String week, String product) {
        if (props.getWebhooks().isEmpty() && props.getSignedWebhooks().isEmpty() && props.getEmailTo().isEmpty()) {
            return;
        }
        String title = "口碑周报 " + week + (product == null ? "" : " · " + product);
        String markdown = new String(a.render(a.builder().build(week, product), ReportFormat.MD).content(),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<io.koubei.dashboard.alerting.WebhookNotifier> targets = new java.util.ArrayList<>();
        for (String url : props.getWebhooks()) {
            String[] parts = url.split("\\|", 2); // "format|url" or a plain URL (generic JSON)
            String format = parts.length == 2 ? parts[0] : "generic";
            String target = parts.length == 2 ? parts[1] : parts[0];
            targets.add(new io.koubei.dashboard.alerting.WebhookNotifier(target, format));
        }
        for (ReportProperties.SignedWebhook w : props.getSignedWebhooks()) {
            // signed exactly as the alert webhooks are: the alerting notifier does the signing
            targets.add(new io.koubei.dashboard.alerting.WebhookNotifier(w.getUrl(), w.getFormat(), w.getSecret(),
                    java.time.Clock.systemUTC()));
        }
        for (io.koubei.dashboard.alerting.WebhookNotifier target : targets) {
            try {
                target.sendText(title, markdown);
            } catch (RuntimeException e) {
                log.error("Weekly report {} not delivered to webhook {}: {}", week, target.name(), e.getMessage());
            }
        }
        var sender = mail.getIfAvailable();
        if (!props.getEmailTo().isEmpty()) {
            if (sender == null) {
                log.error("Weekly report {}: koubei.report.email-to is set but no SMTP server is configured", week);
            } else {
                try {
                    new io.koubei.dashboard.alerting.EmailNotifier(sender, props.getEmailFrom(), props.getEmailTo())
                            .sendText(title, markdown);
                } catch (RuntimeException e) {
                    log.error("Weekly report {} not e-mailed: {}", week, e.getMessage());
                }
            }
        }
    }
}
