package io.koubei.core.feedback;

import java.util.List;

/**
 * An opinion point (意见点): what an item says about one aspect of the product.
 *
 * @param aspect   taxonomy id, e.g. {@code battery}
 * @param target   the words in the text that named it, e.g. 续航
 * @param polarity the item's polarity towards that aspect
 * @param opinionWords the words that carried the judgement, e.g. 太差
 * @param snippet  the clause it was found in
 */
public record OpinionPoint(String aspect, String target, Polarity polarity, List<String> opinionWords, String snippet) {
    public OpinionPoint {
        opinionWords = opinionWords == null ? List.of() : List.copyOf(opinionWords);
    }

    /** Key used by stores for aspect × polarity facets: {@code battery:negative}. */
    public String aspectPolarityKey() {
        return aspect + ":" + polarity.wireName();
    }
}
