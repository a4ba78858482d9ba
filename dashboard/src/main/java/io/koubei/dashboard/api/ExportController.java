package io.koubei.dashboard.api;

import io.koubei.core.privacy.PiiMasker;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.dashboard.query.FilterParams;
import io.koubei.dashboard.query.QueryService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV export of the items behind any view (same filters as search), personal data masked, UTF-8 with a byte-order
 * mark so spreadsheet programs read the Chinese correctly. Streams; capped at {@code koubei.export.max-rows} (default
 * {@value #MAX_ROWS}) rows — a capped export says so in its file name and in {@code X-Koubei-Export-Truncated}.
 */
@RestController
public class ExportController {
    static final int MAX_ROWS = 200_000;
    private static final String[] HEADER = {"id", "createdAt", "week", "channel", "source", "product", "productVersion",
        "polarity", "score", "ratingScale", "ratingValue", "npsClass", "segment", "aspects", "flags", "authorId", "text"};

    private final QueryService queries;
    private final int maxRows;

    public ExportController(QueryService queries,
            @org.springframework.beans.factory.annotation.Value("${koubei.export.max-rows:" + MAX_ROWS + "}") int maxRows) {
        this.queries = queries;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/export.csv", "/export.csv"})
    public void export(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
        FeedbackFilter filter = queries.filter(FilterParams.of(params));
        long total = queries.store().count(filter);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("X-Koubei-Export-Total", Long.toString(total));
        if (total > maxRows) {
            // the rows stream after the headers, so the cap is said up front: in the file's name, which the user sees
            response.setHeader("X-Koubei-Export-Truncated", "first " + maxRows + " of " + total + " rows");
            response.setHeader("Content-Disposition", "attachment; filename=\"koubei-export-first-" + maxRows + "-of-"
                    + total + ".csv\"");
        } else {
            response.setHeader("Content-Disposition", "attachment; filename=\"koubei-export.csv\"");
        }
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        AtomicLong rows = new AtomicLong();
        queries.store().scan(filter, f -> {
            if (rows.incrementAndGet() > maxRows) {
                return;
            }
            try {
                csv.printRecord(row(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    static Object[] row(AnalyzedFeedback f) {
        var i = f.item();
        var a = f.analysis();
        return new Object[] {cell(i.id()), i.createdAt(), f.week(), i.channel().wireName(), cell(i.source()),
            cell(i.product()), cell(i.productVersion()), a.sentiment().polarity().wireName(), a.sentiment().score(),
            i.rating() == null ? null : i.rating().scale().wireName(), i.rating() == null ? null : i.rating().value(),
            a.npsClass() == null ? null : a.npsClass().wireName(), a.segment() == null ? null : a.segment().wireName(),
            a.opinions().stream().map(OpinionPoint::aspectPolarityKey).distinct().collect(Collectors.joining("|")),
            String.join("|", a.flags()), cell(i.authorId()), cell(PiiMasker.mask(i.text()))};
    }

    /**
     * User text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
     * apostrophe (OWASP "CSV injection"): the cell shows the text, never computes it.
     */
    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '＝' || c == '＋' || c == '－' || c == '＠'
                ? "'" + s : s;
    }
}
