package io.koubei.dashboard.privacy;

import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.dashboard.audit.AuditLog;
import io.koubei.dashboard.report.ReportArchive;
import io.koubei.dashboard.report.ReportFormat;
import io.koubei.dashboard.speed.LifecycleEventStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal-data rights (PIPL arts. 45 and 47, GDPR arts. 15 and 17): everything held about an author, and its
 * erasure — the items, everything derived from them that Koubei keeps (dead letters, lifecycle events, archived
 * reports quoting them), with an audit entry that records the request but not the erased data.
 */
public class PrivacyService {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ARCHIVED = Pattern.compile("weekly-(\\d{4}-W\\d{2})(?:--([A-Za-z0-9._-]+))?\\.([a-z]+)");

    private final FeedbackStore store;
    private final FeedbackBus bus;
    private final LifecycleEventStore lifecycle;
    private final ReportArchive reports;
    private final AuditLog audit;

    public PrivacyService(FeedbackStore store, FeedbackBus bus, LifecycleEventStore lifecycle, ReportArchive reports, AuditLog audit) {
        this.store = store;
        this.bus = bus;
        this.lifecycle = lifecycle;
        this.reports = reports;
        this.audit = audit;
    }

    /** Every stored item of the subject, unmasked (it is the subject's own data), oldest first. */
    public List<AnalyzedFeedback> items(PrivacySubject subject) {
        if (!subject.ids().isEmpty()) {
            return store.getAll(subject.ids());
        }
        List<AnalyzedFeedback> out = new ArrayList<>();
        store.scan(FeedbackFilter.builder().authorIds(Set.of(subject.author())).sources(Set.of(subject.source())).build(), out::add);
        return out;
    }

    /** The dead letters that hold the subject's data (items that could not be processed). */
    public List<DeadLetter> deadLetters(PrivacySubject subject, Set<String> itemIds) {
        return bus.findDeadLetters(matches(subject, itemIds));
    }

    public ErasureReport erase(PrivacySubject subject) {
        List<AnalyzedFeedback> found = items(subject);
        Set<String> ids = new LinkedHashSet<>(subject.ids());
        Set<String> weeks = new TreeSet<>();
        for (AnalyzedFeedback f : found) {
            ids.add(f.id());
            weeks.add(f.week());
        }
        long items = store.delete(ids);
        long deadLetters = bus.eraseDeadLetters(matches(subject, ids));
        int events = lifecycle.erase(ids);
        List<String> regenerated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        redactReports(weeks, regenerated, removed);
        ErasureReport report = new ErasureReport(List.copyOf(ids), items, deadLetters, events, regenerated, removed);
        audit.record("privacy.erase", subject.author() != null ? "source=" + subject.source() + " author=" + subject.author()
                : ids.size() + " ids", items + " items, " + Math.max(deadLetters, 0) + " dead letters, " + events
                + " lifecycle events, " + regenerated.size() + " reports regenerated, " + removed.size() + " removed");
        return report;
    }

    /** Archived reports of the weeks the erased items were in are built again from the store, which no longer has them. */
    private void redactReports(Set<String> weeks, List<String> regenerated, List<String> removed) {
        if (weeks.isEmpty()) {
            return;
        }
        for (String name : reports.list()) {
            Matcher m = ARCHIVED.matcher(name);
            if (!m.matches() || !weeks.contains(m.group(1))) {
                continue;
            }
            String product = m.group(2);
            ReportFormat format = ReportFormat.of(m.group(3));
            if (product != null && product.startsWith("p") && product.length() == 13 && product.substring(1).matches("[0-9a-f]{12}")) {
                // a hashed product name: which product it was cannot be told from the file, so the file goes
                if (reports.delete(name)) {
                    removed.add(name);
                }
                continue;
            }
            reports.generate(m.group(1), product, format);
            regenerated.add(name);
        }
    }

    private static Predicate<DeadLetter> matches(PrivacySubject subject, Set<String> itemIds) {
        return d -> {
            if (d.itemId() != null && itemIds.contains(d.itemId())) {
                return true;
            }
            if (subject.author() == null || d.payload() == null) {
                return false;
            }
            try {
                JsonNode n = JSON.readTree(d.payload());
                return subject.source().equals(n.path("source").asString(null))
                        && subject.author().equals(n.path("author").path("id").asString(null));
            } catch (RuntimeException notJson) {
                return false;
            }
        };
    }
}
