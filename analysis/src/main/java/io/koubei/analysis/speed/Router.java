package io.koubei.analysis.speed;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.OpinionPoint;
import java.util.List;
import java.util.Optional;

/** First matching rule wins; with none, the channel's usual department ({@code Channel.department()}). */
public final class Router {
    private final List<RoutingRule> rules;

    public Router(List<RoutingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Router byChannel() {
        return new Router(List.of());
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    /** The matching rule, if any. */
    public Optional<RoutingRule> match(AnalyzedFeedback f, long reach) {
        for (RoutingRule r : rules) {
            if (matches(r, f, reach)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public String department(AnalyzedFeedback f, long reach) {
        return match(f, reach).map(RoutingRule::department).orElse(f.item().channel().department());
    }

    static boolean matches(RoutingRule r, AnalyzedFeedback f, long reach) {
        var item = f.item();
        if (!r.channels().isEmpty() && !r.channels().contains(item.channel())) {
            return false;
        }
        if (!r.polarities().isEmpty() && !r.polarities().contains(f.analysis().sentiment().polarity())) {
            return false;
        }
        if (!r.aspects().isEmpty() && f.analysis().opinions().stream().map(OpinionPoint::aspect).noneMatch(r.aspects()::contains)) {
            return false;
        }
        if (reach < r.minReach()) {
            return false;
        }
        if (!r.keywords().isEmpty()) {
            String text = (item.title() == null ? "" : item.title()) + "\n" + item.text();
            if (r.keywords().stream().noneMatch(text::contains)) {
                return false;
            }
        }
        return true;
    }
}
