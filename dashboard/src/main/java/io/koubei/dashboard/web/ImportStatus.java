package io.koubei.dashboard.web;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** Progress of a background import (the demo data at start-up), shown as a banner until it finishes. */
@Component
public class ImportStatus {
    private final AtomicReference<String> running = new AtomicReference<>();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    public void start(String what, long expected) {
        running.set(what);
        done.set(0);
        total.set(expected);
    }

    /** An {@code ImportProgress}: rows read so far, of the estimated total (-1 when unknown). */
    public void progress(long rows, long expected) {
        done.set(rows);
        total.set(Math.max(0, expected));
    }

    public void finish() {
        running.set(null);
    }

    public String describe(Locale locale) {
        String what = running.get();
        if (what == null) {
            return null;
        }
        boolean zh = !"en".equals(locale.getLanguage());
        String progress = done.get() + (total.get() > 0 ? " / " + total.get() : "");
        return switch (what) {
            case "signals" -> zh ? "正在运行口碑检测（水军、核心/大众、预警）…" : "Running the word-of-mouth detectors (astroturf, core/mass, alerts)…";
            case "re-analysis" -> zh ? "正在用新的词典与设置重新分析：" + progress + " 条（完成前页面混合新旧分析结果）"
                    : "Re-analysing with the new dictionaries and settings: " + progress + " items (pages mix old and new results until done)";
            default -> (zh ? "正在导入 " : "Importing ") + what + ": " + progress
                    + (zh ? "（页面数字会随导入增长，请稍后刷新）" : " (numbers grow as the import runs; refresh later)");
        };
    }

    public boolean busy() {
        return running.get() != null;
    }
}
