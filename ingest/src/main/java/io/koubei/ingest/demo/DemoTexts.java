package io.koubei.ingest.demo;

import io.koubei.core.feedback.Polarity;
import java.util.List;
import java.util.Random;

/**
 * Composes feedback texts from the project's own templates and {@link DemoAspect} vocabulary: degree words,
 * negation ("一点也不差" is praise, "不太给力" a complaint), contrast ("…，但是…" — the clause after 但是 carries
 * the verdict), emoji and Weibo emoticons, some English and mixed text. The polarity asked for is the polarity of
 * the text; the aspect asked for is always named by one of its nouns (except in English texts).
 */
final class DemoTexts {
    private static final List<String> STRONG = List.of("非常", "特别", "真的", "超级", "相当", "很", "挺");
    private static final List<String> MILD = List.of("有点", "稍微有点", "略", "比较");
    private static final List<String> NEGATORS = List.of("一点也不", "并不", "完全不", "没那么");
    private static final List<String> WEAK_NEGATORS = List.of("不太", "不够", "一点都不", "没有想象中");

    private static final List<String> MASS_OPENERS = List.of("", "", "", "用了一周了，", "刚入手，", "说实话，",
            "给大家说一下，", "家人们，", "用了半个月，", "换机第三天，", "女朋友送的，", "给爸妈买的，");
    private static final List<String> CORE_OPENERS = List.of("", "作为从一代用过来的老粉，", "刷了新版本测了三天，",
            "内测组的老用户了，", "连续用了两周做了记录，", "对比了几台机器，", "开发者选项里看了下，");
    private static final List<String> POS_CLOSERS = List.of("", "", "推荐！", "值得买。", "很满意。", "五星好评！",
            "闭眼入。", "没后悔。", "yyds", "总体很满意");
    private static final List<String> NEG_CLOSERS = List.of("", "", "失望。", "希望尽快修复。", "有点后悔了。",
            "考虑退货了。", "无语。", "能不能上点心？", "再这样就换机了");
    private static final List<String> NEUTRAL_CLOSERS = List.of("", "求解答", "谢谢！", "有懂的吗？", "蹲一个回复");
    private static final List<String> POS_EMOJI = List.of("[哈哈]", "[赞]", "[给力]", "[心]", "👍", "😄", "🎉", "[good]");
    private static final List<String> NEG_EMOJI = List.of("[怒]", "[衰]", "[泪]", "[抓狂]", "😡", "😭", "💢", "[允悲]");
    private static final List<String> NEUTRAL_EMOJI = List.of("[思考]", "[doge]", "🤔", "[吃瓜]");
    private static final List<String> MIXED_POS = List.of("真的amazing", "nice", "体验很OK", "绝对的top级");
    private static final List<String> MIXED_NEG = List.of("真的很bad", "体验很emo", "简直是bug", "一言难尽，so sad");

    private final String productName;

    DemoTexts(String productName) {
        this.productName = productName;
    }

    /** One clause about an aspect with the given polarity; neutral clauses may be questions. */
    static String clause(DemoAspect a, Polarity p, Random r) {
        return clause(a, p, r, true);
    }

    /** A statement (never a question) about an aspect, for surveys and reviews. */
    static String statement(DemoAspect a, Polarity p, Random r) {
        return clause(a, p, r, false);
    }

    private static String clause(DemoAspect a, Polarity p, Random r, boolean questions) {
        String noun = pick(a.nouns(), r);
        switch (p) {
            case POSITIVE: {
                int form = r.nextInt(10);
                if (form < 5) {
                    return noun + pick(STRONG, r) + pick(a.positiveAdjectives(), r);
                } else if (form < 8) {
                    return noun + "方面" + pick(a.positivePhrases(), r);
                } else {
                    String adj = pick(a.negativeAdjectives(), r);
                    return adj.startsWith("不") ? noun + "很" + pick(a.positiveAdjectives(), r)
                            : noun + pick(NEGATORS, r) + adj;
                }
            }
            case NEGATIVE: {
                int form = r.nextInt(10);
                if (form < 4) {
                    return noun + pick(r.nextBoolean() ? STRONG : MILD, r) + pick(a.negativeAdjectives(), r);
                } else if (form < 8) {
                    return noun + "这块" + pick(a.negativePhrases(), r);
                } else {
                    return noun + pick(WEAK_NEGATORS, r) + pick(a.positiveAdjectives(), r);
                }
            }
            default: {
                int form = questions ? r.nextInt(4) : DemoTexts.pick(List.of(0, 1, 3), r);
                if (form == 0) {
                    return noun + "中规中矩吧";
                } else if (form == 1) {
                    return noun + "还行，没什么特别的";
                } else if (form == 2) {
                    return "请问" + noun + "有什么设置可以优化吗";
                } else {
                    return noun + "和上一代差不多";
                }
            }
        }
    }

    /** A short post of a mass user: impression-level, little detail. */
    String massPost(DemoAspect a, Polarity p, Random r) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(pick(MASS_OPENERS, r));
        if (r.nextInt(4) == 0) {
            sb.append(productName);
        }
        appendBody(sb, a, p, r);
        appendCloser(sb, p, r);
        return sb.toString();
    }

    /** A post of an enthusiast: specific details, technical vocabulary, numbers, versions. */
    String corePost(DemoAspect a, Polarity p, String version, Random r) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(pick(CORE_OPENERS, r));
        if (version != null && r.nextInt(3) == 0) {
            sb.append("升级").append(version).append("后，");
        }
        sb.append(clause(a, p, r)).append("。");
        String tech = pick(a.technicalTerms(), r);
        int pct = 3 + r.nextInt(25);
        switch (p) {
            case POSITIVE:
                sb.append("实测").append(tech).append("比上个版本好了").append(pct).append("%左右，");
                sb.append(pick(List.of("这次优化很到位。", "工程师辛苦了。", "继续保持。", "给团队点赞。"), r));
                break;
            case NEGATIVE:
                sb.append("实测").append(tech).append("比上个版本差了").append(pct).append("%，");
                sb.append(pick(List.of("已经提交了日志。", "希望下个内测版修一下。", "附了截图，麻烦跟进。",
                        "不止我一个人遇到。"), r));
                break;
            default:
                sb.append("想问下").append(tech).append("正常范围是多少？");
                sb.append(pick(List.of("有没有内测的朋友对比下数据。", "刷机之后要不要清数据？", ""), r));
        }
        if (r.nextInt(5) == 0) {
            sb.append(emoji(p, r));
        }
        return sb.toString();
    }

    /** A Weibo-like post with hashtag, mentions and emoticons. */
    String socialPost(DemoAspect a, Polarity p, String hashtag, Random r) {
        StringBuilder sb = new StringBuilder(80);
        if (r.nextInt(3) > 0) {
            sb.append('#').append(hashtag).append('#');
        }
        if (r.nextInt(6) == 0) {
            sb.append("@").append(productName.replace(" ", "")).append("官方 ");
        }
        appendBody(sb, a, p, r);
        appendCloser(sb, p, r);
        if (r.nextInt(3) > 0) {
            sb.append(emoji(p, r));
        }
        return sb.toString();
    }

    /** A store review; a third use the e-commerce "aspect: verdict" form. */
    String review(DemoAspect a, Polarity p, DemoAspect second, Random r) {
        if (r.nextInt(3) == 0) {
            StringBuilder sb = new StringBuilder(96);
            sb.append("外形外观：").append(verdict(DemoAspect.DESIGN, p, r)).append('\n');
            sb.append(a.label()).append("：").append(verdict(a, p, r)).append('\n');
            sb.append("使用感受：").append(statement(a, p, r)).append('，');
            appendCloser(sb, p, r);
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder(64);
        appendBody(sb, a, p, r);
        if (second != null && second != a && p != Polarity.NEUTRAL) {
            sb.append("另外").append(clause(second, p, r)).append("。");
        }
        appendCloser(sb, p, r);
        return sb.toString();
    }

    /** A support ticket: problem description and request. */
    String ticket(DemoAspect a, Polarity p, String version, Random r) {
        StringBuilder sb = new StringBuilder(96);
        if (p == Polarity.POSITIVE) {
            sb.append("之前反馈的问题已经解决了，").append(clause(a, p, r)).append("，谢谢客服。");
            return sb.toString();
        }
        if (p == Polarity.NEUTRAL) {
            sb.append("咨询一下：").append(clause(a, Polarity.NEUTRAL, r)).append("？");
            return sb.toString();
        }
        if (version != null && r.nextInt(2) == 0) {
            sb.append("系统版本").append(version).append("，");
        }
        sb.append(pick(a.nouns(), r)).append("问题：").append(pick(a.negativePhrases(), r)).append("。");
        sb.append(pick(List.of("已经试过重启和恢复出厂设置，还是不行，", "第二次反馈了，", "影响正常使用，",
                "买了不到一个月，", ""), r));
        sb.append(pick(List.of("请问怎么处理？", "请尽快安排检测。", "希望能换机。", "要求退货。",
                "麻烦给个解决方案。"), r));
        return sb.toString();
    }

    /** An NPS comment matching the score: promoters praise, passives are lukewarm, detractors complain. */
    String npsComment(DemoAspect a, int score, Polarity p, Random r) {
        if (score >= 9) {
            return pick(List.of("推荐理由：", "", "会推荐给朋友，"), r) + clause(a, Polarity.POSITIVE, r) + "。";
        } else if (score >= 7) {
            return statement(a, p, r) + "，" + pick(List.of("但整体还有提升空间。", "其他还行吧。", "希望再改进一下。"), r);
        }
        return pick(List.of("不推荐，", "", "最不满意的是"), r) + clause(a, Polarity.NEGATIVE, r) + "。"
                + (r.nextInt(3) == 0 ? pick(NEG_CLOSERS, r) : "");
    }

    /** English text for the international minority. */
    static String english(DemoAspect a, Polarity p, String productName, Random r) {
        String body = p == Polarity.NEGATIVE ? pick(a.englishNegative(), r) : pick(a.englishPositive(), r);
        String head = r.nextBoolean() ? productName + ": " : "";
        String tail = p == Polarity.NEGATIVE ? pick(List.of(" Really disappointed.", " Please fix this.", ""), r)
                : pick(List.of(" Love it!", " Highly recommend.", ""), r);
        return head + Character.toUpperCase(body.charAt(0)) + body.substring(1) + "." + tail;
    }

    static String emoji(Polarity p, Random r) {
        return switch (p) {
            case POSITIVE -> pick(POS_EMOJI, r);
            case NEGATIVE -> pick(NEG_EMOJI, r);
            default -> pick(NEUTRAL_EMOJI, r);
        };
    }

    private void appendBody(StringBuilder sb, DemoAspect a, Polarity p, Random r) {
        int shape = r.nextInt(10);
        if (p == Polarity.NEUTRAL) {
            String c = clause(a, p, r);
            sb.append(c).append(c.startsWith("请问") ? "？" : "。");
            return;
        }
        if (shape < 2) {
            // contrast: an aside of the other polarity first, the verdict after 但是
            DemoAspect other = DemoAspect.values()[r.nextInt(DemoAspect.values().length)];
            if (other == a) {
                other = a == DemoAspect.DESIGN ? DemoAspect.SCREEN : DemoAspect.DESIGN;
            }
            Polarity opposite = p == Polarity.POSITIVE ? Polarity.NEGATIVE : Polarity.POSITIVE;
            sb.append(clause(other, opposite, r)).append("，但是").append(clause(a, p, r));
        } else if (shape < 4) {
            sb.append(clause(a, p, r)).append("，").append(clause(a, p, r));
        } else {
            sb.append(clause(a, p, r));
        }
        if (r.nextInt(20) == 0) {
            sb.append("，").append(pick(p == Polarity.POSITIVE ? MIXED_POS : MIXED_NEG, r));
        }
        sb.append("。");
    }

    private static void appendCloser(StringBuilder sb, Polarity p, Random r) {
        List<String> closers = switch (p) {
            case POSITIVE -> POS_CLOSERS;
            case NEGATIVE -> NEG_CLOSERS;
            default -> NEUTRAL_CLOSERS;
        };
        sb.append(pick(closers, r));
    }

    private static String verdict(DemoAspect a, Polarity p, Random r) {
        return switch (p) {
            case POSITIVE -> pick(a.positiveAdjectives(), r);
            case NEGATIVE -> pick(a.negativeAdjectives(), r);
            default -> "一般";
        };
    }

    static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }
}
