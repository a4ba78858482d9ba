package io.koubei.dashboard.report;

import io.koubei.dashboard.report.WeeklyReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.thymeleaf.ITemplateEngine;

/**
 * Builds, renders and archives weekly reports under {@code <data-dir>/reports/} as
 * {@code weekly-2026-W47[--product].html|md|pdf}; the dashboard lists and serves them from there.
 */
public class ReportArchive {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern NAME = Pattern.compile("weekly-\\d{4}-W\\d{2}(--[A-Za-z0-9._-]+)?\\.(html|md|pdf)");

    private final Path dir;
    private final WeeklyReportBuilder builder;
    private final HtmlReportRenderer html;
    private final MarkdownReportRenderer markdown;
    private final PdfReportRenderer pdf;

    public ReportArchive(Path dataDir, WeeklyReportBuilder builder, ITemplateEngine templates,
            java.time.ZoneId zone, PdfReportRenderer pdf) {
        this(dataDir, builder, new HtmlReportRenderer(templates, zone), new MarkdownReportRenderer(), pdf);
    }

    public ReportArchive(Path dataDir, WeeklyReportBuilder builder, HtmlReportRenderer html, MarkdownReportRenderer markdown,
            PdfReportRenderer pdf) {
        this.dir = dataDir.resolve("reports");
        this.builder = builder;
        this.html = html;
        this.markdown = markdown;
        this.pdf = pdf;
    }

    public record Rendered(String fileName, ReportFormat format, byte[] content) {
    }

    public WeeklyReportBuilder builder() {
        return builder;
    }

    public PdfReportRenderer pdf() {
        return pdf;
    }

    public Rendered render(WeeklyReport report, ReportFormat format) {
        return render(report, format, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** HTML, PDF and Markdown (chat tools, e-mail) in Chinese or English. */
    public Rendered render(WeeklyReport report, ReportFormat format, java.util.Locale locale) {
        byte[] content = switch (format) {
            case HTML -> html.render(report, null, locale).getBytes(StandardCharsets.UTF_8);
            case MD -> markdown.render(report, locale).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf.render(html.render(report, pdf.fontFamily(), locale));
        };
        return new Rendered(fileName(report.week(), report.product(), format), format, content);
    }

    /** Builds the report for a week (and product), writes it atomically into the archive, returns the file. */
    public Path generate(String week, String product, ReportFormat format) {
        Rendered r = render(builder.build(week, product), format);
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(r.fileName());
            Path tmp = Files.createTempFile(dir, ".report", ".tmp");
            Files.write(tmp, r.content());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report into " + dir, e);
        }
    }

    public List<String> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches())
                    .sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only archive file names are served: no path tricks. */
    public Optional<Path> find(String fileName) {
        if (!NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        Path p = dir.resolve(fileName);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static String hash(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fileName(String week, String product, ReportFormat format) {
        String suffix = "";
        if (product != null) {
            // names with other characters (Chinese, spaces…) get a stable hash: a file name never carries user text
            suffix = "--" + (SAFE.matcher(product).matches() && product.length() <= 64 ? product : "p" + hash(product));
        }
        return "weekly-" + week + suffix + "." + format.extension();
    }
}
