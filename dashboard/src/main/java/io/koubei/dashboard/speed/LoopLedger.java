package io.koubei.dashboard.speed;

import io.koubei.core.privacy.PiiMasker;
import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateStore;
import io.koubei.core.state.VersionConflictException;
import io.koubei.dashboard.platform.state.TypedCollection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closing the loop, in the state store: filed issues ({@value #ISSUES}), releases that fix them ({@value #RELEASES})
 * and community feedback reports per release ({@value #FEEDBACK}), a document per issue key, per product and
 * version, per report id. Every read goes to the store, so every node sees what any node recorded; changes are
 * conditional writes (a new issue key is taken create-if-absent, so two nodes filing at once get two keys).
 * {@code <data-dir>/speed/issues.jsonl}, {@code releases.jsonl} and {@code release-feedback.jsonl} of an earlier
 * version (the latest line for a key wins) are imported once and kept.
 */
public class LoopLedger {
    static final String ISSUES = "speed-issues";
    static final String RELEASES = "speed-releases";
    static final String FEEDBACK = "speed-release-feedback";
    private static final Pattern ISSUE_KEY = Pattern.compile("KB-(\\d+)");

    /** A filed issue; {@code fixedIn} / {@code fixedAt} set once a release fixes it. */
    public record Issue(String key, String tracker, String externalKey, String url, String aspect, String query,
            String product,
            String title, List<String> itemIds, Instant filedAt, String fixedIn, Instant fixedAt) {
        Issue withKey(String k) {
            return new Issue(k, tracker, externalKey, url, aspect, query, product, title, itemIds, filedAt, fixedIn, fixedAt);
        }
    }

    public record Release(String product, String version, Instant releasedAt, List<String> issues) {
    }

    /** One community feedback report on a release: per-area ratings (1–5), free text, opinion votes. */
    public record ReleaseFeedback(String id, String product, String version, Map<String, Double> ratings, String text,
            Map<String, Integer> votes) {
    }

    private final StateCollection issueDocs;
    private final TypedCollection<Issue> issues;
    private final StateCollection releaseDocs;
    private final TypedCollection<Release> releases;
    private final StateCollection feedbackDocs;
    private final TypedCollection<ReleaseFeedback> feedback;

    public LoopLedger(StateStore state, Path dataDir) {
        this.issueDocs = state.collection(ISSUES);
        this.issues = new TypedCollection<>(issueDocs, Issue.class);
        this.releaseDocs = state.collection(RELEASES);
        this.releases = new TypedCollection<>(releaseDocs, Release.class);
        this.feedbackDocs = state.collection(FEEDBACK);
        this.feedback = new TypedCollection<>(feedbackDocs, ReleaseFeedback.class);
        Path dir = dataDir.resolve("speed");
        // create-if-absent: what is shared already (another node's import, a change since) is not overwritten
        LegacySpeedFiles.importOnce(issueDocs, LegacySpeedFiles.IMPORTED, dir.resolve("issues.jsonl"),
                lines -> issueDocs.createAll(latest(lines, Issue.class, Issue::key)));
        LegacySpeedFiles.importOnce(releaseDocs, LegacySpeedFiles.IMPORTED, dir.resolve("releases.jsonl"),
                lines -> releaseDocs.createAll(latest(lines, Release.class, r -> releaseKey(r.product(), r.version()))));
        LegacySpeedFiles.importOnce(feedbackDocs, LegacySpeedFiles.IMPORTED, dir.resolve("release-feedback.jsonl"),
                lines -> feedbackDocs.createAll(latest(lines, ReleaseFeedback.class, ReleaseFeedback::id)));
    }

    /** Records an issue under its key, replacing one of that key. */
    public Issue file(Issue i) {
        issues.put(StateIds.of(i.key()), i);
        return i;
    }

    /**
     * Records a newly filed issue under the next free key {@code KB-n}; the key is taken create-if-absent, so two
     * nodes filing at the same moment get two keys, not one issue over the other.
     */
    public Issue fileNew(Issue i) {
        int next = issues().stream().mapToInt(LoopLedger::number).max().orElse(0) + 1;
        while (true) {
            Issue keyed = i.withKey("KB-" + next);
            try {
                issueDocs.put(StateIds.of(keyed.key()), LifecycleEventStore.JSON.writeValueAsString(keyed),
                        StateCollection.ABSENT);
                return keyed;
            } catch (VersionConflictException taken) {
                next++;
            }
        }
    }

    /** Every issue, oldest first. */
    public List<Issue> issues() {
        List<Issue> all = new ArrayList<>(records(issueDocs, Issue.class));
        all.sort(Comparator.comparing(Issue::filedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(LoopLedger::number).thenComparing(Issue::key));
        return all;
    }

    public Optional<Issue> issue(String key) {
        return issues.get(StateIds.of(key));
    }

    /** Records the release and marks its issues fixed; unknown issue keys are a 400, nothing recorded. */
    public Release release(Release r) {
        for (String k : r.issues()) {
            if (issue(k).isEmpty()) {
                throw new IllegalArgumentException("issues: unknown issue '" + k + "' (file it first)");
            }
        }
        releases.put(StateIds.of(releaseKey(r.product(), r.version())), r);
        for (String k : r.issues()) {
            issues.update(StateIds.of(k), i -> new Issue(i.key(), i.tracker(), i.externalKey(), i.url(), i.aspect(),
                    i.query(), i.product(), i.title(), i.itemIds(), i.filedAt(), r.version(), r.releasedAt()));
        }
        return r;
    }

    public Optional<Release> release(String product, String version) {
        return releases.get(StateIds.of(releaseKey(product, version)));
    }

    /** Every release, in the order they were released. */
    public List<Release> releases() {
        List<Release> all = new ArrayList<>(records(releaseDocs, Release.class));
        all.sort(Comparator.comparing(Release::releasedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> releaseKey(r.product(), r.version())));
        return all;
    }

    /** Personal data in the free text is masked before it is stored. True when it replaced a report with that id. */
    public boolean feedback(ReleaseFeedback f) {
        ReleaseFeedback masked = new ReleaseFeedback(f.id(), f.product(), f.version(), f.ratings(), PiiMasker.mask(f.text()),
                f.votes());
        boolean[] existed = new boolean[1];
        feedback.update(StateIds.of(f.id()), current -> {
            existed[0] = current != null;
            return masked;
        });
        return existed[0];
    }

    public List<ReleaseFeedback> feedbackFor(String product, String version) {
        return records(feedbackDocs, ReleaseFeedback.class).stream().filter(f -> version.equals(f.version())
                && (product == null || product.equals(f.product()))).toList();
    }

    /** The records of a collection, without its marker documents. */
    private static <T> List<T> records(StateCollection docs, Class<T> type) {
        return docs.all().stream().filter(d -> StateIds.isRecord(d.id()))
                .map(d -> LifecycleEventStore.JSON.readValue(d.json(), type)).toList();
    }

    private static int number(Issue i) {
        Matcher m = ISSUE_KEY.matcher(i.key());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Document id → JSON of the latest line for each key (how the old files were read), in first-seen order. */
    private static <T> Map<String, String> latest(List<String> lines, Class<T> type, java.util.function.Function<T, String> key) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : lines) {
            T value = LifecycleEventStore.JSON.readValue(line, type);
            byId.put(StateIds.of(key.apply(value)), LifecycleEventStore.JSON.writeValueAsString(value));
        }
        return byId;
    }

    static String releaseKey(String product, String version) {
        return (product == null ? "-" : product) + "@" + version;
    }
}
