package io.koubei.dashboard.sources;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.alerting.AlertService;
import io.koubei.ingest.connect.Connectors;
import io.koubei.ingest.connect.HttpFetcher;
import io.koubei.ingest.connect.SourceConfig;
import io.koubei.ingest.connect.SourceRunner;
import io.koubei.ingest.connect.SourceStatus;
import io.koubei.ingest.connect.SourceStatuses;
import io.koubei.ingest.connect.SourcesFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.koubei.ingest.connect.SyncResult;
import io.koubei.ingest.connect.webhook.WebhookSource;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportProgress;
import io.koubei.ingest.importing.ImportSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources of {@code <data-dir>/sources.yml} (read again on every use, so edits apply without a restart): runs
 * them now ({@code koubei sync}) or when due ({@code koubei serve}), and shows their status. A source that failed
 * {@value #DOWN_AFTER} runs in a row raises a {@code SOURCE_DOWN} alert: a silent feed must not look like silent users.
 */
public class SourcesService {
    private static final Logger log = LoggerFactory.getLogger(SourcesService.class);
    static final int DOWN_AFTER = 3;

    private final Path dataDir;
    private final SourceStatuses statuses;
    private final SourceRunner runner;
    private final HttpFetcher http;
    private final AlertService alerts;
    private final CalendarKeys calendar;
    private final Clock clock;
    private final FeedbackImporter importer;
    /** Sources this process is running now. */
    private final java.util.Set<String> runningHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SourcesService(Path dataDir, SourceStatuses statuses, SourceRunner runner, HttpFetcher http,
                          AlertService alerts, CalendarKeys calendar, Clock clock, FeedbackImporter importer) {
        this.importer = importer;
        this.dataDir = dataDir;
        this.statuses = statuses;
        this.runner = runner;
        this.http = http;
        this.alerts = alerts;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Path file() {
        return dataDir.resolve(SourcesFile.FILE_NAME);
    }

    /** The configured sources; throws {@link io.koubei.ingest.connect.SourcesFileException} naming file, source and key. */
    public List<SourceConfig> sources() {
        return SourcesFile.load(dataDir);
    }

    /**
     * A run that started and never finished, and is not running in this process: the process that ran it was stopped
     * (killed, crashed, restarted) half-way. It goes on at once from its durable cursor instead of waiting a schedule.
     */
    private boolean interrupted(SourceStatus s) {
        if (s.lastRunAt() == null || runningHere.contains(s.name())) {
            return false;
        }
        return s.lastFinishedAt() == null || Instant.parse(s.lastFinishedAt()).isBefore(Instant.parse(s.lastRunAt()));
    }

    /** Runs one source now and records its outcome (raising SOURCE_DOWN when it keeps failing). */
    public SyncResult run(SourceConfig source) {
        runningHere.add(source.name());
        SyncResult r;
        try {
            r = runner.run(source, Connectors.create(source, http));
        } finally {
            runningHere.remove(source.name());
        }
        if (!r.ok()) {
            statuses.get(source.name()).filter(s -> s.consecutiveFailures() >= DOWN_AFTER).ifPresent(s -> raiseDown(source, s));
        }
        return r;
    }

    /** Runs every source whose schedule says it is due (never run, or last run at least {@code schedule} ago). */
    public List<SyncResult> runDue() {
        List<SourceConfig> sources;
        try {
            sources = sources();
        } catch (RuntimeException e) {
            log.warn("Sources not run: {}", e.getMessage());
            return List.of();
        }
        Instant now = clock.instant();
        List<SyncResult> out = new ArrayList<>();
        for (SourceConfig s : sources) {
            if (!Connectors.pulled(s)) {
                continue; // pushed to, not pulled
            }
            Optional<SourceStatus> status = statuses.get(s.name());
            Instant last = status.map(SourceStatus::lastRunAt).map(Instant::parse).orElse(null);
            if (last == null || !last.plus(s.schedule()).isAfter(now) || interrupted(status.get())) {
                try {
                    out.add(run(s));
                } catch (RuntimeException e) {
                    log.warn("Source {} not run: {}", s.name(), e.getMessage()); // the others still run
                }
            }
        }
        return out;
    }

    /** The webhook source of that name, or empty when there is none (or the name is a pulled source). */
    public Optional<WebhookSource> webhook(String name) {
        return sources().stream().filter(s -> s.name().equals(name) && !Connectors.pulled(s)).findFirst().map(WebhookSource::new);
    }

    /** Publishes a webhook delivery's items and records it as the source's last run. */
    public SyncResult receive(WebhookSource hook, byte[] body) {
        SourceConfig c = hook.config();
        Instant started = clock.instant();
        statuses.update(c.name(), c.type(), s -> s.started(c.type(), started.toString()));
        List<ParseResult> results = hook.map(body);
        ImportSummary s = importer.importResults(c.name(), results.iterator(), ImportOptions.defaults(), ImportProgress.NONE, results.size());
        List<String> problems = new ArrayList<>();
        s.rejections().stream().limit(20).forEach(r -> problems.add(r.toString()));
        s.warnings().stream().limit(20).forEach(w -> problems.add("warning: " + w));
        SyncResult r = new SyncResult(c.name(), c.type(), 1, results.size(), s.created(), s.updated(), s.rejected(),
                s.warningCount(), problems, null, s.complete() ? null : s.abortedReason());
        statuses.update(c.name(), c.type(), st -> st.finished(r, clock.instant().toString()));
        return r;
    }

    /** What {@code GET /api/v1/sources} shows: each configured source with its status, or the file's error. */
    public Overview overview() {
        List<SourceConfig> sources;
        String error = null;
        try {
            sources = sources();
        } catch (RuntimeException e) {
            sources = List.of();
            error = e.getMessage();
        }
        Map<String, SourceStatus> byName = statuses.all().stream().collect(Collectors.toMap(SourceStatus::name, Function.identity(), (a, b) -> a));
        List<SourceView> views = new ArrayList<>();
        for (SourceConfig c : sources) {
            Optional<SourceStatus> s = Optional.ofNullable(byName.get(c.name()));
            String next = s.map(SourceStatus::lastRunAt).map(Instant::parse).map(t -> t.plus(c.schedule()).toString()).orElse(null);
            views.add(new SourceView(c.name(), c.type(), c.schedule().toString(), c.product(),
                    c.channel() == null ? null : c.channel().wireName(), s.map(SourceStatus::cursor).orElse(null),
                    s.map(SourceStatus::lastRunAt).orElse(null), s.map(SourceStatus::lastSuccessAt).orElse(null), next,
                    s.map(SourceStatus::fetched).orElse(0L), s.map(SourceStatus::created).orElse(0L),
                    s.map(SourceStatus::updated).orElse(0L), s.map(SourceStatus::rejected).orElse(0L),
                    s.map(SourceStatus::warnings).orElse(0L), s.map(SourceStatus::lastError).orElse(null),
                    s.map(SourceStatus::consecutiveFailures).orElse(0), s.map(SourceStatus::totalCreated).orElse(0L),
                    s.map(x -> x.consecutiveFailures() >= DOWN_AFTER).orElse(false)));
        }
        return new Overview(file().toString(), error, views);
    }

    public record Overview(String file, String error, List<SourceView> sources) {
    }

    /** A source as the API shows it: its settings without the connector's own keys (which may hold secrets), and its status. */
    public record SourceView(String name, String type, String schedule, String product, String channel, String cursor,
                             String lastRunAt, String lastSuccessAt, String nextRunAt, long fetched, long created,
                             long updated, long rejected, long warnings, String lastError, int consecutiveFailures,
                             long totalCreated, boolean down) {
    }

    private void raiseDown(SourceConfig source, SourceStatus s) {
        if (alerts == null) {
            return;
        }
        Instant now = clock.instant();
        try {
            alerts.receive(List.of(Signal.builder(SignalType.SOURCE_DOWN)
                    .severity(Severity.CRITICAL)
                    .week(calendar.week(now))
                    .channel(source.channel())
                    .product(source.product())
                    .subject(source.name())
                    .title("数据源中断：" + source.name() + "（连续 " + s.consecutiveFailures() + " 次失败）")
                    .description("数据源 " + source.name() + "（" + source.type() + "）已连续 " + s.consecutiveFailures()
                            + " 次拉取失败，该渠道的沉默不代表用户沉默。最近错误：" + s.lastError()
                            + (s.lastSuccessAt() == null ? "" : "；最近一次成功：" + s.lastSuccessAt()))
                    .evidence(Evidence.builder().figure("consecutiveFailures", s.consecutiveFailures())
                            .fact("source", source.name()).fact("type", source.type()).fact("lastError", s.lastError())
                            .fact("lastSuccessAt", s.lastSuccessAt()).build())
                    .build()));
        } catch (RuntimeException e) {
            log.warn("Could not raise SOURCE_DOWN for {}: {}", source.name(), e.getMessage());
        }
    }
}
