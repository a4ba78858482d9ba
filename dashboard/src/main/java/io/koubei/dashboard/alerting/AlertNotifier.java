package io.koubei.dashboard.alerting;

/** One delivery target (a webhook, an e-mail list). Throws when delivery failed; the alert is retried later. */
public interface AlertNotifier {
    String name();

    void send(Alert alert, String text);
}
