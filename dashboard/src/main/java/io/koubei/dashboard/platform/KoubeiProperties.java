package io.koubei.dashboard.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything a deployment configures. Each property also reads an environment variable (see
 * docs/configuration.md): KOUBEI_STORE, KOUBEI_BUS, KOUBEI_DATA_DIR, ES_URL, KAFKA_BOOTSTRAP_SERVERS...
 */
@ConfigurationProperties(prefix = "koubei")
public class KoubeiProperties {
    /** embedded | elasticsearch */
    private String store = "embedded";
    /** inprocess | kafka */
    private String bus = "inprocess";
    private Path dataDir = Path.of("data");
    private String zone = "Asia/Shanghai";
    /** Below this sample size a metric is shown as "insufficient data". */
    private int minimumN = 30;
    /** Overviews and facet values kept per filter until the next write (0 disables). */
    private int queryCache = 256;
    /** … and at most this old (writes by other processes sharing Elasticsearch are not seen otherwise). */
    private java.time.Duration queryCacheMaxAge = java.time.Duration.ofSeconds(30);
    /** Threads that analyse an import's batches (in-process bus); 0 = one per core. */
    private int analysisThreads = 0;
    private final Elasticsearch elasticsearch = new Elasticsearch();
    private final Kafka kafka = new Kafka();

    public static class Elasticsearch {
        private String url = "http://localhost:9200";
        private String username;
        private String password;
        private String indexPrefix = "koubei-";
        /** How often new writes become searchable; Kafka workers do not wait for it, imports on the in-process bus do. */
        private java.time.Duration refreshInterval = java.time.Duration.ofSeconds(1);

        public java.time.Duration getRefreshInterval() { return refreshInterval; }
        public void setRefreshInterval(java.time.Duration v) { this.refreshInterval = v; }

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getIndexPrefix() { return indexPrefix; }
        public void setIndexPrefix(String indexPrefix) { this.indexPrefix = indexPrefix; }
    }

    public static class Kafka {
        private String bootstrapServers = "localhost:9092";
        private String topic = "koubei.feedback.raw";
        private String deadLetterTopic = "koubei.feedback.dlq";
        private String groupId = "koubei-analysis";
        private int workers = 2;
        private int partitions = 4;
        private short replicationFactor = 1;
        /** Whether this process runs analysis workers; {@code koubei import} only publishes. */
        private boolean consume = true;
        private int batchSize = 1000;
        private java.time.Duration initialBackoff = java.time.Duration.ofMillis(200);
        private java.time.Duration maxBackoff = java.time.Duration.ofSeconds(10);
        /** Kafka client settings (security, timeouts…): koubei.kafka.client.sasl.mechanism=… */
        private final java.util.Map<String, String> client = new java.util.LinkedHashMap<>();

        public boolean isConsume() { return consume; }
        public void setConsume(boolean v) { this.consume = v; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int v) { this.batchSize = v; }
        public java.time.Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(java.time.Duration v) { this.initialBackoff = v; }
        public java.time.Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(java.time.Duration v) { this.maxBackoff = v; }
        public java.util.Map<String, String> getClient() { return client; }

        public short getReplicationFactor() { return replicationFactor; }
        public void setReplicationFactor(short v) { this.replicationFactor = v; }

        public String getBootstrapServers() { return bootstrapServers; }
        public void setBootstrapServers(String v) { this.bootstrapServers = v; }
        public String getTopic() { return topic; }
        public void setTopic(String v) { this.topic = v; }
        public String getDeadLetterTopic() { return deadLetterTopic; }
        public void setDeadLetterTopic(String v) { this.deadLetterTopic = v; }
        public String getGroupId() { return groupId; }
        public void setGroupId(String v) { this.groupId = v; }
        public int getWorkers() { return workers; }
        public void setWorkers(int v) { this.workers = v; }
        public int getPartitions() { return partitions; }
        public void setPartitions(int v) { this.partitions = v; }
    }

    public String getStore() { return store; }
    public void setStore(String store) { this.store = store; }
    public String getBus() { return bus; }
    public void setBus(String bus) { this.bus = bus; }
    public Path getDataDir() { return dataDir; }
    public void setDataDir(Path dataDir) { this.dataDir = dataDir; }
    public String getZone() { return zone; }
    public void setZone(String zone) { this.zone = zone; }
    public int getMinimumN() { return minimumN; }
    public int getAnalysisThreads() { return analysisThreads; }
    public void setAnalysisThreads(int v) { this.analysisThreads = v; }

    /** The configured analysis threads, or one per core. */
    public int analysisThreads() {
        return analysisThreads > 0 ? analysisThreads : Runtime.getRuntime().availableProcessors();
    }
    public void setMinimumN(int minimumN) { this.minimumN = minimumN; }
    public int getQueryCache() { return queryCache; }
    public void setQueryCache(int queryCache) { this.queryCache = queryCache; }
    public java.time.Duration getQueryCacheMaxAge() { return queryCacheMaxAge; }
    public void setQueryCacheMaxAge(java.time.Duration v) { this.queryCacheMaxAge = v; }
    public Elasticsearch getElasticsearch() { return elasticsearch; }
    public Kafka getKafka() { return kafka; }
}
