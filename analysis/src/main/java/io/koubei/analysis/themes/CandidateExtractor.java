package io.koubei.analysis.themes;

import io.koubei.analysis.sentiment.RuleResult;
import io.koubei.analysis.text.Token;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opinion targets without a taxonomy: in each clause that carries an opinion cue, the run of content words just
 * before the clause's strongest cue (对焦/速度 很快, 指纹/解锁 老是失败), skipping degree words and negators between them; when nothing
 * precedes the cue, the run just after it (很好的 外观). Words the rules read as sentiment, stop-words and product
 * names never belong to a target. At most {@link #MAX_WORDS} words, so a target stays a phrase, not a sentence.
 */
public final class CandidateExtractor {
    static final int MAX_WORDS = 3;
    /** Glue between a target and its opinion that is neither a degree word nor a negator in the lexicon. */
    private static final Set<String> GLUE = Set.of(
            "的", "了", "也", "都", "还", "就", "又", "是", "有", "真", "挺", "蛮", "比较", "有点", "有些", "实在", "确实", "真的", "简直",
            "总是", "经常", "老是", "一直", "还是", "依然", "仍然", "又是", "得", "地", "着", "过", "啊", "呀", "吧", "呢", "嘛", "会", "能",
            "就是", "这么", "那么", "如此", "特别", "相当", "老", "总", "频繁", "偶尔", "时不时", "动不动", "容易", "突然", "感觉", "觉得", "显得",
            "起来", "看起来", "用起来", "相对", "相对来说", "依旧", "一向", "似乎", "好像", "给人", "让人", "令人", "也是", "都是", "还算", "算是");
    /** Nouns after a problem word that make it a target (紫边现象, 噪点问题). */
    private static final Set<String> PROBLEM_NOUNS = Set.of("现象", "问题", "情况");

    private final ThemeStopWords stopWords;

    public CandidateExtractor(ThemeStopWords stopWords) {
        this.stopWords = stopWords;
    }

    public ThemeStopWords stopWords() {
        return stopWords;
    }

    public List<ThemeCandidate> extract(RuleResult r, String text) {
        List<ThemeCandidate> out = new ArrayList<>();
        List<Token> tokens = r.tokens();
        Units units = units(tokens);
        for (int c = 0; c < r.clauses().size(); c++) {
            RuleResult.Clause clause = r.clauses().get(c);
            int anchor = -1;
            RuleResult.Cue strongest = null;
            double sum = 0;
            List<String> opinionWords = new ArrayList<>();
            for (RuleResult.Cue cue : r.cues()) {
                if (cue.clause() == c) {
                    // the strongest cue anchors the target (升级以后指纹解锁老是失败: 失败, not 升级)
                    if (strongest == null || Math.abs(cue.value()) > Math.abs(strongest.value())) {
                        anchor = cue.token();
                        strongest = cue;
                    }
                    sum += cue.value();
                    opinionWords.add(cue.words());
                }
            }
            if (anchor < 0 || Math.abs(sum) <= 0.05) {
                continue;
            }
            Polarity polarity = sum > 0 ? Polarity.POSITIVE : Polarity.NEGATIVE;
            int from = Math.max(clause.fromToken(), 0);
            int to = Math.min(clause.toToken(), tokens.size());
            List<String> words = attributeNoun(strongest, tokens, from, to);
            if (words.isEmpty()) {
                words = problemNoun(tokens, anchor, to);
            }
            if (words.isEmpty()) {
                words = before(tokens, units, from, anchor);
            }
            if (words.isEmpty()) {
                words = after(tokens, units, anchor, to);
            }
            if (words.isEmpty()) {
                words = compoundCue(tokens.get(anchor));
            }
            if (words.isEmpty()) {
                continue;
            }
            String quote = sentence(text, tokens.get(Math.min(anchor, tokens.size() - 1)).start());
            out.add(new ThemeCandidate(String.join("", words), words, polarity, opinionWords, quote));
        }
        return out;
    }

    private List<String> before(List<Token> tokens, Units units, int from, int cue) {
        int i = cue - 1;
        while (i >= from && isGlue(tokens.get(i))) {
            i--;
        }
        List<String> run = new ArrayList<>();
        while (i >= from && run.size() < MAX_WORDS) {
            String w = units.word[i] != null ? units.word[i] : isContent(tokens.get(i)) ? tokens.get(i).term() : null;
            if (w == null || units.start[i] < from || !stopWords.allowed(w)) {
                break;
            }
            run.add(0, w);
            i = units.start[i] - 1;
        }
        return run;
    }

    private List<String> after(List<Token> tokens, Units units, int cue, int to) {
        int i = cue + 1;
        while (i < to && isGlue(tokens.get(i))) {
            i++;
        }
        List<String> run = new ArrayList<>();
        while (i < to && run.size() < MAX_WORDS) {
            String w = units.word[i] != null ? units.word[i] : isContent(tokens.get(i)) ? tokens.get(i).term() : null;
            if (w == null || units.end[i] > to || !stopWords.allowed(w)) {
                break;
            }
            run.add(w);
            i = units.end[i];
            // 先进成熟的 物理防抖技术: a modifier joined by 的 before the noun it describes
            if (run.size() <= MAX_WORDS && i + 1 < to && tokens.get(i).term().equals("的")) {
                run.clear();
                i++;
            }
        }
        // 很明显的 噪点 现象: a problem word that is itself a cue, named as a thing
        if (run.isEmpty() && i + 1 < to && PROBLEM_NOUNS.contains(tokens.get(i + 1).term())
                && tokens.get(i).term().length() >= 2 && tokens.get(i).kind() == Token.Kind.WORD) {
            run.add(tokens.get(i).term());
            run.add(tokens.get(i + 1).term());
        }
        return run;
    }

    /** 噪点比较多, 舒适性强: the rules read the noun into the cue (比较+噪点+多); the noun is the target. */
    private List<String> attributeNoun(RuleResult.Cue cue, List<Token> tokens, int from, int to) {
        String[] parts = cue.words().split("\\+");
        if (parts.length < 2) {
            return List.of();
        }
        for (String part : parts) {
            String p = part.strip();
            if (p.length() < 2 || stopWords.isModifier(p) || stopWords.isStopWord(p)) {
                continue;
            }
            for (int i = from; i < to; i++) {
                if (i != cue.token() && tokens.get(i).term().equals(p)) {
                    return List.of(p);
                }
            }
        }
        return List.of();
    }

    /** 紫边现象, 噪点问题: the clause's strongest cue is a problem word followed by 现象/问题. */
    private static List<String> problemNoun(List<Token> tokens, int cue, int to) {
        Token t = tokens.get(cue);
        if (cue + 1 < to && t.kind() == Token.Kind.WORD && t.term().length() >= 2 && PROBLEM_NOUNS.contains(tokens.get(cue + 1).term())) {
            return List.of(t.term(), tokens.get(cue + 1).term());
        }
        return List.of();
    }

    /** One-character judgements the segmenter glues to the noun before them (加速快, 屏幕亮, 机身烫). */
    private static final Set<String> GLUED_JUDGEMENTS = Set.of("快", "慢", "好", "差", "高", "低", "大", "小", "强", "弱",
            "贵", "多", "少", "稳", "准", "亮", "暗", "硬", "软", "重", "轻", "烫", "热", "卡", "短", "长");

    /** 加速快, 屏幕亮: a cue the segmenter kept with its noun; the noun is everything before the one-character judgement. */
    private List<String> compoundCue(Token t) {
        String term = t.term();
        if (t.kind() != Token.Kind.WORD || term.length() < 3 || !GLUED_JUDGEMENTS.contains(term.substring(term.length() - 1))) {
            return List.of();
        }
        String head = term.substring(0, term.length() - 1);
        return stopWords.allowed(head) ? List.of(head) : List.of();
    }

    /** Tokens grouped into words: a run of single characters is one word (see {@link #units}). */
    static final class Units {
        final String[] word;
        final int[] start;
        final int[] end;

        Units(int n) {
            word = new String[n];
            start = new int[n];
            end = new int[n];
            for (int i = 0; i < n; i++) {
                start[i] = i;
                end[i] = i + 1;
            }
        }
    }

    /**
     * SmartCN cuts words it does not know into single characters (内/饰, 操/控/性): a run of two or more single
     * characters that are neither glue, sentiment words nor stop-words reads as one word.
     */
    Units units(List<Token> tokens) {
        Units u = new Units(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && isSingle(tokens.get(j))) {
                j++;
            }
            if (j - i >= 2) {
                StringBuilder w = new StringBuilder();
                for (int k = i; k < j; k++) {
                    w.append(tokens.get(k).term());
                }
                for (int k = i; k < j; k++) {
                    u.word[k] = w.toString();
                    u.start[k] = i;
                    u.end[k] = j;
                }
            }
            i = Math.max(j, i + 1);
        }
        return u;
    }

    private boolean isSingle(Token t) {
        String term = t.term();
        return t.kind() == Token.Kind.WORD && term.length() == 1 && !GLUE.contains(term) && !stopWords.isModifier(term)
                && !stopWords.isStopWord(term) && stopWords.isPlain(term);
    }

    /** The words of a free-form target with the same joining of single characters as {@link #extract}. */
    public List<String> targetWords(List<Token> tokens) {
        Units units = units(tokens);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i = units.end[i]) {
            if (units.word[i] != null) {
                out.add(units.word[i]);
            } else if (!tokens.get(i).isPunct()) {
                out.add(tokens.get(i).term());
            }
        }
        return out;
    }

    private boolean isGlue(Token t) {
        return !t.isPunct() && (GLUE.contains(t.term()) || stopWords.isModifier(t.term()));
    }

    private boolean isContent(Token t) {
        return (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.LATIN) && stopWords.allowed(t.term());
    }

    /** The sentence around a char offset (up to 。！？!?… or a line break), at most 200 chars; not masked yet (see {@link ThemeDiscovery}). */
    static String sentence(String text, int at) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int p = Math.min(Math.max(at, 0), text.length() - 1);
        int from = p;
        while (from > 0 && !isSentenceEnd(text.charAt(from - 1))) {
            from--;
        }
        int to = p;
        while (to < text.length() && !isSentenceEnd(text.charAt(to))) {
            to++;
        }
        if (to < text.length()) {
            to++;
        }
        String s = text.substring(from, to).strip();
        if (s.length() > 200) {
            int start = Math.max(0, Math.min(p - from - 100, s.length() - 200));
            s = s.substring(start, start + 200);
        }
        return s;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n' || c == '…' || c == '；' || c == ';';
    }
}
