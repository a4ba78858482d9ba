package io.koubei.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The github connector against a local server that behaves like the REST API: {@code since} (updated at or after),
 * {@code sort=updated&direction=asc}, pages of {@value #PAGE_SIZE} with a {@code Link} header, Bearer tokens.
 */
class GitHubConnectorTest {
    private static final int PAGE_SIZE = 2;
    private static final String TOKEN = "ghp_good";

    @TempDir
    Path dir;
    FakeVendor github;
    SyncFixture fx;
    final List<Map<String, Object>> issues = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> comments = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        github = new FakeVendor();
        github.route("/repos/acme/phone/issues", r -> list(r, issues));
        github.route("/repos/acme/phone/issues/comments", r -> list(r, comments));
        issues.add(issue(1, "2026-11-01T10:00:00Z", "NONE", false));
        issues.add(issue(2, "2026-11-02T10:00:00Z", "NONE", false));
        issues.add(issue(3, "2026-11-03T10:00:00Z", "NONE", true)); // a pull request
        issues.add(issue(4, "2026-11-04T10:00:00Z", "CONTRIBUTOR", false));
        comments.add(comment(501, 1, "2026-11-05T10:00:00Z", "MEMBER", false));
        comments.add(comment(502, 1, "2026-11-06T10:00:00Z", "NONE", false));
        comments.add(comment(503, 3, "2026-11-07T10:00:00Z", "NONE", true)); // on the pull request
        fx = new SyncFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        github.close();
    }

    private SourceConfig source(String token) {
        return fx.source("gh", "github", Map.of("repo", "acme/phone", "token", token, "baseUrl", github.baseUrl()));
    }

    @Test
    void readsIssuesAndCommentsPageByPageThenOnlyWhatChanged() {
        SyncResult first = fx.sync(source(TOKEN));

        assertThat(first.error()).isNull();
        assertThat(first.created()).isEqualTo(5); // 3 issues, 2 comments: the pull request and its comment are left out
        assertThat(fx.store.stored.keySet()).containsExactlyInAnyOrder("gh:issue-1", "gh:issue-2", "gh:issue-4",
                "gh:comment-501", "gh:comment-502");
        FeedbackItem issue = fx.store.stored.get("gh:issue-4");
        assertThat(issue.channel()).isEqualTo(Channel.COMMUNITY);
        assertThat(issue.title()).isEqualTo("Issue 4: 充电发热");
        assertThat(issue.text()).isEqualTo("Body of issue 4");
        assertThat(issue.tags()).containsExactly("bug", "battery");
        assertThat(issue.fields()).containsEntry("state", "open");
        assertThat(issue.url()).isEqualTo("https://github.com/acme/phone/issues/4");
        assertThat(issue.author().name()).isEqualTo("user4");
        assertThat(issue.fromOfficialAccount()).isFalse();
        FeedbackItem answer = fx.store.stored.get("gh:comment-501");
        assertThat(answer.replyTo()).isEqualTo("gh:issue-1");
        assertThat(answer.fromOfficialAccount()).isTrue();
        assertThat(answer.createdAt()).isEqualTo(Instant.parse("2026-11-05T09:00:00Z"));
        assertThat(fx.store.stored.get("gh:comment-502").fromOfficialAccount()).isFalse();
        assertThat(github.requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
        // keyset paging: the next page asks since the newest updated_at read so far
        assertThat(github.requests).extracting(FakeVendor.Request::pathAndQuery)
                .anyMatch(p -> p.startsWith("/repos/acme/phone/issues?") && p.contains("since=2026-11-02T10%3A00%3A00Z"));

        github.requests.clear();
        SyncResult second = fx.sync(source(TOKEN));
        assertThat(second.error()).isNull();
        assertThat(second.fetched()).isZero();
        assertThat(second.created()).isZero();
        assertThat(github.requests).extracting(FakeVendor.Request::pathAndQuery)
                .anyMatch(p -> p.startsWith("/repos/acme/phone/issues?") && p.contains("since=2026-11-04T10%3A00%3A00Z"))
                .anyMatch(p -> p.startsWith("/repos/acme/phone/issues/comments?") && p.contains("since=2026-11-07T10%3A00%3A00Z"));

        Map<String, Object> edited = new java.util.HashMap<>(issues.get(1));
        edited.put("body", "Body of issue 2, edited");
        edited.put("updated_at", "2026-11-08T10:00:00Z");
        issues.set(1, edited);
        comments.add(comment(504, 2, "2026-11-08T11:00:00Z", "OWNER", false));
        SyncResult third = fx.sync(source(TOKEN));
        assertThat(third.fetched()).isEqualTo(2);
        assertThat(third.created()).isEqualTo(1);
        assertThat(third.updated()).isEqualTo(1);
        assertThat(fx.store.stored.get("gh:issue-2").text()).isEqualTo("Body of issue 2, edited");
        assertThat(fx.store.stored.get("gh:comment-504").replyTo()).isEqualTo("gh:issue-2");
    }

    @Test
    void anInvalidTokenStopsAtOnceWithAClearErrorAndKeepsTheCursor() {
        fx.sync(source(TOKEN));
        String cursor = fx.cursor("gh");
        comments.add(comment(505, 1, "2026-11-09T10:00:00Z", "NONE", false));
        github.requests.clear();

        SyncResult r = fx.sync(source("ghp_expired"));

        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("HTTP 401").contains("credentials were refused").contains("cursor was kept")
                .contains("Bad credentials").doesNotContain("ghp_expired");
        assertThat(fx.cursor("gh")).isEqualTo(cursor);
        assertThat(github.requests).hasSize(1);
        assertThat(fx.waits).isEmpty();
        SourceStatus status = fx.statuses.get("gh").orElseThrow();
        assertThat(status.lastError()).isEqualTo(r.error());
        assertThat(status.consecutiveFailures()).isEqualTo(1);

        SyncResult fixed = fx.sync(source(TOKEN));
        assertThat(fixed.created()).isEqualTo(1);
        assertThat(fx.statuses.get("gh").orElseThrow().lastError()).isNull();
    }

    @Test
    void itemsSharingOneSecondAcrossPagesAreAllReadOnce() {
        issues.clear();
        comments.clear();
        for (int i = 1; i <= 5; i++) {
            issues.add(issue(i, "2026-11-01T10:00:00Z", "NONE", false));
        }

        SyncResult r = fx.sync(source(TOKEN));

        assertThat(r.error()).isNull();
        assertThat(r.created()).isEqualTo(5);
        assertThat(r.updated()).isZero();
        assertThat(github.requests).extracting(FakeVendor.Request::pathAndQuery).anyMatch(p -> p.endsWith("&page=3"));
        assertThat(fx.sync(source(TOKEN)).fetched()).isZero();
    }

    @Test
    void aRateLimitedForbiddenWaitsForTheReset() {
        long reset = Instant.now().plusSeconds(30).getEpochSecond();
        github.failNext("/repos/acme/phone/issues?", new FakeVendor.Reply(403,
                Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(reset)),
                "{\"message\":\"API rate limit exceeded\"}"));

        SyncResult r = fx.sync(source(TOKEN));

        assertThat(r.error()).isNull();
        assertThat(r.created()).isEqualTo(5);
        assertThat(fx.waits).hasSize(1);
        assertThat(fx.waits.get(0).toSeconds()).isBetween(25L, 30L);
    }

    /** GitHub's list semantics: since is "updated at or after", ascending by updated_at, paged with a Link header. */
    private FakeVendor.Reply list(FakeVendor.Request r, List<Map<String, Object>> all) {
        if (!("Bearer " + TOKEN).equals(r.header("Authorization"))) {
            return new FakeVendor.Reply(401, Map.of("Content-Type", "application/json"),
                    "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
        }
        String since = FakeVendor.query(r, "since");
        int page = FakeVendor.query(r, "page") == null ? 1 : Integer.parseInt(FakeVendor.query(r, "page"));
        List<Map<String, Object>> matching = all.stream()
                .filter(m -> since == null || !Instant.parse((String) m.get("updated_at")).isBefore(Instant.parse(since)))
                .sorted(Comparator.comparing(m -> (String) m.get("updated_at")))
                .toList();
        int from = (page - 1) * PAGE_SIZE;
        List<Map<String, Object>> slice = from >= matching.size() ? List.of()
                : matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE));
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
        if (from + PAGE_SIZE < matching.size()) {
            String path = r.pathAndQuery().replaceAll("&page=\\d+", "");
            headers.put("Link", "<" + github.baseUrl() + path + "&page=" + (page + 1) + ">; rel=\"next\", <"
                    + github.baseUrl() + path + "&page=" + ((matching.size() + PAGE_SIZE - 1) / PAGE_SIZE) + ">; rel=\"last\"");
        }
        return new FakeVendor.Reply(200, headers, ConnectorJson.MAPPER.writeValueAsString(slice));
    }

    private static Map<String, Object> issue(int n, String updated, String association, boolean pullRequest) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("url", "https://api.github.com/repos/acme/phone/issues/" + n);
        m.put("html_url", "https://github.com/acme/phone/" + (pullRequest ? "pull/" : "issues/") + n);
        m.put("id", 1000 + n);
        m.put("number", n);
        m.put("title", "Issue " + n + ": 充电发热");
        m.put("user", Map.of("login", "user" + n, "id", 10 + n, "type", "User"));
        m.put("labels", List.of(Map.of("id", 1, "name", "bug", "color", "f29513"), Map.of("id", 2, "name", "battery")));
        m.put("state", "open");
        m.put("comments", 1);
        m.put("created_at", "2026-10-30T08:00:00Z");
        m.put("updated_at", updated);
        m.put("author_association", association);
        m.put("body", "Body of issue " + n);
        m.put("reactions", Map.of("total_count", 3, "+1", 3));
        if (pullRequest) {
            m.put("pull_request", Map.of("url", "https://api.github.com/repos/acme/phone/pulls/" + n));
        }
        return m;
    }

    private static Map<String, Object> comment(long id, int issue, String updated, String association, boolean onPull) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("url", "https://api.github.com/repos/acme/phone/issues/comments/" + id);
        m.put("html_url", "https://github.com/acme/phone/" + (onPull ? "pull/" : "issues/") + issue + "#issuecomment-" + id);
        m.put("issue_url", "https://api.github.com/repos/acme/phone/issues/" + issue);
        m.put("user", Map.of("login", "commenter" + id));
        m.put("created_at", Instant.parse(updated).minusSeconds(3600).toString());
        m.put("updated_at", updated);
        m.put("author_association", association);
        m.put("body", "Comment " + id);
        return m;
    }
}
