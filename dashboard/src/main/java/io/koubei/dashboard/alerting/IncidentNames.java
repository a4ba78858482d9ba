package io.koubei.dashboard.alerting;

import java.util.Locale;

/**
 * Display names for the ids an incident is about, in a language. The application answers with {@code web.Labels}
 * (settings and messages); {@link #IDS} shows the ids themselves (tests, tools without the application).
 */
public interface IncidentNames {
    String channel(String id, Locale locale);

    String aspect(String id, Locale locale);

    String product(String id, Locale locale);

    /** A source or an account (an official account's id, a connector's name). */
    String subject(String id, Locale locale);

    IncidentNames IDS = new IncidentNames() {
        @Override
        public String channel(String id, Locale locale) {
            return id;
        }

        @Override
        public String aspect(String id, Locale locale) {
            return id;
        }

        @Override
        public String product(String id, Locale locale) {
            return id;
        }

        @Override
        public String subject(String id, Locale locale) {
            return id;
        }
    };
}
