package io.koubei.ingest.format;

import static io.koubei.ingest.format.RecordDecoder.SCALES;
import static io.koubei.ingest.format.RecordDecoder.absent;
import static io.koubei.ingest.format.RecordDecoder.fmt;
import static io.koubei.ingest.format.RecordDecoder.isBlankText;
import static io.koubei.ingest.format.RecordDecoder.kind;

import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code rating} of a row. Optional unless the row has no text: a rating that cannot be used is dropped with a
 * warning (the decoder rejects the row when the rating was all it had). Reads {@code 4星}, {@code ★★★★☆}, {@code 9分}
 * and scale aliases with a warning, and {@code "rating": "4星"} as shorthand for an object.
 */
final class RatingField {

    private RatingField() {
    }

    /** The rating, or null when there is none or it was dropped. */
    static Rating read(JsonNode n, RowProblems p, Map<String, Object> extra) {
        if (absent(n)) {
            return null;
        }
        JsonNode valueNode;
        JsonNode scaleNode;
        if (n.isObject()) {
            p.keepUnknown((ObjectNode) n, "rating", extra);
            valueNode = n.get("value");
            scaleNode = n.get("scale");
        } else if (n.isString() || n.isNumber()) {
            valueNode = n;
            scaleNode = null;
        } else {
            p.drop("rating", "expected an object {scale, value}, found " + kind(n), n, extra);
            return null;
        }
        if (absent(valueNode) || isBlankText(valueNode)) {
            return null; // a scale without a value (e.g. a constant scale on a row left unrated) is no rating
        }
        String valuePath = n.isObject() ? "rating.value" : "rating";
        Double value = null;
        RatingScale implied = null;
        String valueProblem = null;
        if (valueNode.isNumber()) {
            value = valueNode.doubleValue();
            if (!Double.isFinite(value)) {
                valueProblem = "not a finite number";
            }
        } else if (valueNode.isString()) {
            String t = valueNode.stringValue().strip();
            try {
                value = new BigDecimal(t).doubleValue();
            } catch (NumberFormatException e) {
                RatingText.Reading r = RatingText.read(t);
                if (r == null) {
                    valueProblem = "'" + Quoted.of(t) + "' is not a rating; expected a number (or e.g. 4星, ★★★★☆, 9分)";
                } else {
                    value = r.value();
                    implied = r.impliedScale();
                }
            }
        } else {
            valueProblem = "expected a number, found " + kind(valueNode);
        }
        if (valueProblem != null) {
            drop(p, valuePath, valueProblem, valueNode, scaleNode, extra);
            return null;
        }
        boolean plain = isPlainNumber(valueNode);
        String scaleText = absent(scaleNode) ? null : scaleNode.isString() || scaleNode.isNumber() ? scaleNode.asString().strip() : "";
        boolean noScale = scaleText == null || scaleText.isEmpty();
        RatingScale scale = noScale ? null : scale(scaleText);
        String how = plain ? null : "'" + Quoted.of(valueNode.asString().strip()) + "' read as " + fmt(value);
        if (scale == null) {
            if (implied == null) {
                drop(p, "rating.scale", noScale ? "missing; a rating.value needs a scale (" + SCALES + ")"
                        : "unknown scale '" + Quoted.of(scaleText) + "'; expected one of " + SCALES, valueNode, scaleNode, extra);
                return null;
            }
            scale = implied;
            how = (how == null ? "" : how + ", ") + "scale " + implied.wireName() + " ("
                    + (noScale ? "none was given" : "'" + Quoted.of(scaleText) + "' is not a scale") + ")";
        } else if (!scale.wireName().equalsIgnoreCase(scaleText)) {
            how = (how == null ? "" : how + ", ") + "scale '" + Quoted.of(scaleText) + "' read as " + scale.wireName();
        }
        String shown = plain ? fmt(value) : "'" + Quoted.of(valueNode.asString().strip()) + "' (" + fmt(value) + ")";
        if (!scale.accepts(value)) {
            drop(p, valuePath, shown + " is outside the " + scale.wireName() + " range " + fmt(scale.min()) + "–"
                    + fmt(scale.max()), valueNode, scaleNode, extra);
            return null;
        }
        if (scale == RatingScale.NPS && value != Math.rint(value)) {
            drop(p, valuePath, "NPS takes whole numbers 0–10, got " + shown, valueNode, scaleNode, extra);
            return null;
        }
        if (how != null) {
            p.warn(valuePath, how);
        }
        return new Rating(scale, value);
    }

    private static boolean isPlainNumber(JsonNode n) {
        if (n.isNumber()) {
            return true;
        }
        try {
            new BigDecimal(n.asString().strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A scale by its wire name (any case), or a usual alias (星, 星级, 5星, star, 满意度, 推荐度 …); null when unknown. */
    static RatingScale scale(String text) {
        RatingScale exact = RatingScale.fromWire(text).orElse(null);
        if (exact != null) {
            return exact;
        }
        String t = CountText.normalise(text).toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        return switch (t) {
            case "star", "5star", "5stars", "fivestars", "星", "星级", "5星", "五星", "五星制", "5分制" -> RatingScale.STARS;
            case "netpromoterscore", "netpromoter", "推荐度", "推荐值", "净推荐值", "010", "10分制" -> RatingScale.NPS;
            case "satisfaction", "满意度", "客户满意度" -> RatingScale.CSAT;
            default -> null;
        };
    }

    private static void drop(RowProblems p, String field, String problem, JsonNode value, JsonNode scale, Map<String, Object> extra) {
        if (field.equals("rating")) {
            p.drop(field, problem, value, extra);
            return;
        }
        boolean keptValue = p.keepRaw("rating.value", value, extra);
        boolean keptScale = p.keepRaw("rating.scale", scale, extra);
        String kept = keptValue && keptScale ? " (kept in extra as rating.value, rating.scale)"
                : keptValue ? " (kept in extra as rating.value)" : "";
        p.dropAs(field, problem, "rating dropped" + kept);
    }
}
