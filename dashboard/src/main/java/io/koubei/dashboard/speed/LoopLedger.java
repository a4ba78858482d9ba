package io.koubei.dashboard.speed;

import io.koubei.core.privacy.PiiMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Closing the loop, on disk: filed issues, releases that fix them, and community feedback reports per release,
 * each an append-only JSONL file under {@code <data-dir>/speed/}; the latest line for a key wins on reload.
 */
public class LoopLedger {
    /** A filed issue; {@code fixedIn} / {@code fixedAt} set once a release fixes it. */
    public record Issue(String key, String tracker, String externalKey, String url, String aspect, String query,
            String product,
            String title, List<String> itemIds, Instant filedAt, String fixedIn, Instant fixedAt) {
    }

    public record Release(String product, String version, Instant releasedAt, List<String> issues) {
    }

    /** One community feedback report on a release: per-area ratings (1–5), free text, opinion votes. */
    public record ReleaseFeedback(String id, String product, String version, Map<String, Double> ratings, String text,
            Map<String, Integer> votes) {
    }

    private final Path dir;
    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private final Map<String, Release> releases = new LinkedHashMap<>();
    private final Map<String, ReleaseFeedback> feedback = new LinkedHashMap<>();

    public LoopLedger(Path dataDir) {
        this.dir = dataDir.resolve("speed");
        load("issues.jsonl", Issue.class).forEach(i -> issues.put(i.key(), i));
        load("releases.jsonl", Release.class).forEach(r -> releases.put(releaseKey(r.product(), r.version()), r));
        load("release-feedback.jsonl", ReleaseFeedback.class).forEach(f -> feedback.put(f.id(), f));
    }

    public synchronized Issue file(Issue i) {
        issues.put(i.key(), i);
        append("issues.jsonl", i);
        return i;
    }

    public synchronized List<Issue> issues() {
        return new ArrayList<>(issues.values());
    }

    public synchronized Optional<Issue> issue(String key) {
        return Optional.ofNullable(issues.get(key));
    }

    /** Records the release and marks its issues fixed; unknown issue keys are a 400, nothing recorded. */
    public synchronized Release release(Release r) {
        for (String k : r.issues()) {
            if (!issues.containsKey(k)) {
                throw new IllegalArgumentException("issues: unknown issue '" + k + "' (file it first)");
            }
        }
        releases.put(releaseKey(r.product(), r.version()), r);
        append("releases.jsonl", r);
        for (String k : r.issues()) {
            Issue i = issues.get(k);
            file(new Issue(i.key(), i.tracker(), i.externalKey(), i.url(), i.aspect(), i.query(), i.product(), i.title(),
                    i.itemIds(), i.filedAt(), r.version(), r.releasedAt()));
        }
        return r;
    }

    public synchronized Optional<Release> release(String product, String version) {
        return Optional.ofNullable(releases.get(releaseKey(product, version)));
    }

    public synchronized List<Release> releases() {
        return new ArrayList<>(releases.values());
    }

    /** Personal data in the free text is masked before it is stored. True when it replaced a report with that id. */
    public synchronized boolean feedback(ReleaseFeedback f) {
        ReleaseFeedback masked = new ReleaseFeedback(f.id(), f.product(), f.version(), f.ratings(), PiiMasker.mask(f.text()),
                f.votes());
        boolean replaced = feedback.put(f.id(), masked) != null;
        append("release-feedback.jsonl", masked);
        return replaced;
    }

    public synchronized List<ReleaseFeedback> feedbackFor(String product, String version) {
        return feedback.values().stream().filter(f -> version.equals(f.version())
                && (product == null || product.equals(f.product()))).toList();
    }

    static String releaseKey(String product, String version) {
        return (product == null ? "-" : product) + "@" + version;
    }

    private <T> List<T> load(String name, Class<T> type) {
        Path f = dir.resolve(name);
        List<T> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(LifecycleEventStore.JSON.readValue(line, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        return out;
    }

    private void append(String name, Object record) {
        try {
            io.koubei.dashboard.platform.OwnerOnlyDataDir.createPrivately(dir.resolve(name));
            Files.writeString(dir.resolve(name), LifecycleEventStore.JSON.writeValueAsString(record) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }
}
