package io.koubei.dashboard.alerting;

import java.util.List;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends alerts (and reports) by e-mail through the configured SMTP server (spring.mail.*). */
public final class EmailNotifier implements AlertNotifier {
    private final JavaMailSender mail;
    private final String from;
    private final List<String> to;

    public EmailNotifier(JavaMailSender mail, String from, List<String> to) {
        this.mail = mail;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public String name() {
        return "email " + to.size() + " recipient(s)";
    }

    @Override
    public void send(Alert alert, String text) {
        sendText("[口碑预警] " + alert.title(), text);
    }

    public void sendText(String subject, String text) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to.toArray(String[]::new));
        m.setSubject(subject);
        m.setText(text);
        mail.send(m);
    }
}
