package io.koubei.analysis;

import io.koubei.analysis.text.SmartCnSegmenter;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Version 0: SmartCN tokens and a small polarity lexicon. Replaced by the full analysis stage. */
public final class BuiltInAnalyzer implements FeedbackAnalyzer {
    private static final Set<String> POSITIVE = Set.of("好", "满意", "喜欢", "推荐", "流畅", "不错", "棒", "快", "清晰", "值");
    private static final Set<String> NEGATIVE = Set.of("差", "慢", "卡", "失望", "后悔", "退货", "垃圾", "烫", "问题", "坏");

    private final SmartCnSegmenter segmenter = new SmartCnSegmenter();

    @Override
    public Analysis analyze(FeedbackItem item) {
        List<String> tokens = segment(item.title() == null ? item.text() : item.title() + " " + item.text());
        int score = 0;
        List<String> why = new ArrayList<>();
        for (String t : tokens) {
            if (POSITIVE.contains(t)) {
                score++;
                why.add("+" + t);
            } else if (NEGATIVE.contains(t)) {
                score--;
                why.add("-" + t);
            }
        }
        double s = Math.max(-1, Math.min(1, score / 3.0));
        Polarity p = score > 0 ? Polarity.POSITIVE : score < 0 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        NpsClass nps = item.rating() == null ? null : item.rating().npsClass();
        return new Analysis(tokens, new Sentiment(p, s, why), List.of(), nps, null, 0L, Set.of(), version());
    }

    @Override
    public List<String> segment(String text) {
        return segmenter.segment(text);
    }

    @Override
    public String version() {
        return "builtin-v0";
    }
}
