package io.koubei.analysis.signals.astroturf;

import io.koubei.analysis.SimHash;
import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.RobustStats;
import io.koubei.analysis.signals.SampleText;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Astroturf (水军): near-duplicate clusters across different accounts, concentrated in time, written by new or
 * low-follower accounts; and lockstep accounts that reply to the same targets within minutes. Flags are
 * evidence for weighting, never grounds for deletion.
 *
 * <p>A cluster is flagged when it has ≥ {@code minClusterSize} items from ≥ {@code minAccounts} accounts and
 * ≥ {@code minSuspiciousShare} of those accounts are new or low-follower. A lockstep group is flagged when
 * ≥ {@code minSuspiciousShare} of its accounts are. One-sided sentiment and a tight burst raise severity.
 * Posts from new accounts that are not near-duplicates but arrive in a burst (≥
 * {@code burstMinPosts} within {@code burstWindow} on one channel and product) are reported too, flagged only
 * with {@code flagBursts}.
 *
 * <p>Blind spots: campaigns run from aged, followed (bought) accounts pass the account test; paraphrased
 * campaigns (hand- or machine-rewritten) are not near-duplicates; sources that do not report registration
 * date or followers (app stores, e-commerce) give no account evidence, so their clusters are reported but
 * not flagged; a genuine wave of identical short reactions from new users (e.g. a giveaway) is flagged —
 * a human should confirm before acting.
 */
public final class AstroturfDetector {
    private final AstroturfParams params;

    public AstroturfDetector(AstroturfParams params) {
        this.params = params;
    }

    public AstroturfDetector() {
        this(AstroturfParams.DEFAULTS);
    }

    public AstroturfParams params() {
        return params;
    }

    public AstroturfReport detect(Collection<AnalyzedFeedback> items) {
        List<AnalyzedFeedback> candidates = items.stream().filter(f -> !f.item().fromOfficialAccount()).toList();
        List<SuspectCluster> clusters = new ArrayList<>();
        Map<String, List<AnalyzedFeedback>> members = new HashMap<>();
        for (List<AnalyzedFeedback> group : new NearDuplicateClusterer(params.nearDuplicate()).cluster(candidates)) {
            if (group.size() < params.minClusterSize()) {
                continue;
            }
            SuspectCluster c = judge(group);
            clusters.add(c);
            members.put(c.id(), group);
        }
        List<LockstepGroup> lockstep = lockstep(candidates);
        Set<String> flagged = new TreeSet<>();
        List<Signal> signals = new ArrayList<>();
        for (List<SuspectCluster> campaign : campaigns(clusters)) {
            List<AnalyzedFeedback> all = new ArrayList<>();
            campaign.forEach(c -> all.addAll(members.get(c.id())));
            all.sort(Comparator.comparing((AnalyzedFeedback f) -> f.item().createdAt()).thenComparing(AnalyzedFeedback::id));
            SuspectCluster merged = campaign.size() == 1 ? campaign.get(0) : judge(all);
            campaign.forEach(c -> flagged.addAll(c.itemIds()));
            signals.add(clusterSignal(merged, all, campaign.stream().map(SuspectCluster::id).toList()));
        }
        Map<String, AnalyzedFeedback> byId = new HashMap<>();
        candidates.forEach(f -> byId.put(f.id(), f));
        for (LockstepGroup g : lockstep) {
            if (g.flagged()) {
                flagged.addAll(g.itemIds());
                signals.add(lockstepSignal(g, g.itemIds().stream().map(byId::get).toList()));
            }
        }
        for (List<AnalyzedFeedback> burst : newAccountBursts(candidates, flagged)) {
            if (params.flagBursts()) {
                burst.forEach(f -> flagged.add(f.id()));
            }
            signals.add(burstSignal(burst));
        }
        return new AstroturfReport(List.copyOf(clusters), lockstep, flagged, signals);
    }

    /**
     * Flagged clusters that overlap in time (within a burst window) on a shared channel are one campaign: a
     * campaign with several templates, or longer than the link window, yields one alert, not several.
     */
    private List<List<SuspectCluster>> campaigns(List<SuspectCluster> clusters) {
        List<SuspectCluster> flagged = new ArrayList<>(clusters.stream().filter(SuspectCluster::flagged).toList());
        flagged.sort(Comparator.comparing(SuspectCluster::first).thenComparing(SuspectCluster::id));
        List<List<SuspectCluster>> out = new ArrayList<>();
        List<SuspectCluster> current = new ArrayList<>();
        Instant currentEnd = null;
        Set<String> currentChannels = new java.util.HashSet<>();
        for (SuspectCluster c : flagged) {
            boolean joins = currentEnd != null && !c.first().isAfter(currentEnd.plus(params.burstWindow()))
                    && c.channels().stream().anyMatch(currentChannels::contains);
            if (!joins && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
                currentChannels = new java.util.HashSet<>();
                currentEnd = null;
            }
            current.add(c);
            currentChannels.addAll(c.channels());
            currentEnd = currentEnd == null || c.last().isAfter(currentEnd) ? c.last() : currentEnd;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private SuspectCluster judge(List<AnalyzedFeedback> group) {
        Map<String, AnalyzedFeedback> firstPost = new LinkedHashMap<>();
        for (AnalyzedFeedback f : group) {
            firstPost.putIfAbsent(accountOf(f), f);
        }
        int withAge = 0;
        int newCount = 0;
        int withFollowers = 0;
        int lowCount = 0;
        int suspicious = 0;
        List<Double> ages = new ArrayList<>();
        List<Double> followers = new ArrayList<>();
        for (AnalyzedFeedback f : firstPost.values()) {
            Author a = f.item().author();
            boolean isNew = false;
            boolean isLow = false;
            if (a != null && a.registeredAt() != null) {
                double days = Duration.between(a.registeredAt(), f.item().createdAt()).toHours() / 24.0;
                ages.add(days);
                withAge++;
                isNew = days <= params.newAccountDays();
            }
            if (a != null && a.followers() != null) {
                followers.add((double) a.followers());
                withFollowers++;
                isLow = a.followers() < params.lowFollowers();
            }
            newCount += isNew ? 1 : 0;
            lowCount += isLow ? 1 : 0;
            suspicious += isNew || isLow ? 1 : 0;
        }
        int accounts = firstPost.size();
        double newShare = withAge == 0 ? Double.NaN : (double) newCount / withAge;
        double lowShare = withFollowers == 0 ? Double.NaN : (double) lowCount / withFollowers;
        double suspiciousShare = (double) suspicious / accounts;

        Map<Polarity, Integer> pol = new EnumMap<>(Polarity.class);
        group.forEach(f -> pol.merge(f.analysis().sentiment().polarity(), 1, Integer::sum));
        Polarity dominant = pol.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Polarity.NEUTRAL);
        double oneSided = (double) pol.getOrDefault(dominant, 0) / group.size();
        int burst = maxInWindow(group, params.burstWindow());

        List<String> reasons = new ArrayList<>();
        boolean big = group.size() >= params.minClusterSize() && accounts >= params.minAccounts();
        if (big) {
            reasons.add(String.format("%d 条近重复文本来自 %d 个不同账号", group.size(), accounts));
        }
        if (suspiciousShare >= params.minSuspiciousShare()) {
            reasons.add(String.format("%.0f%% 的账号为新注册（≤%d 天）或低粉丝（<%d）", suspiciousShare * 100,
                    params.newAccountDays(), params.lowFollowers()));
        }
        if (burst >= params.minClusterSize()) {
            reasons.add(String.format("%s 内集中发布 %d 条", human(params.burstWindow()), burst));
        }
        if (oneSided >= params.oneSidedShare()) {
            reasons.add(String.format("情感一边倒：%.0f%% 为%s", oneSided * 100, polarityZh(dominant)));
        }
        boolean flagged = big && suspiciousShare >= params.minSuspiciousShare();

        Instant first = group.get(0).item().createdAt();
        Instant last = group.get(group.size() - 1).item().createdAt();
        List<String> samples = new ArrayList<>();
        Set<String> seenNorm = new LinkedHashSet<>();
        for (AnalyzedFeedback f : group) {
            if (samples.size() >= params.samples()) {
                break;
            }
            if (seenNorm.add(SimHash.normalize(f.item().text()))) {
                samples.add(SampleText.of(f.item().text()));
            }
        }
        return new SuspectCluster("dup-" + group.get(0).id(), flagged, reasons,
                group.stream().map(AnalyzedFeedback::id).toList(), List.copyOf(firstPost.keySet()), first, last,
                Duration.between(first, last), burst, newShare, lowShare, suspiciousShare,
                median(ages), median(followers), dominant, oneSided,
                distinct(group.stream().map(f -> f.item().channel().wireName()).toList()),
                distinct(group.stream().map(f -> f.item().product()).filter(p -> p != null).toList()), samples);
    }

    /** Accounts replying to the same target within lockstepWindow, on ≥ lockstepMinTargets targets. */
    private List<LockstepGroup> lockstep(List<AnalyzedFeedback> items) {
        Map<String, List<AnalyzedFeedback>> byTarget = new TreeMap<>();
        for (AnalyzedFeedback f : items) {
            if (f.item().replyTo() != null && f.item().authorId() != null) {
                byTarget.computeIfAbsent(f.item().replyTo(), k -> new ArrayList<>()).add(f);
            }
        }
        long window = params.lockstepWindow().toMillis();
        Map<String, Set<String>> pairTargets = new HashMap<>();
        for (Map.Entry<String, List<AnalyzedFeedback>> e : byTarget.entrySet()) {
            List<AnalyzedFeedback> replies = new ArrayList<>(e.getValue());
            replies.sort(Comparator.comparing((AnalyzedFeedback f) -> f.item().createdAt()));
            for (int i = 0; i < replies.size(); i++) {
                for (int j = i + 1; j < replies.size(); j++) {
                    long dt = replies.get(j).item().createdAt().toEpochMilli() - replies.get(i).item().createdAt().toEpochMilli();
                    if (dt > window) {
                        break;
                    }
                    String a = replies.get(i).item().authorId();
                    String b = replies.get(j).item().authorId();
                    if (!a.equals(b)) {
                        String key = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
                        pairTargets.computeIfAbsent(key, k -> new TreeSet<>()).add(e.getKey());
                    }
                }
            }
        }
        Map<String, String> parent = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : pairTargets.entrySet()) {
            if (e.getValue().size() >= params.lockstepMinTargets()) {
                String[] ab = e.getKey().split("\u0000");
                union(parent, ab[0], ab[1]);
            }
        }
        Map<String, Set<String>> groups = new TreeMap<>();
        for (String account : parent.keySet()) {
            groups.computeIfAbsent(root(parent, account), k -> new TreeSet<>()).add(account);
        }
        List<LockstepGroup> out = new ArrayList<>();
        for (Set<String> accounts : groups.values()) {
            if (accounts.size() < params.lockstepMinAccounts()) {
                continue;
            }
            Set<String> targets = new TreeSet<>();
            for (Map.Entry<String, Set<String>> e : pairTargets.entrySet()) {
                String[] ab = e.getKey().split("\u0000");
                if (e.getValue().size() >= params.lockstepMinTargets() && accounts.contains(ab[0])) {
                    targets.addAll(e.getValue());
                }
            }
            List<String> ids = new ArrayList<>();
            Map<String, AnalyzedFeedback> firstOf = new LinkedHashMap<>();
            for (String t : targets) {
                for (AnalyzedFeedback f : byTarget.get(t)) {
                    if (accounts.contains(f.item().authorId())) {
                        ids.add(f.id());
                        firstOf.putIfAbsent(f.item().authorId(), f);
                    }
                }
            }
            int suspicious = 0;
            for (AnalyzedFeedback f : firstOf.values()) {
                suspicious += isSuspicious(f) ? 1 : 0;
            }
            double share = (double) suspicious / accounts.size();
            out.add(new LockstepGroup("lockstep-" + accounts.iterator().next(), share >= params.minSuspiciousShare(),
                    List.copyOf(accounts), List.copyOf(targets), ids.stream().sorted().toList(), share));
        }
        return out;
    }

    /**
     * Posts from new accounts (low-follower ones when the source gives no registration date) not already in a
     * flagged cluster, per (channel, product): windows of {@code burstWindow} holding at least
     * {@code burstMinPosts} of them, adjacent windows merged. Low followers alone are too common to count here.
     */
    private List<List<AnalyzedFeedback>> newAccountBursts(List<AnalyzedFeedback> items, Set<String> alreadyFlagged) {
        Map<String, List<AnalyzedFeedback>> byScope = new TreeMap<>();
        for (AnalyzedFeedback f : items) {
            if (!alreadyFlagged.contains(f.id()) && f.item().replyTo() == null && isNewAccount(f)) {
                byScope.computeIfAbsent(f.item().channel().wireName() + "/" + f.item().product(), k -> new ArrayList<>()).add(f);
            }
        }
        List<List<AnalyzedFeedback>> out = new ArrayList<>();
        for (List<AnalyzedFeedback> list : byScope.values()) {
            list.sort(Comparator.comparing((AnalyzedFeedback f) -> f.item().createdAt()).thenComparing(AnalyzedFeedback::id));
            List<AnalyzedFeedback> current = null;
            int start = 0;
            while (start < list.size()) {
                Instant limit = list.get(start).item().createdAt().plus(params.burstWindow());
                int end = start;
                while (end + 1 < list.size() && !list.get(end + 1).item().createdAt().isAfter(limit)) {
                    end++;
                }
                if (end - start + 1 < params.burstMinPosts()) {
                    start++;
                    continue;
                }
                List<AnalyzedFeedback> window = list.subList(start, end + 1);
                boolean adjacent = current != null && !window.get(0).item().createdAt()
                        .isAfter(current.get(current.size() - 1).item().createdAt().plus(params.burstWindow()));
                if (adjacent) {
                    current.addAll(window);
                } else {
                    if (current != null) {
                        out.add(List.copyOf(current));
                    }
                    current = new ArrayList<>(window);
                }
                start = end + 1;
            }
            if (current != null) {
                out.add(List.copyOf(current));
            }
        }
        return out;
    }

    private boolean isNewAccount(AnalyzedFeedback f) {
        Author a = f.item().author();
        if (a == null) {
            return false;
        }
        if (a.registeredAt() != null) {
            return Duration.between(a.registeredAt(), f.item().createdAt()).toDays() <= params.newAccountDays();
        }
        return a.followers() != null && a.followers() < params.lowFollowers();
    }

    private Signal burstSignal(List<AnalyzedFeedback> burst) {
        SuspectCluster c = judge(burst);
        Evidence ev = Evidence.builder()
                .figure("items", c.size())
                .figure("accounts", c.accounts().size())
                .figure("maxInBurstWindow", c.maxInBurstWindow())
                .figure("spanMinutes", c.span().toMinutes())
                .figure("newAccountShare", c.newAccountShare())
                .figure("lowFollowerShare", c.lowFollowerShare())
                .figure("medianAccountAgeDays", c.medianAccountAgeDays())
                .figure("medianFollowers", c.medianFollowers())
                .figure("oneSidedShare", c.oneSidedShare())
                .figure("burstMinPosts", params.burstMinPosts())
                .fact("first", c.first()).fact("last", c.last())
                .fact("flagged", params.flagBursts())
                .fact("samples", String.join(" ‖ ", c.samples()))
                .itemIds(c.itemIds())
                .build();
        AnalyzedFeedback first = burst.get(0);
        return Signal.builder(SignalType.ASTROTURF)
                .severity(Severity.WARNING)
                .week(first.week()).day(first.day())
                .channel(first.item().channel()).product(first.item().product()).subject("burst-" + first.id())
                .title(String.format("新账号集中发帖：%d 个新账号在 %s 内发布 %d 条%s内容", c.accounts().size(),
                        human(c.span()), c.size(), polarityZh(c.dominantPolarity())))
                .description(String.format("%s 起 %s 内 %d 条帖子来自新注册（≤%d 天；无注册日期时为低粉丝 <%d）账号，文本并不重复。"
                        + "可能是改写过的水军，也可能是首次发帖的新用户（如发布会后），请人工确认%s。", c.first(),
                        human(c.span()), c.size(), params.newAccountDays(), params.lowFollowers(),
                        params.flagBursts() ? "；已在加权指标中剔除" : "；未从加权指标中剔除"))
                .evidence(ev)
                .dedupWithoutChannels()
                .build();
    }

    private boolean isSuspicious(AnalyzedFeedback f) {
        Author a = f.item().author();
        if (a == null) {
            return false;
        }
        boolean isNew = a.registeredAt() != null
                && Duration.between(a.registeredAt(), f.item().createdAt()).toDays() <= params.newAccountDays();
        boolean isLow = a.followers() != null && a.followers() < params.lowFollowers();
        return isNew || isLow;
    }

    private Signal clusterSignal(SuspectCluster c, List<AnalyzedFeedback> group, List<String> clusterIds) {
        boolean oneSided = c.oneSidedShare() >= params.oneSidedShare();
        boolean tight = c.maxInBurstWindow() >= params.minClusterSize();
        Severity sev = oneSided && tight && c.size() >= 3 * params.minClusterSize() ? Severity.CRITICAL : Severity.WARNING;
        List<Channel> channels = group.stream().map(f -> f.item().channel()).distinct().sorted().toList();
        String aspect = topAspect(group);
        String product = c.products().isEmpty() ? null : mostCommon(group.stream().map(f -> f.item().product())
                .filter(p -> p != null).toList());
        Evidence ev = Evidence.builder()
                .figure("items", c.size())
                .figure("accounts", c.accounts().size())
                .figure("maxInBurstWindow", c.maxInBurstWindow())
                .figure("spanMinutes", c.span().toMinutes())
                .figure("newAccountShare", c.newAccountShare())
                .figure("lowFollowerShare", c.lowFollowerShare())
                .figure("suspiciousAccountShare", c.suspiciousShare())
                .figure("medianAccountAgeDays", c.medianAccountAgeDays())
                .figure("medianFollowers", c.medianFollowers())
                .figure("oneSidedShare", c.oneSidedShare())
                .figure("minClusterSize", params.minClusterSize())
                .figure("minAccounts", params.minAccounts())
                .fact("clusterId", c.id())
                .fact("clusters", String.join(",", clusterIds))
                .fact("first", c.first()).fact("last", c.last())
                .fact("burstWindow", params.burstWindow())
                .fact("dominantPolarity", c.dominantPolarity().wireName())
                .fact("reasons", String.join("；", c.reasons()))
                .fact("accounts", String.join(",", c.accounts().subList(0, Math.min(30, c.accounts().size())))
                        + (c.accounts().size() > 30 ? ",…" : ""))
                .fact("samples", String.join(" ‖ ", c.samples()))
                .itemIds(c.itemIds())
                .build();
        return Signal.builder(SignalType.ASTROTURF)
                .severity(sev)
                .week(group.get(0).week()).day(group.get(0).day())
                .channels(channels).aspect(aspect).product(product).subject(c.id())
                .title(String.format("疑似水军：%d 个账号在 %s 内发布 %d 条近重复%s内容", c.accounts().size(),
                        human(c.span()), c.size(), polarityZh(c.dominantPolarity())))
                .description(String.join("；", c.reasons()) + "。这些条目已在加权指标中剔除（原始数据保留）。")
                .evidence(ev)
                .dedupWithoutChannels()
                .build();
    }

    private Signal lockstepSignal(LockstepGroup g, List<AnalyzedFeedback> items) {
        List<Channel> channels = items.stream().map(f -> f.item().channel()).distinct().sorted().toList();
        Evidence ev = Evidence.builder()
                .figure("accounts", g.accounts().size())
                .figure("targets", g.targets().size())
                .figure("items", g.itemIds().size())
                .figure("suspiciousAccountShare", g.suspiciousShare())
                .figure("lockstepWindowMinutes", params.lockstepWindow().toMinutes())
                .figure("minTargets", params.lockstepMinTargets())
                .fact("accounts", String.join(",", g.accounts()))
                .fact("targets", String.join(",", g.targets()))
                .itemIds(g.itemIds())
                .build();
        AnalyzedFeedback first = items.stream().min(Comparator.comparing(f -> f.item().createdAt())).orElseThrow();
        return Signal.builder(SignalType.ASTROTURF)
                .severity(Severity.WARNING)
                .week(first.week())
                .channels(channels).subject(g.id())
                .title(String.format("疑似协同账号：%d 个账号在 %d 个目标下 %d 分钟内同步出现", g.accounts().size(),
                        g.targets().size(), params.lockstepWindow().toMinutes()))
                .description(String.format("%d 个账号反复在同一批帖子下 %d 分钟内相继回复（每对账号至少 %d 个共同目标），"
                        + "其中 %.0f%% 为新注册或低粉丝账号。", g.accounts().size(), params.lockstepWindow().toMinutes(),
                        params.lockstepMinTargets(), g.suspiciousShare() * 100))
                .evidence(ev)
                .dedupWithoutChannels()
                .build();
    }

    static String accountOf(AnalyzedFeedback f) {
        String a = f.item().authorId();
        return a == null ? "anonymous:" + f.id() : a;
    }

    private static int maxInWindow(List<AnalyzedFeedback> timeSorted, Duration window) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < timeSorted.size(); end++) {
            Instant limit = timeSorted.get(end).item().createdAt().minus(window);
            while (timeSorted.get(start).item().createdAt().isBefore(limit)) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    private static String topAspect(List<AnalyzedFeedback> group) {
        List<String> aspects = new ArrayList<>();
        for (AnalyzedFeedback f : group) {
            for (OpinionPoint o : f.analysis().opinions()) {
                if (o.aspect() != null) {
                    aspects.add(o.aspect());
                }
            }
        }
        return aspects.isEmpty() ? null : mostCommon(aspects);
    }

    static String mostCommon(List<String> values) {
        Map<String, Integer> counts = new TreeMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static double median(List<Double> v) {
        return v.isEmpty() ? Double.NaN : RobustStats.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String polarityZh(Polarity p) {
        return switch (p) {
            case POSITIVE -> "正面";
            case NEGATIVE -> "负面";
            case NEUTRAL -> "中性";
        };
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return minutes + " 分钟";
        }
        long hours = d.toHours();
        return hours < 72 ? hours + " 小时" : d.toDays() + " 天";
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }

    private static String root(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        parent.put(x, r);
        return r;
    }
}
