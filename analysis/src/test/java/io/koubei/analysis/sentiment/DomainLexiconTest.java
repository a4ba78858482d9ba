package io.koubei.analysis.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.analysis.KoubeiAnalyzer;
import io.koubei.analysis.text.ResourceFiles;
import io.koubei.core.feedback.Polarity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The domain lexicon files (lexicon/index.txt) and the traditional→simplified map: well-formed, and they do their job. */
class DomainLexiconTest {
    private static final KoubeiAnalyzer ANALYZER = FeedbackAnalyzers.builtIn();

    /** Non-comment, non-blank lines of a built-in resource, unmodified (so stray spaces and columns show). */
    private static List<String> lines(String resource) throws IOException {
        InputStream in = ResourceFiles.class.getResourceAsStream(ResourceFiles.BASE + resource);
        assertThat(in).as("resource %s", resource).isNotNull();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static List<String> domainFiles() throws IOException {
        return lines("lexicon/index.txt").stream().map(String::strip).toList();
    }

    @Test
    void everyDomainFileIsListedOnceAndWellFormed() throws IOException {
        List<String> files = domainFiles();
        assertThat(files).isNotEmpty().doesNotHaveDuplicates().allMatch(f -> f.endsWith(".tsv"));
        Map<String, String> firstFile = new HashMap<>();
        for (String file : files) {
            Set<String> seen = new HashSet<>();
            List<String> rows = lines("lexicon/" + file);
            assertThat(rows).as(file).isNotEmpty();
            for (String row : rows) {
                String[] cols = row.split("\t", -1);
                assertThat(cols).as("%s: '%s' is word<TAB>weight", file, row).hasSize(2);
                String word = cols[0];
                assertThat(word).as("%s: '%s'", file, row).isNotBlank().isEqualTo(word.strip()).isEqualTo(word.toLowerCase());
                double weight = Double.parseDouble(cols[1]);
                assertThat(weight).as("%s: '%s'", file, row).isBetween(-3.0, 3.0);
                assertThat(seen.add(word)).as("%s: '%s' twice", file, word).isTrue();
                String other = firstFile.putIfAbsent(word, file);
                assertThat(other).as("'%s' in both %s and %s", word, other, file).isNull();
            }
        }
        assertThat(firstFile).hasSizeGreaterThan(3000);
    }

    @Test
    void domainWordsReachTheBuiltInLexicon() {
        SentimentLexicon lexicon = SentimentLexicon.builtIn();
        assertThat(lexicon.weight("拉胯")).isNegative();
        assertThat(lexicon.weight("yyds")).isPositive();
        // a domain file overrides the core list (绝了 is ambiguous, so weighted down there)
        assertThat(lexicon.weight("绝了")).isEqualTo(0.8);
        assertThat(lexicon.isNegator("不再")).isTrue();
        assertThat(lexicon.degree("贼")).isGreaterThan(1.0);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // e-commerce: clothes, cosmetics, books
            "衣服起球严重，还掉色，做工粗糙|NEGATIVE",
            "和描述一致，颜色很正，没有色差|POSITIVE",
            "尺码偏小，穿着磨脚，已经退货了|NEGATIVE",
            "滋润不油腻，吸收快，温和无刺激|POSITIVE",
            "用了脸上爆痘，还过敏，烂脸了|NEGATIVE",
            "盗版书，错别字多，纸很薄|NEGATIVE",
            "深入浅出，干货满满，受益良多|POSITIVE",
            // food delivery
            "外焦里嫩，鲜嫩多汁，必点|POSITIVE",
            "送到都凉了，面都坨了，汤洒了一袋子|NEGATIVE",
            "量太少了，不够塞牙缝|NEGATIVE",
            // hotels and travel
            "房间干净整洁，床很舒服，隔音效果好|POSITIVE",
            "隔音太差，晚上吵得睡不着|NEGATIVE",
            "到店无房，酒店超售|NEGATIVE",
            // phones and apps
            "卡成ppt，发热严重，耗电快|NEGATIVE",
            "更新后不再卡顿了|POSITIVE",
            "一直转圈，加载不出来，登录失败|NEGATIVE",
            "没有广告，界面简洁，好用|POSITIVE",
            "根本不好用|NEGATIVE",
            "这手机贼卡|NEGATIVE",
            // customer service
            "客服回复及时，耐心解答，问题很快解决了|POSITIVE",
            "客服爱答不理，互相推诿，问题至今未解决|NEGATIVE",
            "机器人客服答非所问，转不了人工|NEGATIVE",
            // internet slang
            "yyds！绝绝子|POSITIVE",
            "拉胯，真的拉胯|NEGATIVE",
            "种草了，闭眼入|POSITIVE",
            "割韭菜，智商税|NEGATIVE",
            "冲就完了，不戳|POSITIVE",
            // English in mixed text
            "great phone, love it|POSITIVE",
            "don't buy, waste of money|NEGATIVE",
            // no opinion: entries must not cut real words (已经|用, 我妈|的, 今天|价格, 麻辣烫)
            "已经用了一个月|NEUTRAL",
            "给我妈的生日礼物|NEUTRAL",
            "今天价格是多少|NEUTRAL",
            "点了一份麻辣烫|NEUTRAL",
            // mediocre idioms read whole, not as 不好 + 不坏 (strongly negative, then flipped)
            "不过不失吧|NEUTRAL",
    })
    void sentencesGetTheExpectedPolarity(String text, Polarity expected) {
        assertThat(ANALYZER.sentiment(text).polarity()).as("%s %s", text, ANALYZER.sentiment(text).explanation()).isEqualTo(expected);
    }

    @Test
    void protectiveEntriesKeepWordsWhole() {
        assertThat(ANALYZER.segment("所有用户都能用")).doesNotContain("有用");
        assertThat(ANALYZER.segment("给我妈的礼物")).doesNotContain("妈的");
        assertThat(ANALYZER.segment("这家的麻辣烫")).contains("麻辣烫");
        assertThat(ANALYZER.segment("卡槽松了")).contains("卡槽").doesNotContain("卡");
    }

    @Test
    void traditionalMapIsOneCharacterToOneCharacterWithoutChains() throws IOException {
        Map<String, String> map = new HashMap<>();
        for (String row : lines("traditional.tsv")) {
            String[] cols = row.split("\t", -1);
            assertThat(cols).as("'%s' is 繁<TAB>简", row).hasSize(2);
            assertThat(cols[0].codePointCount(0, cols[0].length())).as(row).isEqualTo(1);
            assertThat(cols[1].codePointCount(0, cols[1].length())).as(row).isEqualTo(1);
            assertThat(cols[0]).as(row).isNotEqualTo(cols[1]);
            assertThat(map.put(cols[0], cols[1])).as("'%s' mapped twice", cols[0]).isNull();
        }
        assertThat(map).hasSizeGreaterThan(1500).containsEntry("說", "说").containsEntry("買", "买").containsEntry("後", "后");
        // context-dependent characters are left out
        assertThat(map).doesNotContainKeys("乾", "著", "瞭", "藉", "覆");
        // applying the map once is enough: no simplified target is itself mapped
        assertThat(map.values()).noneMatch(map::containsKey);
        // the (simplified) lexicon has no character the map would change
        SentimentLexicon lexicon = SentimentLexicon.builtIn();
        assertThat(lexicon.vocabulary()).noneMatch(w -> w.codePoints().anyMatch(cp -> map.containsKey(Character.toString(cp))));
    }
}
