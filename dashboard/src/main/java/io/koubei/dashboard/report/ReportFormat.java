package io.koubei.dashboard.report;

import java.util.Locale;

public enum ReportFormat {
    HTML("html", "text/html; charset=UTF-8"),
    MD("md", "text/markdown; charset=UTF-8"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static ReportFormat of(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format: expected html, md or pdf, got '" + s + "'");
        }
    }
}
