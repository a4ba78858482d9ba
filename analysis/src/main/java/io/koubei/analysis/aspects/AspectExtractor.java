package io.koubei.analysis.aspects;

import io.koubei.analysis.sentiment.RuleResult;
import io.koubei.core.privacy.PiiMasker;
import io.koubei.analysis.text.TextNormalizer;
import io.koubei.analysis.text.Token;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opinion points: an aspect named in a clause takes the sentiment cues of that clause that follow it (or,
 * when nothing precedes them, the ones before it: 很好的外观). A sentiment word that names an aspect itself
 * (卡顿, 发烫, 贵) is its own target.
 */
public final class AspectExtractor {
    private final AspectTaxonomy taxonomy;

    public AspectExtractor(AspectTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public AspectTaxonomy taxonomy() {
        return taxonomy;
    }

    /** A mention of a target: token index, the words, and its aspect id (null for a free-form target). */
    private record Mention(int token, String target, String aspect) {
    }

    public List<OpinionPoint> extract(RuleResult r, String text) {
        List<OpinionPoint> out = new ArrayList<>();
        boolean[] hasCue = new boolean[r.clauses().size()];
        for (RuleResult.Cue cue : r.cues()) {
            if (cue.clause() < hasCue.length) {
                hasCue[cue.clause()] = true;
            }
        }
        for (int c = 0; c < r.clauses().size(); c++) {
            if (!hasCue[c]) {
                continue; // no opinion in this clause, so no opinion point
            }
            RuleResult.Clause clause = r.clauses().get(c);
            List<Mention> mentions = mentions(r, clause, -1, -1, null);
            if (mentions.isEmpty()) {
                continue;
            }
            Map<Mention, List<RuleResult.Cue>> assigned = assign(r, c, mentions);
            Map<String, OpinionPoint> byAspect = new LinkedHashMap<>();
            for (var e : assigned.entrySet()) {
                Mention m = e.getKey();
                double sum = 0;
                List<String> words = new ArrayList<>();
                for (RuleResult.Cue cue : e.getValue()) {
                    sum += cue.value();
                    words.add(cue.words());
                }
                Polarity p = polarity(sum);
                if (p == Polarity.NEUTRAL || byAspect.containsKey(m.aspect())) {
                    continue;
                }
                byAspect.put(m.aspect(), new OpinionPoint(m.aspect(), m.target(), p, words, snippet(r, clause, text)));
            }
            out.addAll(byAspect.values());
        }
        return out;
    }

    /**
     * Polarity the text expresses towards a free-form target (which need not be in the taxonomy), or empty
     * when the target is absent or no opinion about it is found. Falls back to the whole text's tone.
     */
    public Optional<Polarity> polarityToward(RuleResult r, String text, String target) {
        String norm = TextNormalizer.normalizeToString(text);
        String t = TextNormalizer.normalizeToString(target.strip());
        int at = norm.indexOf(t);
        if (at < 0 || t.isEmpty()) {
            return Optional.empty();
        }
        int end = at + t.length();
        int tokenIdx = -1;
        for (int i = 0; i < r.tokens().size(); i++) {
            Token tok = r.tokens().get(i);
            if (tok.end() > at && tok.start() < end) {
                tokenIdx = i;
                break;
            }
        }
        if (tokenIdx < 0) {
            return Optional.empty();
        }
        int clauseIdx = -1;
        for (int c = 0; c < r.clauses().size(); c++) {
            RuleResult.Clause cl = r.clauses().get(c);
            if (tokenIdx >= cl.fromToken() && tokenIdx < cl.toToken()) {
                clauseIdx = c;
                break;
            }
        }
        if (clauseIdx >= 0) {
            RuleResult.Clause clause = r.clauses().get(clauseIdx);
            List<Mention> mentions = mentions(r, clause, at, end, new Mention(tokenIdx, target, "target"));
            Map<Mention, List<RuleResult.Cue>> assigned = assign(r, clauseIdx, mentions);
            for (var e : assigned.entrySet()) {
                if (e.getKey().aspect().equals("target")) {
                    Polarity p = polarity(e.getValue().stream().mapToDouble(RuleResult.Cue::value).sum());
                    if (p != Polarity.NEUTRAL) {
                        return Optional.of(p);
                    }
                }
            }
            Polarity clauseTone = polarity(clauseSum(r, clauseIdx));
            if (clauseTone != Polarity.NEUTRAL) {
                return Optional.of(clauseTone);
            }
            if (clauseIdx + 1 < r.clauses().size()
                    && mentions(r, r.clauses().get(clauseIdx + 1), -1, -1, null).isEmpty()) {
                Polarity next = polarity(clauseSum(r, clauseIdx + 1));
                if (next != Polarity.NEUTRAL) {
                    return Optional.of(next);
                }
            }
        }
        // last resort: the text's overall lean, even a slight one (a target named in a text with any opinion)
        double raw = r.raw();
        return raw > 0 ? Optional.of(Polarity.POSITIVE) : raw < 0 ? Optional.of(Polarity.NEGATIVE) : Optional.empty();
    }

    private static double clauseSum(RuleResult r, int clause) {
        double s = 0;
        for (RuleResult.Cue cue : r.cues()) {
            if (cue.clause() == clause) {
                s += cue.value();
            }
        }
        return s;
    }

    private List<Mention> mentions(RuleResult r, RuleResult.Clause clause, int skipFrom, int skipTo, Mention extra) {
        List<Mention> out = new ArrayList<>();
        for (int i = clause.fromToken(); i < clause.toToken() && i < r.tokens().size(); i++) {
            Token tok = r.tokens().get(i);
            if (extra != null && i == extra.token()) {
                out.add(extra);
                continue;
            }
            if (tok.isPunct() || (tok.end() > skipFrom && tok.start() < skipTo)) {
                continue;
            }
            String aspect = tok.kind() == Token.Kind.WORD || tok.kind() == Token.Kind.LATIN ? taxonomy.aspectOfToken(tok.term()) : null;
            if (aspect != null) {
                out.add(new Mention(i, tok.term(), aspect));
            }
        }
        return out;
    }

    /** Each cue of the clause goes to its own mention, else the nearest mention before it, else the nearest after. */
    private static Map<Mention, List<RuleResult.Cue>> assign(RuleResult r, int clause, List<Mention> mentions) {
        Map<Mention, List<RuleResult.Cue>> out = new LinkedHashMap<>();
        int previousCue = -1;
        for (RuleResult.Cue cue : r.cues()) {
            if (cue.clause() != clause) {
                continue;
            }
            Mention best = null;
            Mention own = null;
            for (Mention m : mentions) {
                if (m.token() == cue.token()) {
                    own = m;
                    break;
                }
                if (m.token() < cue.token()) {
                    best = m;
                }
            }
            // 电池不耐用: the cue names an aspect itself (耐用 → quality) but the battery was named just before it
            if (own != null && (best == null || best.token() <= previousCue)) {
                best = own;
            }
            previousCue = cue.token();
            if (best == null) {
                for (Mention m : mentions) {
                    if (m.token() > cue.token()) {
                        best = m;
                        break;
                    }
                }
            }
            if (best != null) {
                out.computeIfAbsent(best, k -> new ArrayList<>()).add(cue);
            }
        }
        return out;
    }

    private static Polarity polarity(double sum) {
        return sum > 0.05 ? Polarity.POSITIVE : sum < -0.05 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
    }

    private static String snippet(RuleResult r, RuleResult.Clause clause, String text) {
        List<Token> tokens = r.tokens();
        if (clause.fromToken() >= tokens.size() || clause.toToken() <= clause.fromToken()) {
            return "";
        }
        int from = tokens.get(clause.fromToken()).start();
        int to = tokens.get(Math.min(clause.toToken(), tokens.size()) - 1).end();
        return PiiMasker.mask(text.substring(from, Math.min(to, text.length())));
    }
}
