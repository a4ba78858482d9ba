package io.koubei.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileTest {
    private static final Map<String, String> ENV = Map.of("GITHUB_TOKEN", "ghp_secret", "FORUM", "forum.example.com");

    private static List<SourceConfig> parse(String yaml) {
        return SourcesFile.parse(yaml, "/data/sources.yml", ENV::get);
    }

    @Test
    void readsCommonKeysConnectorKeysAndEnvironmentReferences() {
        List<SourceConfig> sources = parse("""
                sources:
                  - name: appstore-cn          # becomes the item's source
                    type: appstore
                    appId: "1142110895"
                    country: cn
                    schedule: PT1H
                    product: nova-x1
                    baseUrl: https://itunes.apple.com
                  - name: gh
                    type: github
                    repo: koubei/koubei
                    token: ${GITHUB_TOKEN}
                    channel: community
                  - name: forum
                    type: discourse
                    baseUrl: https://${FORUM}/
                    schedule: PT15M
                """);

        assertThat(sources).extracting(SourceConfig::name).containsExactly("appstore-cn", "gh", "forum");
        SourceConfig a = sources.get(0);
        assertThat(a.type()).isEqualTo("appstore");
        assertThat(a.schedule()).isEqualTo(Duration.ofHours(1));
        assertThat(a.product()).isEqualTo("nova-x1");
        assertThat(a.channel()).isNull();
        assertThat(a.settings()).containsEntry("appId", "1142110895").containsEntry("country", "cn").doesNotContainKey("name");
        assertThat(sources.get(1).settings()).containsEntry("token", "ghp_secret");
        assertThat(sources.get(1).channel()).isEqualTo(Channel.COMMUNITY);
        assertThat(sources.get(1).schedule()).isEqualTo(SourcesFile.DEFAULT_SCHEDULE);
        assertThat(sources.get(2).baseUrl(null)).isEqualTo("https://forum.example.com");
        assertThat(sources.get(2).schedule()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aMissingFileOrAnEmptyListMeansNoSources(@TempDir Path dir) throws Exception {
        assertThat(SourcesFile.load(dir)).isEmpty();
        Files.writeString(dir.resolve("sources.yml"), "sources: []\n");
        assertThat(SourcesFile.load(dir)).isEmpty();
    }

    @Test
    void errorsNameTheFileTheSourceAndTheKey() {
        assertThatThrownBy(() -> parse("""
                sources:
                  - name: gh
                    type: github
                    repo: a/b
                    token: ${ZENDESK_TOKEN}
                """)).hasMessage("/data/sources.yml: source 'gh': token: environment variable ZENDESK_TOKEN is not set");
        assertThatThrownBy(() -> parse("""
                sources:
                  - name: x
                    type: zendesk2
                """)).hasMessage("/data/sources.yml: source 'x': type: unknown type 'zendesk2' (known: rss, appstore, github, discourse, zendesk, imap, webhook)");
        assertThatThrownBy(() -> parse("""
                sources:
                  - name: a
                    type: appstore
                    country: cn
                """)).hasMessage("/data/sources.yml: source 'a': appId: is required for type appstore");
        assertThatThrownBy(() -> parse("""
                sources:
                  - name: f
                    type: rss
                    url: https://rsshub.example.com/weibo/user/1
                    schedule: hourly
                """)).hasMessage("/data/sources.yml: source 'f': schedule: expected an ISO-8601 duration such as PT15M or PT1H, got 'hourly'");
        assertThatThrownBy(() -> parse("""
                sources:
                  - name: f
                    type: rss
                    url: https://rsshub.example.com/weibo/user/1
                  - name: f
                    type: rss
                    url: https://rsshub.example.com/weibo/user/2
                """)).hasMessage("/data/sources.yml: source 'f': name: is used by two sources; names must be unique");
        assertThatThrownBy(() -> parse("""
                sources:
                  - type: rss
                    url: https://example.com/feed
                """)).hasMessage("/data/sources.yml: source '#1': name: is required (it becomes every item's source)");
        assertThatThrownBy(() -> parse("""
                sources:
                  - name: f
                    type: rss
                    url: https://example.com/feed
                    channel: weibo
                """)).hasMessageStartingWith("/data/sources.yml: source 'f': channel: unknown channel 'weibo' (one of community, social");
        assertThatThrownBy(() -> parse("sources:\n  - name: [x\n")).hasMessageStartingWith("/data/sources.yml: not valid YAML");
    }

    @Test
    void theSecretIsNotInTheErrorOfAnotherKey() {
        assertThatThrownBy(() -> parse("""
                sources:
                  - name: gh
                    type: github
                    repo: not-a-repo
                    token: ${GITHUB_TOKEN}
                """)).hasMessage("/data/sources.yml: source 'gh': repo: expected owner/name, got 'not-a-repo'")
                .hasMessageNotContaining("ghp_secret");
    }
}
