package io.koubei.analysis.signals.survey;

import io.koubei.core.feedback.FeedbackItem;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a proportion metric is read from a survey item's {@code fields}: the field and which answers count as
 * success. Respondents who left the field empty are not in the denominator. A multiple-choice answer written
 * as a list ({@code 星河,极光} — separated by , ， 、 ; ； / |) succeeds when any element does.
 *
 * @param metric        name, e.g. {@code first_recommendation}, {@code awareness}
 * @param field         the survey field, e.g. {@code first_recommend_brand}
 * @param successValues answers that count (compared trimmed and lower-cased)
 */
public record SurveyQuestion(String metric, String field, Set<String> successValues) {
    private static final java.util.regex.Pattern LIST = java.util.regex.Pattern.compile("[,，、;；/|]");
    public static final Set<String> YES = Set.of("yes", "y", "true", "1", "是", "有", "知道", "听说过");

    public SurveyQuestion {
        successValues = successValues.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public static SurveyQuestion yesNo(String metric, String field) {
        return new SurveyQuestion(metric, field, YES);
    }

    /** Success when the answer names one of our brands (first recommendation, preference, first mention). */
    public static SurveyQuestion namesOurBrand(String metric, String field, Set<String> ourBrands) {
        return new SurveyQuestion(metric, field, ourBrands);
    }

    /**
     * Defaults for the metrics of metrics.md, with the field names of the NPS survey export the demo data uses:
     * {@code firstRecommend} (brand named first), {@code aware} (brands known, a list, or yes/no),
     * {@code prefer} (preferred brand), {@code firstMention} (brand mentioned first, unaided).
     */
    public static java.util.List<SurveyQuestion> defaults(Set<String> ourBrands) {
        Set<String> aware = new java.util.HashSet<>(YES);
        aware.addAll(ourBrands);
        return java.util.List.of(
                namesOurBrand("first_recommendation", "firstRecommend", ourBrands),
                new SurveyQuestion("awareness", "aware", aware),
                namesOurBrand("preference", "prefer", ourBrands),
                namesOurBrand("first_mention", "firstMention", ourBrands));
    }

    /** null when the item did not answer. */
    public Boolean answer(FeedbackItem item) {
        String v = item.fields().get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        for (String part : LIST.split(v)) {
            if (successValues.contains(part.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
