package io.koubei.dashboard.report;

import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.time.CalendarKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The report archive in the dashboard: list, open, generate now; and the live preview of any week. */
@Controller
public class ReportController {
    private final ReportArchive archive;
    private final FeedbackStore store;
    private final ReportProperties props;

    public ReportController(ReportArchive archive, FeedbackStore store, ReportProperties props) {
        this.archive = archive;
        this.store = store;
        this.props = props;
    }

    @GetMapping("/reports")
    public String list(Model model, Locale locale) {
        model.addAttribute("reports", archive.list());
        model.addAttribute("lastWeek", archive.builder().defaultWeek());
        model.addAttribute("pdfFont", archive.pdf().font().map(Object::toString).orElse(null));
        return "reports";
    }

    /** Renders a week on the fly (not archived). */
    @GetMapping("/reports/weekly")
    public ResponseEntity<byte[]> preview(@RequestParam(required = false) String week,
            @RequestParam(required = false) String product, @RequestParam(defaultValue = "html") String format,
            @RequestParam(defaultValue = "zh") String language) {
        String w = week == null || week.isBlank() ? archive.builder().defaultWeek() : checkWeek(week);
        ReportFormat f = ReportFormat.of(format);
        ReportArchive.Rendered r = archive.render(archive.builder().build(w, blankToNull(product)), f,
                "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, f.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + r.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .body(r.content());
    }

    @PostMapping("/reports")
    public String generate(@RequestParam(required = false) String week, @RequestParam(required = false) String product,
            @RequestParam(defaultValue = "html") String format) {
        String w = week == null || week.isBlank() ? archive.builder().defaultWeek() : checkWeek(week);
        String p = blankToNull(product);
        if (p != null && !props.getProducts().contains(p) && store.count(FeedbackFilter.builder().product(p).build()) == 0) {
            // an archive file per product: only for products that exist, not one per value anyone types
            throw new IllegalArgumentException("product: no feedback for '" + p + "' and not in koubei.report.products");
        }
        var path = archive.generate(w, p, ReportFormat.of(format));
        return "redirect:/reports/archive/" + path.getFileName();
    }

    @GetMapping("/reports/archive/{file}")
    public ResponseEntity<byte[]> archived(@PathVariable String file) throws IOException {
        var path = archive.find(file);
        if (path.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String ext = file.substring(file.lastIndexOf('.') + 1);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, ReportFormat.of(ext).contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .body(Files.readAllBytes(path.get()));
    }

    static String checkWeek(String week) {
        return CalendarKeys.checkWeek("week", week);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<String> bad(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalStateException.class)
    public ResponseEntity<String> unavailable(IllegalStateException e) {
        return ResponseEntity.status(501).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
