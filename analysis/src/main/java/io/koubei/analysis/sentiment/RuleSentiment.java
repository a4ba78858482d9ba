package io.koubei.analysis.sentiment;

import io.koubei.analysis.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in sentiment model: lexicon words modified by negation (不好用), degree (很/有点), contrast
 * (但是 weights the later clause up, the earlier down; 虽然 weights its clause down), questions (damped),
 * exclamations and emoticons. Needs no training. Stateless and thread-safe.
 */
public final class RuleSentiment {
    /** How far (in tokens) a negator or degree word reaches forward within its clause. */
    private static final int NEGATION_REACH = 4;
    private static final int DEGREE_REACH = 3;
    /** A negated action with no evaluative word after it (没送, 不能吃, 没有配醋) is usually a complaint. */
    private static final double NEGATED_EVENT = -0.5;
    private static final double QUESTION_WEIGHT = 0.3;
    /** 太油了, 太咸了: "too much" of something the lexicon does not know is a complaint. */
    private static final double EXCESS = -0.8;
    /** 快点就更好了: praise inside a wish says what is missing. */
    private static final double WISH_FLIP = -0.4;
    /** 更大, 更高 with no attribute named: a mild improvement. */
    private static final double COMPARISON = 0.5;
    /** 超“丰富”: praise in quotes is usually ironic. */
    private static final double QUOTED_PRAISE = -0.6;
    private static final double EXCLAMATION_WEIGHT = 1.2;

    private final SentimentLexicon lexicon;

    public RuleSentiment(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public SentimentLexicon lexicon() {
        return lexicon;
    }

    public RuleResult analyze(List<Token> tokens) {
        return new Pass(tokens).run();
    }

    /** One pass over one text (mutable state lives here, not in the shared model). */
    private final class Pass {
        final List<Token> tokens;
        final List<RuleResult.Clause> clauses = new ArrayList<>();
        final List<RuleResult.Cue> cues = new ArrayList<>();
        final List<String> rules = new ArrayList<>();
        final List<Double> clauseWeights = new ArrayList<>();
        int clauseFrom = 0;
        double clauseWeight = 1.0;
        int sentenceFirstClause = 0;
        int negatorAt = -1;
        int negations = 0;
        String negatorWords = "";
        int degreeAt = -1;
        double degree = 1.0;
        String degreeWords = "";
        boolean degreeAfterNegator;
        boolean negatorConsumed;
        boolean negatedEventSeen;
        int attributeAt = -1;
        int excessAt = -1;
        int attributeSign;
        /** An attribute that is also a sentiment word on its own (耗电, 噪音): its weight counts unless a quantity follows. */
        Double attributeWeight;
        String attributeWord = "";

        Pass(List<Token> tokens) {
            this.tokens = tokens;
        }

        RuleResult run() {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.isPunct()) {
                    punctuation(i, t.term());
                    continue;
                }
                word(i, t);
            }
            closeClause(tokens.size(), "");
            List<RuleResult.Clause> weighted = new ArrayList<>();
            for (int c = 0; c < clauses.size(); c++) {
                RuleResult.Clause cl = clauses.get(c);
                weighted.add(new RuleResult.Clause(cl.fromToken(), cl.toToken(), clauseWeights.get(c)));
            }
            double raw = 0;
            for (RuleResult.Cue cue : cues) {
                raw += cue.value() * clauseWeights.get(cue.clause());
            }
            return new RuleResult(tokens, weighted, cues, rules, raw);
        }

        void punctuation(int i, String p) {
            if (p.equals("、") || p.equals("\"") || p.equals("“") || p.equals("”") || p.equals("'")) {
                return;
            }
            if (p.equals(" ") && (latinAt(i - 1) || latinAt(i + 1))) {
                return;
            }
            // a run of punctuation ends a clause once, and the strongest mark decides its tone
            int j = i;
            StringBuilder marks = new StringBuilder();
            while (j < tokens.size() && tokens.get(j).isPunct()) {
                marks.append(tokens.get(j).term());
                j++;
            }
            if (i > 0 && tokens.get(i - 1).isPunct()) {
                return;
            }
            closeClause(i, marks.toString());
        }

        void closeClause(int end, String marks) {
            negatedEvent();
            pendingAttributeWeight();
            wish(end);
            if (end > clauseFrom) {
                double w = clauseWeight;
                boolean question = marks.contains("?") || endsWithQuestionParticle(end);
                if (question && hasCueSince(clauseFrom)) {
                    w *= QUESTION_WEIGHT;
                    rules.add("?: question, clause ×" + QUESTION_WEIGHT);
                } else if (marks.contains("!")) {
                    w *= EXCLAMATION_WEIGHT;
                }
                clauses.add(new RuleResult.Clause(clauseFrom, end, w));
                clauseWeights.add(w);
            }
            if (marks.contains("。") || marks.contains(".") || marks.contains("!") || marks.contains("?") || marks.contains("\n")) {
                sentenceFirstClause = clauses.size();
            }
            clauseFrom = end + 1;
            clauseWeight = 1.0;
            resetModifiers();
            attributeAt = -1;
            excessAt = -1;
        }

        /** 就好了 / 就更好了 / 就完美了 closing a clause: its praise is a wish, read as a mild complaint. */
        void wish(int end) {
            boolean found = false;
            for (int k = clauseFrom; k < end - 1 && !found; k++) {
                if (tokens.get(k).term().equals("就")) {
                    int j = k + 1;
                    if (tokens.get(j).term().equals("更") && j + 1 < end) {
                        j++;
                    }
                    String w = tokens.get(j).term();
                    found = (w.equals("好") || w.equals("好了") || w.equals("完美") || w.equals("更好"))
                            && (j + 1 >= end || isParticle(tokens.get(j + 1).term()) || w.endsWith("了"));
                }
            }
            if (!found) {
                return;
            }
            int clause = clauses.size();
            boolean flipped = false;
            for (int c = 0; c < cues.size(); c++) {
                RuleResult.Cue cue = cues.get(c);
                if (cue.clause() == clause && cue.value() > 0) {
                    cues.set(c, new RuleResult.Cue(cue.token(), clause, cue.words() + " (wish)", WISH_FLIP * cue.value(), "wish"));
                    flipped = true;
                }
            }
            if (flipped) {
                rules.add("就…好了: wish, praise read as what is missing ×" + WISH_FLIP);
            }
        }

        boolean isParticle(String term) {
            return term.equals("了") || term.equals("啦") || term.equals("呀") || term.equals("哦") || term.equals("啊");
        }

        /** 太 + a word the lexicon does not know + 了 (太油了): a complaint about too much of it. */
        void excess(int i, String term) {
            if (excessAt >= 0 && i - excessAt <= 3 && (term.equals("了") || term.equals("啦") || term.startsWith("了"))) {
                cues.add(new RuleResult.Cue(i, clauses.size(), "太…了 (too much)", EXCESS, "excess"));
                excessAt = -1;
            }
        }

        boolean endsWithQuestionParticle(int end) {
            for (int k = end - 1; k >= clauseFrom && k >= 0; k--) {
                Token t = tokens.get(k);
                if (!t.isPunct()) {
                    String term = t.term();
                    return term.endsWith("吗") || term.equals("么");
                }
            }
            return false;
        }

        /** A Latin run, or a dictionary word that is one ("not good", "highly recommend"): spaces between them are not breaks. */
        boolean latinAt(int k) {
            if (k < 0 || k >= tokens.size()) {
                return false;
            }
            Token t = tokens.get(k);
            if (t.kind() == Token.Kind.LATIN) {
                return true;
            }
            String term = t.term();
            return t.kind() == Token.Kind.WORD && !term.isEmpty() && isAsciiAlnum(term.charAt(0)) && isAsciiAlnum(term.charAt(term.length() - 1));
        }

        boolean isAsciiAlnum(char c) {
            return c < 0x80 && Character.isLetterOrDigit(c);
        }

        boolean hasCueSince(int from) {
            return !cues.isEmpty() && cues.get(cues.size() - 1).token() >= from;
        }

        /** Called before modifiers are dropped: a negator that found no sentiment word marks a negated event. */
        void negatedEvent() {
            // one per text: a short complaint is often just "没送X"; a long review lists such details in passing
            if (!negatedEventSeen && negatorAt >= 0 && negatorAt + 1 < tokens.size() && negations % 2 == 1 && !negatorConsumed) {
                Token next = tokens.get(negatorAt + 1);
                if (!next.isPunct() && next.kind() == Token.Kind.WORD) {
                    cues.add(new RuleResult.Cue(negatorAt, clauseIndexOf(negatorAt), negatorWords + "+" + next.term() + " (negated event)", NEGATED_EVENT, "negated-event"));
                    negatedEventSeen = true;
                }
            }
            negatorConsumed = false;
        }

        int clauseIndexOf(int token) {
            return token >= clauseFrom ? clauses.size() : Math.max(0, clauses.size() - 1);
        }

        void resetModifiers() {
            negatorAt = -1;
            negations = 0;
            negatorWords = "";
            degreeAt = -1;
            degree = 1.0;
            degreeWords = "";
            degreeAfterNegator = false;
        }

        void word(int i, Token t) {
            String term = t.term();
            if (t.kind() == Token.Kind.EMOTICON || t.kind() == Token.Kind.EMOJI) {
                Double w = lexicon.emoticon(term);
                if (w == null && t.kind() == Token.Kind.EMOTICON) {
                    w = lexicon.weight(term.substring(1, term.length() - 1));
                }
                if (w != null && w != 0) {
                    cue(i, term, w, "emoticon");
                }
                return;
            }
            SentimentLexicon.Entry e = lexicon.entry(term);
            if (e == null) {
                if (term.equals("过")) {
                    // 时间过长: too long; but after a one-character verb it is an aspect particle (去过大城市)
                    excessAt = i > 0 && tokens.get(i - 1).term().length() >= 2 ? i : -1;
                    return;
                }
                excess(i, term);
                if (!quantityOfAttribute(i, term) && !excessiveQuantity(i, term) && !comparativeQuantity(i, term)) {
                    decomposed(i, term);
                }
                return;
            }
            if (e.contrast() != null) {
                contrast(i, term, e.contrast());
                return;
            }
            if (attributeAt >= 0 && lexicon.quantity(term) != null && quantityOfAttribute(i, term)) {
                return; // 强度不够, 续航不足: a quantity word that is also a negator or sentiment word
            }
            if (e.negator()) {
                negator(i, term);
                return;
            }
            if (e.attribute() != null) {
                Integer before = i > 0 ? lexicon.quantity(tokens.get(i - 1).term()) : null;
                if (before != null) { // 大屏幕, 长续航
                    cue(i, tokens.get(i - 1).term() + "+" + term, 1.2 * before * e.attribute(), "attribute");
                    return;
                }
                pendingAttributeWeight();
                attributeAt = i;
                attributeSign = e.attribute();
                attributeWord = term;
                attributeWeight = e.weight();
                return;
            }
            if (quantityOfAttribute(i, term)) {
                return;
            }
            Double deg = e.degree();
            if (deg != null && (e.weight() == null || nextIsSentimentWord(i))) {
                if (term.startsWith("不") || term.startsWith("没")) {
                    negator(i, term); // 不太 = negation, softened
                }
                degree(i, term, deg);
                return;
            }
            if (e.weight() != null) {
                sentimentWord(i, term, e.weight());
            }
            // a known word without weight (a protective entry such as 还没用) is whole: no decomposition
        }

        void pendingAttributeWeight() {
            if (attributeAt >= 0 && attributeWeight != null) {
                cues.add(new RuleResult.Cue(attributeAt, clauseIndexOf(attributeAt), attributeWord, attributeWeight, "word"));
            }
            attributeWeight = null;
        }

        /** 更大, 更强 without an attribute: a comparison in a product description is mostly an improvement. */
        boolean comparativeQuantity(int i, String term) {
            Integer q = lexicon.quantity(term);
            if (q == null || degreeAt != i - 1 || !(degreeWords.endsWith("更") || degreeWords.endsWith("更加"))) {
                return false;
            }
            sentimentWord(i, term + " (comparison)", COMPARISON * q / degree);
            return true;
        }

        /** 太大, 过长, 过于复杂 without an attribute before it: too much of something is a complaint. */
        boolean excessiveQuantity(int i, String term) {
            if (term.length() == 2 && term.charAt(0) == '过' && lexicon.quantity(term.substring(1)) != null) {
                cues.add(new RuleResult.Cue(i, clauses.size(), term + " (too much)", EXCESS, "excess"));
                return true;
            }
            if (excessAt >= 0 && i - excessAt == 1 && lexicon.quantity(term) != null) {
                cues.add(new RuleResult.Cue(i, clauses.size(), tokens.get(excessAt).term() + "+" + term + " (too much)", EXCESS, "excess"));
                excessAt = -1;
                resetModifiers();
                return true;
            }
            return false;
        }

        /** 三百多, 两个多: a quantity word right after a number is an approximation, not "high". */
        boolean afterNumber(int i) {
            if (i == 0) {
                return false;
            }
            String prev = tokens.get(i - 1).term();
            char last = prev.isEmpty() ? ' ' : prev.charAt(prev.length() - 1);
            return Character.isDigit(last) || "一二两三四五六七八九十百千万几个".indexOf(last) >= 0;
        }

        /** 油耗高 is bad and 性价比高 good: a quantity adjective takes its sign from the attribute before it. */
        boolean quantityOfAttribute(int i, String term) {
            if (attributeAt < 0 || i - attributeAt > NEGATION_REACH + 1) {
                return false;
            }
            Integer q = lexicon.quantity(term);
            String head = "";
            if (q == null && term.length() >= 2) {
                String last = term.substring(term.length() - 1);
                head = term.substring(0, term.length() - 1);
                q = lexicon.quantity(last);
                if (q == null || (lexicon.degree(head) == null && !lexicon.isNegator(head))) {
                    return false;
                }
                if (lexicon.isNegator(head)) {
                    negator(i, head);
                } else {
                    degree(i, head, lexicon.degree(head));
                }
                term = last;
            }
            if (q == null || afterNumber(i)) {
                return false;
            }
            sentimentWord(i, attributeWord + "+" + term, 1.2 * q * attributeSign);
            attributeAt = -1;
            attributeWeight = null;
            return true;
        }

        /** SmartCN sometimes glues a modifier to a sentiment word (太脏, 不香): read them apart. */
        void decomposed(int i, String term) {
            int len = term.length();
            if (len < 2 || len > 4) {
                return;
            }
            if (term.charAt(0) == '太' && lexicon.weight(term.substring(1)) == null) {
                excessAt = i; // 太油 + 了
            }
            for (int k = 1; k < len; k++) {
                String head = term.substring(0, k);
                String rest = term.substring(k);
                Double w = lexicon.weight(rest);
                if (w == null) {
                    continue;
                }
                if (lexicon.isNegator(head)) {
                    negator(i, head);
                    sentimentWord(i, rest, w);
                    return;
                }
                Double deg = lexicon.degree(head);
                if (deg != null) {
                    degree(i, head, deg);
                    sentimentWord(i, rest, w);
                    return;
                }
            }
        }

        boolean nextIsSentimentWord(int i) {
            return i + 1 < tokens.size() && !tokens.get(i + 1).isPunct() && lexicon.weight(tokens.get(i + 1).term()) != null;
        }

        void contrast(int i, String term, SentimentLexicon.Contrast c) {
            if (c.kind() == SentimentLexicon.ContrastKind.AFTER) {
                closeClause(i, "");
                for (int k = sentenceFirstClause; k < clauseWeights.size(); k++) {
                    clauseWeights.set(k, clauseWeights.get(k) * c.earlier());
                }
                clauseWeight = c.weight();
                rules.add(term + ": later clause ×" + fmt(c.weight()) + ", earlier ×" + fmt(c.earlier()));
            } else {
                clauseWeight *= c.weight();
                rules.add(term + ": conceded clause ×" + fmt(c.weight()));
            }
        }

        void negator(int i, String term) {
            if (negatorAt >= 0 && i - negatorAt <= NEGATION_REACH) {
                negations++;
                negatorWords += term;
            } else {
                negatedEvent();
                negations = 1;
                negatorWords = term;
            }
            negatorAt = i;
        }

        void degree(int i, String term, double value) {
            if (term.equals("太") || term.equals("过于") || term.equals("太过") || term.equals("过")) {
                excessAt = negatorAt >= 0 && i - negatorAt <= NEGATION_REACH ? -1 : i; // 不太 is a softener, not excess
            }
            degreeAfterNegator = negatorAt >= 0 && i - negatorAt <= NEGATION_REACH;
            if (degreeAt >= 0 && i - degreeAt <= DEGREE_REACH) {
                degree *= value;
                degreeWords += term;
            } else {
                degree = value;
                degreeWords = term;
            }
            degreeAt = i;
        }

        void sentimentWord(int i, String term, double w) {
            excessAt = -1;
            attributeWeight = null; // 对噪点的控制较为理想: the attribute is judged by this word, not by itself
            if (w > 0 && quoted(i)) {
                cue(i, "“" + term + "” (quoted praise)", QUOTED_PRAISE * w, "quoted");
                resetModifiers();
                return;
            }
            double v = w;
            StringBuilder words = new StringBuilder();
            boolean negated = negatorAt >= 0 && i - negatorAt <= NEGATION_REACH && negations % 2 == 1;
            boolean degreed = degreeAt >= 0 && i - degreeAt <= DEGREE_REACH;
            if (degreed && !(negated && degreeAfterNegator)) {
                v *= degree;
            }
            if (negated) {
                words.append(negatorWords).append('+');
                // 不好 is plainly negative; 不差 only mildly positive; 不太好 (negator before degree) is softened
                double flip = w > 0 ? 0.9 : 0.5;
                if (degreed && degreeAfterNegator) {
                    flip *= 0.6;
                }
                v = -v * flip;
            }
            if (degreed) {
                words.append(degreeWords).append('+');
            }
            words.append(term);
            cue(i, words.toString(), v, negated ? "negation" : degreed ? "degree" : "word");
            negatorConsumed = negatorAt >= 0;
            resetModifiers();
            negatorConsumed = false;
        }

        /** The word stands alone between quotes: “丰富”. */
        boolean quoted(int i) {
            if (i == 0 || i + 1 >= tokens.size()) {
                return false;
            }
            String before = tokens.get(i - 1).term();
            String after = tokens.get(i + 1).term();
            return (before.equals("“") && after.equals("”")) || (before.equals("\"") && after.equals("\""))
                    || (before.equals("「") && after.equals("」"));
        }

        void cue(int i, String words, double value, String rule) {
            cues.add(new RuleResult.Cue(i, clauses.size(), words, value, rule));
        }
    }

    /** One decimal, as %.1f would print it for these small positive weights (String.format is a hot spot here). */
    static String fmt(double d) {
        return Double.toString(Math.round(d * 10) / 10.0);
    }
}
