package io.koubei.store.elasticsearch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ElasticsearchNodeTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sharedNodeAnswersHealthOnLoopbackWithoutSecurity() throws Exception {
        ElasticsearchNode node = ElasticsearchNode.shared();
        assertThat(node.isRunning()).isTrue();
        assertThat(ElasticsearchNode.shared()).isSameAs(node);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"koubei-test\"").doesNotContain("\"status\":\"red\"");
        HttpResponse<String> settings = http.send(HttpRequest.newBuilder(
                        URI.create(node.url() + "/_cluster/settings?include_defaults=true&filter_path=**.threshold_enabled"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(settings.body()).contains("\"threshold_enabled\":\"false\"");
    }
}
