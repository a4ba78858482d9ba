package io.koubei.dashboard.platform;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.AnalyzeAndStoreHandler;
import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.FeedbackAnalyzer;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.state.StateStore;
import io.koubei.dashboard.platform.state.ClusterLeader;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.WriteVisibility;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.query.QueryService;
import io.koubei.dashboard.query.ReadCache;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.importing.FeedbackImporter;

import io.koubei.ingest.kafka.KafkaBusConfig;
import io.koubei.ingest.kafka.KafkaFeedbackBus;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.embedded.LuceneFeedbackStore;
import io.koubei.store.state.ElasticsearchStateStore;
import io.koubei.store.state.FileStateStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the platform from configuration alone: {@code koubei.store=embedded|elasticsearch},
 * {@code koubei.bus=inprocess|kafka}. The embedded choices are the defaults and need no server.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    CalendarKeys calendarKeys(KoubeiProperties props) {
        return new CalendarKeys(ZoneId.of(props.getZone()));
    }

    @Bean
    OwnerOnlyDataDir ownerOnlyDataDir(KoubeiProperties props) {
        return new OwnerOnlyDataDir(props.getDataDir());
    }

    /** Built-in lexicon and rules, plus the deployment's dictionaries, taxonomy and active model from the data dir. */
    @Bean
    ReloadableAnalyzer feedbackAnalyzer(KoubeiProperties props, OwnerOnlyDataDir secured) {
        return new ReloadableAnalyzer(props.getDataDir());
    }

    @Bean
    AnalysisPipeline analysisPipeline(FeedbackAnalyzer analyzer, CalendarKeys calendar) {
        return new AnalysisPipeline(analyzer, calendar);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "koubei.store", havingValue = "embedded", matchIfMissing = true)
    WriteCountingStore embeddedStore(KoubeiProperties props, OwnerOnlyDataDir secured, ObjectProvider<MeterRegistry> meters) {
        WriteCountingStore store = new WriteCountingStore(new LuceneFeedbackStore(props.getDataDir().resolve("index")),
                meters.getIfAvailable());
        secured.tighten(); // the index folder and files Lucene just created
        return store;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "koubei.store", havingValue = "elasticsearch")
    WriteCountingStore elasticsearchStore(KoubeiProperties props, ObjectProvider<MeterRegistry> meters) {
        return new WriteCountingStore(new ElasticsearchFeedbackStore(elasticsearchConfig(props)), meters.getIfAvailable());
    }

    /** Alerts, settings, users and the like: files in the data directory, or shared by every node in Elasticsearch. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "koubei.store", havingValue = "embedded", matchIfMissing = true)
    StateStore embeddedState(KoubeiProperties props) {
        return new FileStateStore(props.getDataDir());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "koubei.store", havingValue = "elasticsearch")
    StateStore elasticsearchState(KoubeiProperties props) {
        return new ElasticsearchStateStore(elasticsearchConfig(props));
    }

    /** The node that runs scheduled work: the holder of the scheduler lease (always this one on the embedded store). */
    @Bean(destroyMethod = "close")
    ClusterLeader clusterLeader(StateStore state,
            @org.springframework.beans.factory.annotation.Value("${koubei.cluster.lease-ttl:PT45S}") java.time.Duration ttl,
            @org.springframework.beans.factory.annotation.Value("${koubei.scheduled-work:true}") boolean scheduledWork) {
        return new ClusterLeader(state, java.time.Clock.systemUTC(), ttl.dividedBy(3), ttl, scheduledWork);
    }

    private static ElasticsearchStoreConfig elasticsearchConfig(KoubeiProperties props) {
        KoubeiProperties.Elasticsearch es = props.getElasticsearch();
        return new ElasticsearchStoreConfig(es.getUrl(), blankToNull(es.getUsername()), blankToNull(es.getPassword()),
                es.getIndexPrefix()).withRefreshInterval(es.getRefreshInterval());
    }

    /** "Stored: these weeks/products changed", published by whichever bus stores; the signals re-scan subscribes. */
    @Bean
    StoredEvents storedEvents() {
        return new StoredEvents();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "koubei.bus", havingValue = "kafka")
    FeedbackBus kafkaBus(KoubeiProperties props, AnalysisPipeline pipeline, FeedbackStore store, StoredEvents stored) {
        KoubeiProperties.Kafka k = props.getKafka();
        KafkaFeedbackBus bus = new KafkaFeedbackBus(KafkaBusConfig.defaults(k.getBootstrapServers())
                .withTopics(k.getTopic(), k.getDeadLetterTopic()).withGroupId(k.getGroupId())
                .withWorkers(k.getWorkers()).withPartitions(k.getPartitions(), k.getReplicationFactor())
                .withBatchSize(k.getBatchSize()).withBackoff(k.getInitialBackoff(), k.getMaxBackoff())
                .withClientProperties(k.getClient()));
        if (k.isConsume()) {
            // publishers were acknowledged by the brokers and read nothing back: no need to wait for the store's refresh
            bus.start(new AnalyzeAndStoreHandler(pipeline, store, WriteVisibility.EVENTUAL, null, 1, stored));
        }
        return bus;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The in-process bus's single worker analyses each batch on these threads (koubei.analysis-threads). */
    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(name = "koubei.bus", havingValue = "inprocess", matchIfMissing = true)
    ExecutorService analysisExecutor(KoubeiProperties props) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(props.analysisThreads(), r -> {
            Thread t = new Thread(r, "koubei-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "koubei.bus", havingValue = "inprocess", matchIfMissing = true)
    FeedbackBus inProcessBus(KoubeiProperties props, AnalysisPipeline pipeline, FeedbackStore store,
            ExecutorService analysisExecutor, StoredEvents stored) {
        InProcessBus bus = new InProcessBus(props.getDataDir().resolve("dead-letters"));
        // readable when the bus acknowledges: the importer and the API report "stored"
        bus.start(new AnalyzeAndStoreHandler(pipeline, store, WriteVisibility.IMMEDIATE, analysisExecutor,
                props.analysisThreads(), stored));
        return bus;
    }

    @Bean
    FeedbackImporter feedbackImporter(FeedbackBus bus) {
        return new FeedbackImporter(bus);
    }

    @Bean
    QueryService queryService(WriteCountingStore store, FeedbackAnalyzer analyzer, CalendarKeys calendar,
            KoubeiProperties props) {
        return new QueryService(store, analyzer, calendar, props.getMinimumN(),
                new ReadCache(props.getQueryCache(), props.getQueryCacheMaxAge(), store::generation));
    }
}
