package io.koubei.ingest.connect;

import io.koubei.ingest.connect.appstore.AppStoreConnector;
import io.koubei.ingest.connect.discourse.DiscourseConnector;
import io.koubei.ingest.connect.github.GitHubConnector;
import io.koubei.ingest.connect.imap.ImapConnector;
import io.koubei.ingest.connect.rss.RssConnector;
import io.koubei.ingest.connect.zendesk.ZendeskConnector;
import java.util.List;

/** The connector of a source's {@code type}. Construction checks the settings and does no I/O. */
public final class Connectors {
    public static final List<String> TYPES = List.of("rss", "appstore", "github", "discourse", "zendesk", "imap");

    private Connectors() {
    }

    public static Connector create(SourceConfig config, HttpFetcher http) {
        return switch (config.type()) {
            case "rss" -> new RssConnector(config, http);
            case "appstore" -> new AppStoreConnector(config, http);
            case "github" -> new GitHubConnector(config, http);
            case "discourse" -> new DiscourseConnector(config, http);
            case "zendesk" -> new ZendeskConnector(config, http);
            case "imap" -> new ImapConnector(config);
            default -> throw config.problem("type", "unknown type '" + config.type() + "' (known: " + String.join(", ", TYPES) + ")");
        };
    }

    /** Sources that are pushed to rather than pulled ({@code POST /api/v1/hooks/{name}}): not run by the scheduler. */
    public static final List<String> PUSH_TYPES = List.of("webhook");

    /** True for a type {@link #create} builds a connector for. */
    public static boolean pulled(SourceConfig config) {
        return TYPES.contains(config.type());
    }

    /** Throws {@link SourcesFileException} naming the key when a setting is missing or unusable. */
    static void check(SourceConfig config) {
        if (PUSH_TYPES.contains(config.type())) {
            new io.koubei.ingest.connect.webhook.WebhookSource(config);
        } else {
            create(config, null);
        }
    }
}
