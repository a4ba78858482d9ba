package io.koubei.core.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one item says about its author for the core-user rules, beyond the item's own fields: whether it uses a
 * technical term (case-insensitive substring of title + text) and whether it marks beta participation (a tag, or a
 * field whose value is yes/y/true/1/是). The one definition both the item-list profiles and the stores' indexed marks
 * use.
 *
 * <p>Stores index each item's marks under {@link #DEFAULT} when the item is upserted (the analysis path's write),
 * together with {@link #key()}; per-author figures asked for under other marks count those items as unmarked, and
 * the caller computes their marks from the items themselves.
 */
public record AuthorMarks(Set<String> technicalVocabulary, Set<String> betaTags, Set<String> betaFields) {

    public static final Set<String> DEFAULT_VOCABULARY = Set.of("功耗", "耗电", "待机", "帧率", "掉帧", "刷新率",
            "基带", "内核", "刷机", "固件", "版本号", "温控", "降频", "调度", "息屏", "驱动", "日志", "跑分", "开发者选项",
            "ota", "beta", "内测", "bug", "复现", "抓日志", "后台", "省电策略", "屏幕色准", "pwm", "调光", "cpu", "gpu",
            "内存", "rom", "5g", "信号格", "wifi", "蓝牙", "编码", "hdr");

    public static final AuthorMarks DEFAULT = new AuthorMarks(DEFAULT_VOCABULARY,
            Set.of("beta", "内测", "公测", "内测组", "beta-tester"), Set.of("beta", "beta_program"));

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "是");

    public AuthorMarks {
        technicalVocabulary = lower(technicalVocabulary);
        betaTags = lower(betaTags);
        betaFields = betaFields == null ? Set.of() : Set.copyOf(betaFields);
    }

    /** Title and text, lower-cased, contain at least one technical term. */
    public boolean technical(FeedbackItem item) {
        String text = ((item.title() == null ? "" : item.title() + " ") + item.text()).toLowerCase(Locale.ROOT);
        for (String term : technicalVocabulary) {
            if (text.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** A beta tag (case-insensitive) or a beta field saying yes. */
    public boolean beta(FeedbackItem item) {
        return item.tags().stream().anyMatch(t -> betaTags.contains(t.toLowerCase(Locale.ROOT)))
                || betaFields.stream().anyMatch(k -> isYes(item.fields().get(k)));
    }

    /** A short fingerprint of these marks: items indexed under the same key carry marks valid for them. */
    public String key() {
        String canonical = new TreeSet<>(technicalVocabulary) + "|" + new TreeSet<>(betaTags) + "|"
                + new TreeSet<>(betaFields);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isYes(String v) {
        return v != null && YES.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    private static Set<String> lower(Set<String> s) {
        return s == null ? Set.of() : s.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
