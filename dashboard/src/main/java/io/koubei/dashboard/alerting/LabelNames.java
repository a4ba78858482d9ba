package io.koubei.dashboard.alerting;

import io.koubei.dashboard.web.Labels;
import java.util.Locale;

/** Incident names from the application's display names ({@link Labels}: settings and messages). */
final class LabelNames implements IncidentNames {
    private final Labels labels;

    LabelNames(Labels labels) {
        this.labels = labels;
    }

    @Override
    public String channel(String id, Locale locale) {
        return labels.channel(id, locale);
    }

    @Override
    public String aspect(String id, Locale locale) {
        return labels.aspect(id, locale);
    }

    @Override
    public String product(String id, Locale locale) {
        return labels.product(id, locale);
    }

    @Override
    public String subject(String id, Locale locale) {
        return labels.account(id, locale);
    }
}
