package io.koubei.dashboard.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import io.koubei.core.state.VersionConflictException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds, renders and archives weekly reports as {@code weekly-2026-W47[--product].html|md|pdf}. The archive is the
 * shared state collection {@value #COLLECTION}, so every node lists and serves the report the scheduled node sent;
 * {@code <data-dir>/reports/} is this node's mirror, written when a report is generated or served (files there from
 * an earlier version are imported once).
 */
public class ReportArchive {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern NAME = Pattern.compile("weekly-\\d{4}-W\\d{2}(--[A-Za-z0-9._-]+)?\\.(html|md|pdf)");

    static final String COLLECTION = "reports";
    private static final String IMPORTED = "_imported";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final StateCollection archived;
    private final WeeklyReportBuilder builder;
    private final HtmlReportRenderer html;
    private final MarkdownReportRenderer markdown;
    private final PdfReportRenderer pdf;

    /** One archived report: its name, when it was built, and its bytes. */
    record Archived(String fileName, Instant generatedAt, byte[] content) {
    }

    public ReportArchive(Path dataDir, StateStore state, WeeklyReportBuilder builder, ITemplateEngine templates,
            java.time.ZoneId zone, PdfReportRenderer pdf) {
        this(dataDir, state, builder, new HtmlReportRenderer(templates, zone), new MarkdownReportRenderer(), pdf);
    }

    public ReportArchive(Path dataDir, StateStore state, WeeklyReportBuilder builder, HtmlReportRenderer html,
            MarkdownReportRenderer markdown, PdfReportRenderer pdf) {
        this.dir = dataDir.resolve("reports");
        this.archived = state.collection(COLLECTION);
        this.builder = builder;
        this.html = html;
        this.markdown = markdown;
        this.pdf = pdf;
        importLocalFilesOnce();
    }

    private void importLocalFilesOnce() {
        if (archived.get(IMPORTED).isPresent()) {
            return;
        }
        for (String name : localNames()) {
            try {
                Path file = dir.resolve(name);
                archived.put(name, JSON.writeValueAsString(new Archived(name, Files.getLastModifiedTime(file).toInstant(),
                        Files.readAllBytes(file))), StateCollection.ABSENT);
            } catch (VersionConflictException e) {
                // another node archived it first
            } catch (IOException e) {
                throw new UncheckedIOException("cannot import archived report " + name, e);
            }
        }
        try {
            archived.put(IMPORTED, "{}", StateCollection.ABSENT);
        } catch (VersionConflictException e) {
            // another node finished the import first
        }
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

    /** Builds the report for a week (and product), archives it for every node, returns this node's copy. */
    public Path generate(String week, String product, ReportFormat format) {
        Rendered r = render(builder.build(week, product), format);
        archived.put(r.fileName(), JSON.writeValueAsString(new Archived(r.fileName(), Instant.now(), r.content())), null);
        return mirror(r.fileName(), r.content());
    }

    /** The archived reports' names, newest week first. */
    public List<String> list() {
        return archived.all().stream().map(StateDocument::id).filter(n -> NAME.matcher(n).matches())
                .sorted(Comparator.reverseOrder()).toList();
    }

    /** Only archive file names are served: no path tricks. The file is this node's copy of the archived report. */
    public Optional<Path> find(String fileName) {
        if (!NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        Optional<Archived> report = archived.get(fileName).map(d -> JSON.readValue(d.json(), Archived.class));
        if (report.isEmpty()) {
            deleteMirror(fileName); // removed on another node (an erasure): never serve a stale copy
            return Optional.empty();
        }
        return Optional.of(mirror(fileName, report.get().content()));
    }

    /** Removes an archived report on every node; true if it was archived. */
    public boolean delete(String fileName) {
        if (!NAME.matcher(fileName).matches()) {
            return false;
        }
        boolean existed = archived.delete(fileName);
        deleteMirror(fileName);
        return existed;
    }

    private Path mirror(String fileName, byte[] content) {
        Path target = dir.resolve(fileName);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                return target;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".report", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report into " + dir, e);
        }
    }

    private void deleteMirror(String fileName) {
        try {
            Files.deleteIfExists(dir.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + fileName + " from " + dir, e);
        }
    }

    private List<String> localNames() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
