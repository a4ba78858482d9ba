package io.koubei.dashboard.alerting;

import java.util.Locale;
import java.util.Map;

/** The human text of an alert (Chinese, Markdown-light), shared by every target. */
final class AlertText {
    private AlertText() {
    }

    static String of(Alert a, String baseUrl) {
        StringBuilder sb = new StringBuilder();
        sb.append("【口碑预警·").append(severity(a)).append("】").append(a.title()).append('\n');
        if (!a.description().isBlank()) {
            sb.append(a.description()).append('\n');
        }
        if (!a.channels().isEmpty()) {
            sb.append("渠道：").append(String.join(" / ", a.channels())).append('\n');
        }
        if (a.aspect() != null) {
            sb.append("方面：").append(a.aspect()).append('\n');
        }
        if (a.week() != null) {
            sb.append("周：").append(a.week()).append('\n');
        }
        for (Map.Entry<String, Double> f : a.evidence().figures().entrySet()) {
            sb.append("· ").append(f.getKey()).append(" = ").append(num(f.getValue())).append('\n');
        }
        sb.append("查看：").append(baseUrl).append(a.link());
        return sb.toString();
    }

    private static String severity(Alert a) {
        return switch (a.severity()) {
            case CRITICAL -> "严重";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
    }

    private static String num(Double v) {
        if (v == null) {
            return "–";
        }
        return v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.3f", v);
    }
}
