package io.koubei.analysis.signals.cocoon;

import io.koubei.analysis.signals.Evidence;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.time.CalendarKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Information cocoon (信息茧房): per channel and per official account per week, CR10, HHI, effective number of
 * voices and top-20 overlap week over week; COCOON when a scope's picture rests on a few accounts (CR10 ≥
 * {@code cr10Alert} or effective voices ≤ {@code maxEffectiveVoices}), CRITICAL when it is the same group as
 * last week.
 *
 * <p>Official-account scopes: replies whose {@code replyTo} is a post by an official account (those posts
 * must be among the items given, any week). Official accounts' own items are never voices.
 *
 * <p>Blind spots: counts who writes, not who reads — an account read by millions and one read by nobody
 * weigh the same (use ENGAGEMENT weighting to approximate); a platform whose API returns only top comments
 * looks concentrated by construction; one person with several accounts counts as several voices.
 */
public final class CocoonDetector {
    private final CocoonParams params;

    public CocoonDetector(CocoonParams params) {
        this.params = params;
    }

    public CocoonDetector() {
        this(CocoonParams.DEFAULTS);
    }

    public CocoonParams params() {
        return params;
    }

    public record Report(List<ScopeConcentration> scopes, List<Signal> signals) {
    }

    /** @param items items of {@code week} and the week before (for overlap), plus the official posts replied to */
    public Report detect(Collection<AnalyzedFeedback> items, String week) {
        String previous = CalendarKeys.shiftWeek(week, -1);
        Map<String, String> officialAuthorOfPost = new HashMap<>();
        for (AnalyzedFeedback f : items) {
            if (f.item().fromOfficialAccount()) {
                officialAuthorOfPost.put(f.id(), f.item().authorId());
                if (f.item().externalId() != null) {
                    officialAuthorOfPost.putIfAbsent(f.item().externalId(), f.item().authorId());
                }
            }
        }
        // scope key → week → account → weight ; and item ids of the current week
        Map<String, Map<String, Map<String, Double>>> weights = new TreeMap<>();
        Map<String, List<String>> ids = new HashMap<>();
        for (AnalyzedFeedback f : items) {
            if (f.item().fromOfficialAccount() || f.item().authorId() == null
                    || !(f.week().equals(week) || f.week().equals(previous))) {
                continue;
            }
            double w = params.weighting() == CocoonParams.Weighting.ITEMS ? 1 : 1 + f.item().interactions().total();
            List<String> scopes = new ArrayList<>();
            scopes.add("CHANNEL\u0000" + f.item().channel().wireName());
            String official = f.item().replyTo() == null ? null : officialAuthorOfPost.get(f.item().replyTo());
            if (official != null) {
                scopes.add("OFFICIAL_ACCOUNT\u0000" + official);
            }
            for (String s : scopes) {
                weights.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(f.week(), k -> new HashMap<>())
                        .merge(f.item().authorId(), w, Double::sum);
                if (f.week().equals(week)) {
                    ids.computeIfAbsent(s, k -> new ArrayList<>()).add(f.id());
                }
            }
        }
        List<ScopeConcentration> scopes = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, Double>>> e : weights.entrySet()) {
            Map<String, Double> now = e.getValue().get(week);
            if (now == null) {
                continue;
            }
            String[] parts = e.getKey().split("\u0000");
            ScopeConcentration.Kind kind = ScopeConcentration.Kind.valueOf(parts[0]);
            Concentration c = VoiceConcentration.of(now);
            Map<String, Double> before = e.getValue().get(previous);
            List<String> topBefore = before == null ? null : VoiceConcentration.of(before).top();
            Double overlap = topBefore == null ? null : VoiceConcentration.overlap(c.top(), topBefore);
            // The accounts that make the concentration: when the rest of the top 20 are one-off voices (ties,
            // drawn differently every week) the top-20 overlap halves although the same ten fans hold the scope.
            Double top10Stay = topBefore == null ? null
                    : VoiceConcentration.overlap(c.top().subList(0, Math.min(10, c.top().size())), topBefore);
            List<String> scopeIds = ids.getOrDefault(e.getKey(), List.of());
            ScopeConcentration sc = new ScopeConcentration(kind, parts[1], week, scopeIds.size(), c, overlap);
            scopes.add(sc);
            boolean concentrated = c.cr10() >= params.cr10Alert() || c.effectiveVoices() <= params.maxEffectiveVoices();
            if (scopeIds.size() >= params.minItems() && c.voices() >= params.minVoices() && concentrated) {
                signals.add(signal(sc, top10Stay, items, scopeIds));
            }
        }
        return new Report(scopes, signals);
    }

    private Signal signal(ScopeConcentration sc, Double top10Stay, Collection<AnalyzedFeedback> items,
            List<String> scopeIds) {
        Concentration c = sc.concentration();
        boolean persistent = sc.overlap() != null && sc.overlap() >= params.persistentOverlap()
                || top10Stay != null && top10Stay >= params.persistentOverlap();
        java.util.Set<String> top10 = new java.util.HashSet<>(c.top().subList(0, Math.min(10, c.top().size())));
        java.util.Set<String> wanted = new java.util.HashSet<>(scopeIds);
        List<String> topItems = items.stream().filter(f -> wanted.contains(f.id()) && top10.contains(f.item().authorId()))
                .map(AnalyzedFeedback::id).toList();
        Channel channel = sc.kind() == ScopeConcentration.Kind.CHANNEL ? Channel.fromWire(sc.scope()).orElse(null)
                : items.stream().filter(f -> wanted.contains(f.id())).map(f -> f.item().channel()).findFirst().orElse(null);
        Evidence ev = Evidence.builder()
                .figure("items", sc.items())
                .figure("voices", c.voices())
                .figure("cr10", c.cr10())
                .figure("hhi", c.hhi())
                .figure("effectiveVoices", c.effectiveVoices())
                .figure("top20OverlapWithPreviousWeek", sc.overlap() == null ? Double.NaN : sc.overlap())
                .figure("top10InPreviousTop20", top10Stay == null ? Double.NaN : top10Stay)
                .figure("cr10Alert", params.cr10Alert())
                .figure("maxEffectiveVoices", params.maxEffectiveVoices())
                .fact("scopeKind", sc.kind())
                .fact("topAccounts", String.join(",", c.top().subList(0, Math.min(10, c.top().size()))))
                .fact("weighting", params.weighting())
                .drillDown("week", sc.week())
                .drillDown(sc.kind() == ScopeConcentration.Kind.CHANNEL ? "channel" : "reply_to_author", sc.scope())
                .itemIds(topItems)
                .build();
        String where = sc.kind() == ScopeConcentration.Kind.CHANNEL ? "渠道 " + sc.scope() : "官方账号 " + sc.scope() + " 下的互动";
        return Signal.builder(SignalType.COCOON)
                .severity(persistent ? Severity.CRITICAL : Severity.WARNING)
                .week(sc.week()).channel(channel)
                .subject(sc.kind() == ScopeConcentration.Kind.CHANNEL ? null : sc.scope())
                .title(String.format("信息茧房：%s 前 10 个账号占 %.0f%%（有效声音 %.1f 个）", where, c.cr10() * 100,
                        c.effectiveVoices()))
                .description(String.format("%s 周 %s 共 %d 条、%d 个账号，CR10=%.0f%%，HHI=%.3f，有效声音数 %.1f%s。"
                        + "这里看到的口碑主要来自少数固定账号，不代表沉默的大多数。", sc.week(), where, sc.items(), c.voices(),
                        c.cr10() * 100, c.hhi(), c.effectiveVoices(),
                        sc.overlap() == null ? "" : String.format("，前 20 账号与上周重合 %.0f%%，前 10 账号中 %.0f%% 上周也在前 20",
                                sc.overlap() * 100, top10Stay * 100)))
                .evidence(ev)
                .build();
    }
}
