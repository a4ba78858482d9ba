package io.koubei.analysis.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms an item is indexed under: its segmented words plus the character bigrams inside longer Chinese words.
 * The dictionary keeps compounds such as 客服电话 or 息屏显示 whole (good for reading), but a search for 客服 or 显示
 * must still find them; every store matches exact terms, so the sub-words are indexed too. Queries are segmented
 * normally: a query word is either a whole indexed word or, inside a compound, one of its bigrams.
 */
public final class IndexTerms {
    private IndexTerms() {
    }

    public static List<String> of(List<String> words) {
        Set<String> out = new LinkedHashSet<>(words);
        for (String w : words) {
            if (w.length() >= 3 && isHan(w)) {
                for (int i = 0; i + 2 <= w.length(); i++) {
                    out.add(w.substring(i, i + 2));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean isHan(String w) {
        return w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
